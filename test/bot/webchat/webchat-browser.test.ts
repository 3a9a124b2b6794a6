// End to end in real Chromium: `aide-portail start` (the real bot, the demo data, the outbox as .eml files) and
// the Web Chat page at /, in WebSocket and polling modes. Welcome, a suggested action clicked, a password reset by
// secret question (the temporary password read from the outbox, then accepted by the core), a sign-in by code
// and « horaire de Léa demain » answered with an Adaptive Card, a reload that keeps the conversation, the English
// toggle; no console error, no request to another origin, axe-core's WCAG 2.1 AA rules, bytes on first and
// repeat visits. Screenshots at desktop and 360-px width go to test/artifacts/.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import type { BrowserContext, Page } from "playwright-core";
import { signIn } from "../../../core";
import { startSystem, type RunningSystem } from "../../../bin/start";
import { axeViolations, hasChromium, launchBrowser, recordPage, screenshot, type PageLog } from "../../helpers/browser";

jest.setTimeout(240_000);
const describeBrowser = hasChromium ? describe : describe.skip;
if (!hasChromium) {
  console.warn("Web Chat browser tests skipped: /usr/bin/chromium is not installed (apt-get install -y chromium)");
}

const SHARED_CACHE = path.join(os.tmpdir(), "aide-portail-webchat-cache");
let system: RunningSystem;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let base: string;
let outbox: string;

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

beforeAll(async () => {
  if (!hasChromium) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "aide-portail-webchat-"));
  // Brotli at quality 11 takes Web Chat's 3.9 MB some seconds: reuse the copies an earlier run made.
  if (fs.existsSync(SHARED_CACHE)) fs.cpSync(SHARED_CACHE, path.join(dataDir, "cache", "webchat"), { recursive: true });
  const port = await freePort();
  system = await startSystem({ env: { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "silent" }, host: "127.0.0.1" });
  base = `http://127.0.0.1:${port}`;
  outbox = path.join(dataDir, "outbox");
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  if (!system) return;
  const cache = path.join(system.booted.config.dataDir, "cache", "webchat");
  // The brotli copy is made in the thread pool: let it finish, so that the next run starts with it.
  while (!fs.readdirSync(cache).some((f) => /^webchat\..*\.js\.br$/.test(f))) await new Promise((r) => setTimeout(r, 200));
  await system.stop();
  fs.cpSync(cache, SHARED_CACHE, { recursive: true });
});

const SENDBOX = '[data-id="webchat-sendbox-input"]';

async function open(context: BrowserContext, query = "", width = 1280): Promise<{ page: Page; log: PageLog }> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: width < 500 ? 760 : 900 });
  const log = recordPage(page);
  await page.goto(`${base}/${query}`);
  return { page, log };
}

async function say(page: Page, text: string): Promise<void> {
  await page.locator(SENDBOX).fill(text);
  await page.locator(SENDBOX).press("Enter");
}

/** Waits for a bot bubble holding `text` (write it without quotes: Web Chat's Markdown curls them). */
async function botSays(page: Page, text: string): Promise<void> {
  await page.locator(".webchat__bubble:not(.webchat__bubble--from-user)").filter({ hasText: text }).first().waitFor();
}

/** The newest email to `to` whose subject matches, as the outbox wrote it (.eml), once it is there. */
async function nextEmail(to: string, subject: RegExp, after: number): Promise<string> {
  for (;;) {
    const files = fs.existsSync(outbox) ? fs.readdirSync(outbox).filter((f) => f.endsWith(".eml")) : [];
    for (const f of files) {
      const file = path.join(outbox, f);
      if (fs.statSync(file).mtimeMs < after) continue;
      const mail = await simpleParser(fs.readFileSync(file));
      if (mail.to && JSON.stringify(mail.to).includes(to) && subject.test(mail.subject ?? "")) return mail.text ?? "";
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function expectClean(log: PageLog): void {
  expect(log.consoleErrors).toEqual([]);
  // blob:http://127.0.0.1:PORT/… are this origin's own in-memory objects (Web Chat makes a few).
  const foreign = log.requests.filter((u) => !u.startsWith(`${base}/`) && !u.startsWith(`blob:${base}/`) && !u.startsWith("data:"));
  expect(foreign).toEqual([]);
}

describeBrowser.each([
  ["WebSocket", ""],
  ["polling", "?transport=polling"],
])("the Web Chat page (%s)", (mode, query) => {
  it("welcomes, shows suggested actions that work when clicked, and passes axe-core's WCAG 2.1 AA rules", async () => {
    const { page, log } = await open(browser.context, query);
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    expect(await page.locator("h1").textContent()).toBe("Aide-Portail, l'assistant du Portail Famille");
    expect(await page.locator(".contact").textContent()).toContain("portail.famille@cepeo.on.ca");
    await botSays(page, "assistant du Portail Famille du CEPEO");
    const actions = page.locator(".webchat__suggested-action");
    await actions.first().waitFor();
    await screenshot(page, `welcome-desktop-${mode}`);
    expect(await axeViolations(page)).toEqual([]);

    const label = (await actions.filter({ hasText: "Réinitialiser mon mot de passe" }).first().textContent())!.trim();
    await actions.filter({ hasText: label }).first().click();
    await page.locator(".webchat__bubble--from-user").filter({ hasText: label }).first().waitFor();
    await botSays(page, "Quel est votre nom d");
    if (mode === "WebSocket") expect(log.webSockets.length).toBeGreaterThan(0);
    else {
      expect(log.webSockets).toEqual([]);
      expect(log.requests.some((u) => u.includes("/activities?watermark="))).toBe(true);
    }
    expectClean(log);
    await page.close();
  });
});

describeBrowser("the Web Chat page flows (real bot, demo data)", () => {
  it("resets a password by secret question; the emailed temporary password is accepted", async () => {
    const { page, log } = await open(browser.context);
    await botSays(page, "assistant du Portail Famille du CEPEO");
    const since = Date.now();
    await say(page, "j'ai oublié mon mot de passe");
    await botSays(page, "votre adresse courriel");
    await say(page, "marie.tremblay@exemple.ca");
    await botSays(page, "personnage fictif");
    await say(page, "Tintin");
    await botSays(page, "un nouveau mot de passe temporaire a été envoyé");
    await screenshot(page, "password-reset-desktop");
    const text = await nextEmail("marie.tremblay@exemple.ca", /mot de passe/i, since - 1000);
    const password = /temporaire est (\S+)/.exec(text)?.[1];
    expect(password).toBeTruthy();
    const signed = await signIn(system.booted.ctx, { email: "marie.tremblay@exemple.ca", password: password! });
    expect(signed.mustChangePassword).toBe(true);
    expectClean(log);
    await page.close();
  });

  it("signs in by emailed code, answers « horaire de Léa demain » with an Adaptive Card, and a reload keeps the conversation", async () => {
    const { page, log } = await open(browser.context, "", 360);
    await botSays(page, "assistant du Portail Famille du CEPEO");
    await screenshot(page, "welcome-phone");
    const since = Date.now();
    await say(page, "horaire de Léa demain");
    await botSays(page, "Quelle est l");
    await say(page, "marie.tremblay@exemple.ca");
    await botSays(page, "Entrez le code à 6 chiffres");
    const code = /\b(\d{6})\b/.exec(await nextEmail("marie.tremblay@exemple.ca", /code/i, since - 1000))?.[1];
    expect(code).toMatch(/^\d{6}$/);
    await say(page, code!);
    const card = page.locator(".ac-adaptiveCard").filter({ hasText: "Léa" }).first();
    await card.waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, "schedule-card-phone");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360); // no sideways scrolling
    expect(await axeViolations(page)).toEqual([]);

    await page.reload();
    await page.locator(".ac-adaptiveCard").filter({ hasText: "Léa" }).first().waitFor();
    await page.locator(".webchat__bubble--from-user").filter({ hasText: "horaire de Léa demain" }).first().waitFor();
    expectClean(log);
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, "schedule-card-desktop");
    await page.close();
  });

  it("switches to English with the toggle, keyboard only", async () => {
    const { page, log } = await open(browser.context);
    await botSays(page, "assistant du Portail Famille");
    const toggle = page.locator("a.lang-switch");
    expect(await toggle.getAttribute("lang")).toBe("en");
    await toggle.focus();
    await Promise.all([page.waitForURL(/lang=en/), page.keyboard.press("Enter")]);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("h1").textContent()).toBe("Aide-Portail, the Portail Famille assistant");
    await page.locator(SENDBOX).waitFor();
    expect(await page.locator(SENDBOX).getAttribute("placeholder")).toMatch(/Type your message/i);
    await page.locator(".webchat__bubble").first().waitFor(); // the conversation goes on in the new page
    await say(page, "hello");
    await botSays(page, "Hello");
    await screenshot(page, "english-desktop");
    await page.setViewportSize({ width: 360, height: 760 });
    await screenshot(page, "english-phone");
    expect(await axeViolations(page)).toEqual([]);
    expectClean(log);
    await page.close();
  });

  it("sends Web Chat compressed once: bytes on a first and a repeat visit", async () => {
    const fresh = await launchBrowser();
    try {
      const measure = async (page: Page) => {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send("Network.enable");
        let bytes = 0;
        cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength));
        await page.goto(`${base}/`);
        await botSays(page, "assistant du Portail Famille");
        return bytes;
      };
      const first = await measure(await fresh.context.newPage());
      const repeat = await measure(await fresh.context.newPage());
      fs.mkdirSync(path.join(__dirname, "../../artifacts"), { recursive: true });
      fs.writeFileSync(path.join(__dirname, "../../artifacts/page-bytes.json"), JSON.stringify({ first, repeat }, null, 2));
      console.log(`Web Chat page: ${first} bytes on a first visit, ${repeat} on a repeat visit`);
      expect(first).toBeLessThan(1_300_000); // 3.9 MB uncompressed
      expect(repeat).toBeLessThan(50_000); // the bundle comes from the browser's cache
    } finally {
      await fresh.close();
    }
  });
});
