// Fault: PostgreSQL restarted under a running `aide-portail start`, mid-traffic. A PostgreSQL server of the
// test's own (scripts/pg-test-server.sh: a private cluster under a temp dir, its own port) holds the database;
// the system reads a private Dovecot by IMAP and sends by SMTP to a sink. Chat turns (Direct Line) and emails
// go on before, during and after a fast shutdown of the server: during the outage every request gets a clean
// 503 with the template sentence « injoignable pour le moment », the process never crashes; once the server is
// back, it recovers by itself (no restart): chat answers again, the mailbox is read again, each email is one
// ticket and one reply — none lost, none twice, none quarantined for the outage.
// Needs PostgreSQL's server binaries (Debian package postgresql), root (the cluster runs as the postgres user)
// and dovecot; skipped, saying so, without them. It brings its own server, so it runs in one pass only: the
// embedded-database one (DATABASE_URL unset).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ImapFlow } from "imapflow";
import { translator } from "../../../core";
import { PROCESSED_FOLDER } from "../../../mail-agent";
import { BIN, freePort, killLeftovers, logLines, startAidePortail, type StartedProcess } from "../../helpers/aide-portail-process";
import { DOVECOT_BIN, connectTestImap, startDovecot, type Dovecot } from "../../helpers/dovecot";
import { parentEmail } from "../../helpers/mail-fixtures";
import { startSmtpSink, waitFor, type SmtpSink } from "../../helpers/smtp-sink";
import { describeUnless } from "../../helpers/describe-unless";

const FILE = "test/production/faults/postgres-restart.test.ts";
const ROOT = path.resolve(__dirname, "../../..");
const PG_SCRIPT = path.join(ROOT, "scripts/pg-test-server.sh");
const pgBinaries = () => {
  try {
    return fs.readdirSync("/usr/lib/postgresql").some((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
  } catch {
    return false;
  }
};
const maybe = describeUnless(FILE, [
  [Boolean(process.env.DATABASE_URL), "it runs a PostgreSQL server of its own, in the embedded-database pass"],
  [!pgBinaries(), "PostgreSQL's server binaries are not installed (apt-get install -y postgresql)"],
  [process.getuid?.() !== 0, "needs root (the private cluster runs as the postgres user)"],
  [!DOVECOT_BIN, "dovecot is not installed (apt-get install -y dovecot-imapd)"],
]);
jest.setTimeout(300_000);

const APP_SECRET = "postgres-restart-test-secret-0123456789abcdef";
const UNREACHABLE = String(translator("fr")("errors:db.unreachable"));
const STAFF_EMAIL = "agent.panne@ecoles.exemple.ca";
const STAFF_PASSWORD = "Panne-Base-2026!";
let staffCode = "";

maybe("PostgreSQL restarted under a running aide-portail start", () => {
  const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-fault-pg-"));
  let pgUrl: string;
  let dovecot: Dovecot;
  let imap: ImapFlow;
  let sink: SmtpSink;
  let app: StartedProcess;
  const inbound: { from: string; messageId: string }[] = [];

  const pgServer = (...args: string[]) => {
    const r = spawnSync("bash", [PG_SCRIPT, ...args], { encoding: "utf8" });
    if (r.status !== 0)
      throw new Error(
        `pg-test-server.sh ${args.join(" ")}: ${r.stderr}${fs.existsSync(`${pgDir}/server.log`) ? fs.readFileSync(`${pgDir}/server.log`, "utf8") : ""}`,
      );
    return r.stdout.trim();
  };
  async function sql<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    try {
      return (await c.query<T>(text)).rows;
    } finally {
      await c.end();
    }
  }
  const count = async (box: string) => {
    const st = await imap.status(box, { messages: true }).catch(() => false as const);
    return st ? (st.messages ?? 0) : 0;
  };
  async function sendEmails(tag: string, n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const mail = parentEmail({ from: `parent.${tag}${i}@exemple.ca` });
      inbound.push({ from: `parent.${tag}${i}@exemple.ca`, messageId: mail.messageId });
      await imap.append("INBOX", mail.raw);
    }
  }
  const allProcessed = () =>
    waitFor(
      async () => (await count("INBOX")) === 0 && (await count(PROCESSED_FOLDER)) === inbound.length,
      `the ${inbound.length} emails processed`,
      90_000,
    );

  /** Direct Line as Web Chat speaks it. */
  const dl = (p: string, init: { token?: string; body?: unknown; method?: string } = {}) =>
    fetch(`${app.url}/v3/directline${p}`, {
      method: init.method ?? "POST",
      headers: { "content-type": "application/json", ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      body: init.method === "GET" ? undefined : JSON.stringify(init.body ?? {}),
    });
  async function openConversation(): Promise<{ id: string; token: string }> {
    const gen = await dl("/tokens/generate");
    expect(gen.status).toBe(200);
    const { token, conversationId } = (await gen.json()) as { token: string; conversationId: string };
    expect([200, 201]).toContain((await dl("/conversations", { token })).status);
    return { id: conversationId, token };
  }
  /** One turn: the message is accepted and the bot answers it (an activity from the bot after it). */
  async function chatTurn(conv: { id: string; token: string }, text: string): Promise<void> {
    const posted = await dl(`/conversations/${conv.id}/activities`, {
      token: conv.token,
      body: { type: "message", text, locale: "fr-CA", from: { id: "parent" } },
    });
    expect(posted.status).toBe(200);
    const { id } = (await posted.json()) as { id: string };
    await waitFor(
      async () => {
        const res = await dl(`/conversations/${conv.id}/activities?watermark=0`, { token: conv.token, method: "GET" });
        const { activities } = (await res.json()) as { activities: { id: string; from: { role?: string } }[] };
        const at = activities.findIndex((a) => a.id === id);
        return at >= 0 && activities.slice(at + 1).some((a) => a.from.role === "bot");
      },
      `the bot's answer to « ${text} »`,
      60_000,
    );
  }
  /** The console's sign-in form, then its POST with a demo secretary's credentials. */
  async function staffSignIn(): Promise<Response> {
    const form = await fetch(`${app.url}/triage/sign-in`); // the form itself needs no database
    expect(form.status).toBe(200);
    const pre = /name="_pre" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
    return fetch(`${app.url}/triage/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `ap_presignin=${pre}` },
      body: new URLSearchParams({
        _pre: pre,
        email: STAFF_EMAIL,
        password: STAFF_PASSWORD,
      }).toString(),
    });
  }
  /** During the outage: a clean 503 in the person's language, never a 500 or a dropped connection. */
  async function expectUnavailable(res: Response): Promise<void> {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    expect({ status: res.status, message: body.error?.message }).toEqual({ status: 503, message: UNREACHABLE });
  }

  beforeAll(async () => {
    fs.chmodSync(pgDir, 0o755); // the postgres user must reach it
    pgUrl = pgServer(pgDir, String(await freePort()));
    [dovecot, sink] = await Promise.all([startDovecot(), startSmtpSink()]);
    imap = await connectTestImap(dovecot);
    const env = {
      DATABASE_URL: pgUrl,
      APP_SECRET,
      SMTP_URL: sink.url,
      DATA_DIR: path.join(pgDir, "app"),
      IMAP_HOST: "127.0.0.1",
      IMAP_PORT: String(dovecot.port),
      IMAP_USER: dovecot.user,
      IMAP_PASSWORD: dovecot.password,
      IMAP_SECURE: "false",
      LOG_LEVEL: "info",
    };
    const migrate = spawnSync(process.execPath, [BIN, "db", "migrate"], {
      env: { ...process.env, NODE_OPTIONS: "", ...env },
      encoding: "utf8",
    });
    expect(migrate.status).toBe(0);
    // A staff member of the console, made as an administrator does: `staff add`, then the set-password link.
    const added = spawnSync(process.execPath, [BIN, "staff", "add", "--email", STAFF_EMAIL, "--role", "agent"], {
      env: { ...process.env, NODE_OPTIONS: "", ...env },
      encoding: "utf8",
    });
    expect(added.status).toBe(0);
    staffCode = /[?&]code=([^\s&]+)/.exec(added.stdout)?.[1] ?? "";
    app = await startAidePortail(env);
    const set = await fetch(`${app.url}/triage/set-password`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ code: decodeURIComponent(staffCode), password: STAFF_PASSWORD, confirm: STAFF_PASSWORD }).toString(),
    });
    expect(set.status).toBe(200);
  });
  afterAll(async () => {
    await app?.stop();
    killLeftovers();
    await imap?.logout().catch(() => undefined);
    await dovecot?.stop();
    await sink?.close();
    spawnSync("bash", [PG_SCRIPT, "stop", pgDir]);
    fs.rmSync(pgDir, { recursive: true, force: true });
  });

  it("serves clean errors during the outage and recovers by itself, nothing lost, nothing twice", async () => {
    // Before: chat answers, emails become tickets.
    const before = await openConversation();
    await chatTurn(before, "bonjour");
    await sendEmails("avant", 3);
    await allProcessed();

    const signedIn = await staffSignIn();
    expect(signedIn.status).toBe(303);
    const staffCookie = /ap_staff=[^;]+/.exec(signedIn.headers.get("set-cookie") ?? "")?.[0] ?? "";
    expect((await fetch(`${app.url}/api/tickets`, { headers: { cookie: staffCookie } })).status).toBe(200);

    // The outage: a fast shutdown (every session cut), mail still arriving.
    pgServer("stop", pgDir);
    await sendEmails("pendant", 3);
    for (let i = 0; i < 3; i++) {
      await expectUnavailable(
        await dl(`/conversations/${before.id}/activities`, {
          token: before.token,
          body: { type: "message", text: "mot de passe oublié", locale: "fr-CA", from: { id: "parent" } },
        }),
      );
      await expectUnavailable(await dl("/tokens/generate"));
      await expectUnavailable(await dl(`/conversations/${before.id}/activities?watermark=0`, { token: before.token, method: "GET" }));
    }
    // The triage console too: signing in and a signed-in secretary's API call say « try again shortly » (503).
    const signIn = await staffSignIn();
    expect({ status: signIn.status, retry: signIn.headers.get("retry-after") }).toEqual({ status: 503, retry: "5" });
    expect(await signIn.text()).toContain(UNREACHABLE.replace(/'/g, "&#39;")); // as the page escapes it
    const api = await fetch(`${app.url}/api/tickets`, { headers: { cookie: staffCookie } });
    expect({ status: api.status, retry: api.headers.get("retry-after"), body: await api.json() }).toEqual({
      status: 503,
      retry: "5",
      body: { error: "db.unreachable", message: UNREACHABLE },
    });
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(503);
    expect(app.child.exitCode).toBeNull();
    await waitFor(
      () => logLines(app.output()).some((l) => l.msg === "outbox round failed: database unreachable"),
      "the outbox's poll meets the outage",
      20_000,
    );

    // Back: no restart of aide-portail; it finds the server again by itself.
    pgServer(pgDir, new URL(pgUrl).port);
    await waitFor(async () => (await fetch(`${app.url}/readyz`)).status === 200, "/readyz green again", 60_000);
    await chatTurn(before, "mot de passe oublié");
    await chatTurn(await openConversation(), "bonjour");
    await allProcessed();
    await sendEmails("apres", 2);
    await allProcessed();

    // Every email: one ticket, one reply; nothing quarantined, nothing twice.
    const tickets = await sql<{ e: string }>(`select "requesterEmail" as e from "Ticket"`);
    expect(tickets.map((t) => t.e).sort()).toEqual(inbound.map((m) => m.from).sort());
    expect(await sql(`select id from "MailQuarantine"`)).toEqual([]);
    await waitFor(
      () => inbound.every((m) => sink.received.some((r) => r.raw.includes(`In-Reply-To: ${m.messageId}`))),
      "a reply to every email at the SMTP sink",
      60_000,
    );
    for (const m of inbound)
      expect({ email: m.from, replies: sink.received.filter((r) => r.raw.includes(`In-Reply-To: ${m.messageId}`)).length }).toEqual({
        email: m.from,
        replies: 1,
      });
    expect(app.child.exitCode).toBeNull();
    const lines = logLines(app.output());
    expect(lines.filter((l) => Number(l.level) >= 60)).toEqual([]);
    // The outbox told the outage as one (outage-log.test.ts checks the once-a-minute rule on a test clock): its
    // first line, perhaps a second if the pool lost a connection once more on the way back, and its end.
    const outbox = lines.filter((l) => l.component === "outbox").map((l) => String(l.msg));
    expect(outbox.filter((m) => m === "outbox round failed: database unreachable").length).toBeLessThanOrEqual(2);
    expect(outbox.filter((m) => m === "outbox round failed")).toEqual([]);
    expect(outbox).toContain("outbox rounds work again");
  });
});
