// The console in a real browser (Debian chromium + playwright-core) against the whole system of `npm start`
// (embedded database seeded with the demo, outbox delivered by SMTP to an in-process smtp-server sink):
// a secretary signs in with the keyboard alone, sees only her school's queue, opens an email ticket, replies
// with a canned answer and the reply reaches the SMTP sink threaded; an agent re-routes a ticket from one
// school's queue to another's; a closed ticket reopens when the parent answers; the insight page draws its
// charts. Every page is checked with axe-core (WCAG 2.1 AA) and photographed into test/artifacts/.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { addTicketMessage } from "../../core";
import { startSystem, type RunningSystem } from "../../bin/start";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.resolve(__dirname, "../artifacts");
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const PASSWORD = "Personnel-Demo-2026";
const MARIE_CURIE = "secretariat.marie-curie@ecoles.exemple.ca";
const JEANNE_SAUVE = "secretariat.jeanne-sauve@ecoles.exemple.ca";
const AGENT = "aide.portail@exemple.ca";

const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) console.warn(`SKIPPED: the triage browser tests need Debian's chromium at ${CHROMIUM} (apt-get install -y chromium)`);
const describeBrowser = hasChromium ? describe : describe.skip;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

let system: RunningSystem;
let smtp: SMTPServer;
let browser: BrowserContext;
let base: string;
const received: ParsedMail[] = [];
const waiters: { match: (m: ParsedMail) => boolean; resolve: (m: ParsedMail) => void }[] = [];

/** Resolves with the first email (already received or to come) that matches: an event, not a sleep. */
function mailMatching(match: (m: ParsedMail) => boolean): Promise<ParsedMail> {
  const found = received.find(match);
  return found ? Promise.resolve(found) : new Promise((resolve) => waiters.push({ match, resolve }));
}

beforeAll(async () => {
  if (!hasChromium) return;
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then((m) => {
        received.push(m);
        for (const w of waiters.filter((x) => x.match(m))) w.resolve(m);
        done();
      }, done);
    },
  });
  const smtpPort = await freePort();
  await new Promise<void>((r) => smtp.listen(smtpPort, "127.0.0.1", () => r()));
  const port = await freePort();
  base = `http://localhost:${port}`;
  system = await startSystem({
    host: "127.0.0.1",
    env: {
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "ap-triage-browser-")),
      PORT: String(port),
      PUBLIC_URL: base,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      LOG_LEVEL: "silent",
    },
  });
  browser = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), "ap-chromium-")), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1366, height: 800 },
    locale: "fr-CA",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-features=AutofillServerCommunication",
      "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
    ],
  });
}, 180_000);

afterAll(async () => {
  if (!hasChromium) return;
  await browser?.close();
  await system?.stop();
  await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
});

async function expectAccessible(page: Page, what: string): Promise<void> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } })
      .axe;
    const r = await axe.run({ runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(" ")}`);
  });
  expect([what, violations]).toEqual([what, []]);
}

/** Presses Tab until the element is focused: it is reachable with the keyboard alone. */
async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  const target = page.locator(selector).first();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`${selector} is not reachable with Tab`);
}

async function signIn(email: string): Promise<Page> {
  await browser.clearCookies(); // one person at a time in this browser
  const page = await browser.newPage();
  await page.goto(`${base}/triage`);
  await page.waitForURL(/\/triage\/sign-in$/);
  await tabTo(page, "#email");
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/triage$/);
  return page;
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await page.waitForURL(/sign-in/);
  await page.close();
}

const schoolColumn = (page: Page) => page.locator("table.queue tbody tr td:nth-child(7)").allInnerTexts();

describeBrowser("triage console in Chromium", () => {
  it("a secretary signs in, sees only her school, answers an email ticket with a canned answer; the reply reaches the parent threaded", async () => {
    const page = await signIn(MARIE_CURIE);
    expect(await page.locator("h1").innerText()).toBe("Demandes des parents");
    const schools = await schoolColumn(page);
    expect(schools.length).toBeGreaterThan(0);
    expect(new Set(schools)).toEqual(new Set(["École élémentaire publique Marie-Curie"]));
    expect(await page.content()).not.toContain("Retards de Léa"); // Jeanne-Sauvé's ticket
    await expectAccessible(page, "queue");
    await page.screenshot({ path: path.join(ARTIFACTS, "triage-queue.png"), fullPage: true });

    await tabTo(page, 'table.queue th a:text-is("Bulletin de Zoé introuvable")');
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/triage\/tickets\//);
    expect(await page.locator("details summary").first().innerText()).toBe("Afficher le texte cité");
    expect(await page.locator("details").first().getAttribute("open")).toBeNull();
    await tabTo(page, "#canned");
    await page.selectOption("#canned", "received");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter"); // « Insérer »
    await page.waitForURL(/canned=received/);
    const draft = await page.inputValue("#reply-body");
    expect(draft).toContain("Bonjour Julie Gagnon");
    expect(draft).toContain("Zoé Gagnon");
    await expectAccessible(page, "ticket");
    await page.screenshot({ path: path.join(ARTIFACTS, "triage-ticket.png"), fullPage: true });
    await tabTo(page, 'button:text-is("Envoyer la réponse")');
    await page.keyboard.press("Enter");
    await page.waitForURL(/done=reply/);
    expect(await page.getByRole("status").first().innerText()).toBe("Votre réponse a été envoyée au parent.");

    const mail = await mailMatching(
      (m) =>
        m.subject?.includes("Bulletin de Zoé introuvable") === true && (m.to as { text: string }).text.includes("julie.gagnon@exemple.ca"),
    );
    expect(mail.subject).toBe("[AP-000001] Re : Bulletin de Zoé introuvable");
    expect(mail.inReplyTo).toBe("<demo-1@demo.aide-portail>");
    expect([mail.references].flat()).toContain("<demo-1@demo.aide-portail>");
    expect(mail.from?.text).toContain("portail.famille@cepeo.on.ca");
    expect(mail.headers.get("auto-submitted")).toBeUndefined();
    expect(mail.text).toContain("Nous avons bien reçu votre demande au sujet de Zoé Gagnon");
    await signOut(page);
  });

  it("an agent re-routes a ticket: it leaves one school's queue for the other's", async () => {
    const before = await signIn(JEANNE_SAUVE);
    expect(await before.content()).toContain("Retards de Léa cette semaine");
    await signOut(before);

    const agent = await signIn(AGENT);
    await agent.getByRole("link", { name: "Retards de Léa cette semaine" }).click();
    await agent.selectOption("#target", "EEP-MARIE-CURIE");
    await agent.fill("#reason", "La famille a demandé l'école de la sœur");
    await agent.getByRole("button", { name: "Réacheminer" }).click();
    await agent.waitForURL(/done=reroute/);
    expect(await agent.locator(".meta").innerText()).toContain("École élémentaire publique Marie-Curie");
    await signOut(agent);

    const jeanne = await signIn(JEANNE_SAUVE);
    expect(await jeanne.content()).not.toContain("Retards de Léa cette semaine");
    await signOut(jeanne);
    const marie = await signIn(MARIE_CURIE);
    expect(await marie.content()).toContain("Retards de Léa cette semaine");
    await signOut(marie);
  });

  it("a closed ticket reopens when the parent answers, and the school is told", async () => {
    const page = await signIn(MARIE_CURIE);
    await page.getByRole("link", { name: "Je ne vois pas Émile dans mon portail" }).click();
    await page.selectOption("#status", "CLOSED");
    await page.getByRole("button", { name: "Changer" }).click();
    await page.waitForURL(/done=status/);
    expect(await page.locator(".meta .badge").first().innerText()).toBe("Fermée");
    const ticketId = page.url().split("/tickets/")[1].split("?")[0];

    // The parent answers (what the mail agent does with a reply by email).
    await addTicketMessage(system.booted.ctx, {
      ticketId,
      author: "PARENT",
      body: "Merci, mais Émile n'apparaît toujours pas.",
      emailMessageId: "<reply-emile@exemple.ca>",
    });
    await page.reload();
    expect(await page.locator(".meta .badge").first().innerText()).toBe("En cours");
    expect(await page.content()).toContain("Émile n'apparaît toujours pas");
    const notice = await mailMatching((m) => m.subject?.includes("Nouvelle réponse du parent") === true);
    expect((notice.to as { text: string }).text).toBe("eep-marie-curie@ecoles.exemple.ca");
    await signOut(page);
  });

  it("the insight page draws its charts from our own server", async () => {
    const page = await signIn(AGENT);
    const external: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(base)) external.push(r.url());
    });
    await page.getByRole("link", { name: "Statistiques" }).click();
    await page.waitForSelector("html[data-charts-drawn='3']");
    for (const id of ["chart-weeks", "chart-channels", "chart-schools"]) {
      const box = await page.locator(`#${id}`).boundingBox();
      expect(box!.width).toBeGreaterThan(200);
      expect(box!.height).toBeGreaterThan(100);
    }
    expect(await page.content()).toContain("est-ce que le portail marche sur ma tablette samsung?");
    expect(external).toEqual([]);
    await expectAccessible(page, "insight");
    await page.screenshot({ path: path.join(ARTIFACTS, "triage-insight.png"), fullPage: true });
    await signOut(page);
  });
});
