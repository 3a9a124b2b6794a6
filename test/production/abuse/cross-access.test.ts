// Cross-family and cross-school access on every route the real server registers (bin/start.ts, read back from
// restify's router): the test fails when a route has no row in the access matrix below. The victim is a demo
// family (Julie Gagnon, her daughter Zoé, EEP Marie-Curie) with a ticket, an attachment, a quarantined email
// and a signed-in chat where Zoé's schedule was shown. Each row is tried by a parent of another family
// (signed in to her own chat), a secretary of another school (signed in to the console) and nobody: not one
// answer — body, headers, or the replies the bot sends elsewhere — may carry Zoé's name, OEN or ticket text.
import http from "node:http";
import { WebSocket } from "ws";
import { addTicketAttachment, createTicket, signInStaff } from "../../../core";
import { quarantineEmail } from "../../../core/mail/quarantine";
import { startSystemInProcess, type SystemInProcess } from "../../helpers/system-in-process";

jest.setTimeout(170_000);

const DL = "/v3/directline";
const MARKER = "zorglubVictime";
const OEN = "325871406";
// What the victim's data looks like; no attacker's request spells any of it (an echo would count as a leak).
const LEAKS = ["Zoé", "Zoe", OEN, MARKER];

let sys: SystemInProcess;
let collector: { url: string; bodies: string[]; close(): Promise<void> };
const v = {} as {
  ticketId: string;
  attachmentId: string;
  quarantineId: string;
  conversationId: string;
  userId: string;
  connectorSecret: string;
};
type Attacker = "nobody" | "parentOfAnotherFamily" | "secretaryOfAnotherSchool";
const creds = {} as Record<Attacker, { dlToken?: string; dlConversation?: string; cookie?: string; csrf?: string }>;

/** Replies the bot sends to a serviceUrl an attacker chose (POST /api/messages). */
async function startCollector(): Promise<typeof collector> {
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      bodies.push(body);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: `r-${bodies.length}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { url, bodies, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A Direct Line conversation signed in as `email` by the emailed code; returns its token and id. */
async function signedInChat(email: string, question: string): Promise<{ token: string; conversationId: string; userId: string }> {
  const g = (await (await fetch(`${sys.base}${DL}/tokens/generate`, { method: "POST" })).json()) as {
    token: string;
    conversationId: string;
    userId: string;
  };
  const headers = { Authorization: `Bearer ${g.token}`, "Content-Type": "application/json" };
  await fetch(`${sys.base}${DL}/conversations`, { method: "POST", headers });
  const say = (text: string) =>
    fetch(`${sys.base}${DL}/conversations/${g.conversationId}/activities`, {
      method: "POST",
      headers,
      body: JSON.stringify({ type: "message", text }),
    });
  const since = new Date(Date.now() - 1000);
  await say(question);
  await say(email);
  let code: string | undefined;
  for (let i = 0; i < 200 && !code; i++) {
    const mail = await sys.ctx.prisma.outboxMessage.findFirst({
      where: { toAddress: email, createdAt: { gte: since } },
      orderBy: { createdAt: "desc" },
    });
    code = mail ? /\n(\d{6})\n/.exec(mail.text)?.[1] : undefined;
    if (!code) await new Promise((r) => setTimeout(r, 50));
  }
  expect(code).toBeDefined();
  await say(code!);
  return g;
}

beforeAll(async () => {
  sys = await startSystemInProcess();
  collector = await startCollector();
  const ctx = sys.ctx;
  const zoe = await ctx.prisma.student.findFirstOrThrow({ where: { oen: OEN }, select: { id: true, givenName: true } });
  expect(zoe.givenName).toBe("Zoé");
  const julie = await ctx.prisma.account.findUniqueOrThrow({ where: { email: "julie.gagnon@exemple.ca" }, select: { id: true } });
  const t = await createTicket(ctx, {
    channel: "EMAIL",
    subject: `Bulletin de Zoé ${MARKER}`,
    body: `Bonjour, le bulletin de Zoé (NISO ${OEN}) est introuvable. ${MARKER}`,
    lang: "fr",
    schoolCode: "EEP-MARIE-CURIE",
    studentId: zoe.id,
    accountId: julie.id,
    requester: { name: "Julie Gagnon", email: "julie.gagnon@exemple.ca" },
  });
  v.ticketId = t.id;
  v.attachmentId = (
    await addTicketAttachment(ctx, {
      ticketId: t.id,
      fileName: "zoe.txt",
      contentType: "text/plain",
      content: Buffer.from(`Zoé ${OEN} ${MARKER}`),
    })
  ).id;
  const raw = Buffer.from(`From: julie.gagnon@exemple.ca\r\nSubject: Zoé ${MARKER}\r\n\r\nNISO de Zoé : ${OEN}\r\n`);
  v.quarantineId = (
    await quarantineEmail(ctx, {
      raw,
      dedupeKey: `abuse-${MARKER}`,
      messageId: null,
      contentHash: MARKER,
      stage: "09-classify",
      reason: "test",
      subject: `Zoé ${MARKER}`,
    })
  ).id;
  const victimChat = await signedInChat("julie.gagnon@exemple.ca", "horaire de Zoé demain");
  v.conversationId = victimChat.conversationId;
  v.userId = victimChat.userId;
  // The victim's data is there for whoever may see it, so its absence below means something.
  const own = await (
    await fetch(`${sys.base}${DL}/conversations/${v.conversationId}/activities`, {
      headers: { Authorization: `Bearer ${victimChat.token}` },
    })
  ).text();
  expect(own).toContain("Zoé");
  const parent = await signedInChat("marie.tremblay@exemple.ca", "horaire de Léa demain");
  const secretary = await signInStaff(ctx, { email: "secretariat.jeanne-sauve@ecoles.exemple.ca", password: "Personnel-Demo-2026" });
  const ownSchool = await signInStaff(ctx, { email: "secretariat.marie-curie@ecoles.exemple.ca", password: "Personnel-Demo-2026" });
  const csrfOf = async (token: string) =>
    (await fetch(`${sys.base}/api/tickets?limit=1`, { headers: { cookie: `ap_staff=${token}` } })).headers.get("x-csrf-token")!;
  const legit = await (await fetch(`${sys.base}/api/tickets/${v.ticketId}`, { headers: { cookie: `ap_staff=${ownSchool.token}` } })).text();
  expect(legit).toContain(MARKER);
  creds.nobody = {};
  creds.parentOfAnotherFamily = { dlToken: parent.token, dlConversation: parent.conversationId };
  creds.secretaryOfAnotherSchool = { cookie: `ap_staff=${secretary.token}`, csrf: await csrfOf(secretary.token) };
  const connector = routes().find((r) => r.path.startsWith("/_connector/"))!;
  v.connectorSecret = connector.path.split("/")[2];
});
afterAll(async () => {
  await collector?.close();
  await sys?.stop();
});

function routes(): { method: string; path: string }[] {
  const info = (sys.system.server as unknown as { getDebugInfo(): { routes: { method: string; path: string }[] } }).getDebugInfo();
  return info.routes.map((r) => ({ method: r.method.toUpperCase(), path: String(r.path) }));
}

interface Probe {
  method: string;
  path: string;
  body?: unknown;
  form?: boolean;
}

const form = (path: string, body: Record<string, string> = {}): Probe => ({ method: "POST", path, body, form: true });
const json = (path: string, body: unknown = {}): Probe => ({ method: "POST", path, body });
const get = (path: string): Probe => ({ method: "GET", path });
const T = () => `/triage/tickets/${v.ticketId}`;
const A = () => `/api/tickets/${v.ticketId}`;
const activity = (channelId: string) => ({
  type: "message",
  id: `atk-${channelId}`,
  text: "horaire demain", // the bot would ask « for which child? » with the names, in a hijacked session
  channelId,
  serviceUrl: collector.url,
  locale: "fr-CA",
  from: { id: v.userId, role: "user" },
  recipient: { id: "aide-portail", role: "bot" },
  conversation: { id: v.conversationId },
});

/** Every route, and what an attacker tries on it (`:param` of the victim's ticket, chat, quarantine…). */
const MATRIX: Record<string, (a: Attacker) => Probe[]> = {
  "GET /healthz": () => [get("/healthz")],
  "GET /readyz": () => [get("/readyz")],
  "GET /metrics": () => [get("/metrics")],
  "POST /api/messages": () => [json("/api/messages", activity("directline")), json("/api/messages", activity("webchat"))],
  [`OPTIONS ${DL}/*`]: () => [{ method: "OPTIONS", path: `${DL}/conversations/${v.conversationId}/activities` }],
  [`POST ${DL}/tokens/generate`]: () => [json(`${DL}/tokens/generate`, { conversationId: v.conversationId, userId: v.userId })],
  [`POST ${DL}/tokens/refresh`]: () => [json(`${DL}/tokens/refresh`, { conversationId: v.conversationId })],
  [`POST ${DL}/conversations`]: () => [json(`${DL}/conversations`, { conversationId: v.conversationId })],
  [`GET ${DL}/conversations/:conversationId`]: () => [get(`${DL}/conversations/${v.conversationId}`)],
  [`POST ${DL}/conversations/:conversationId/activities`]: () => [
    json(`${DL}/conversations/${v.conversationId}/activities`, { type: "message", text: "horaire demain" }),
  ],
  [`GET ${DL}/conversations/:conversationId/activities`]: () => [get(`${DL}/conversations/${v.conversationId}/activities?watermark=0`)],
  [`POST ${DL}/conversations/:conversationId/upload`]: () => [json(`${DL}/conversations/${v.conversationId}/upload`)],
  // The Connector routes' secret is what an attacker lacks: she guesses it.
  "POST /_connector/:secret/v3/conversations/:conversationId/activities": () => [
    json(`/_connector/guess/v3/conversations/${v.conversationId}/activities`, { type: "message", text: "x" }),
  ],
  "POST /_connector/:secret/v3/conversations/:conversationId/activities/:activityId": () => [
    json(`/_connector/guess/v3/conversations/${v.conversationId}/activities/1`, { type: "message", text: "x" }),
  ],
  "GET /": () => [get("/"), get("/?lang=en")],
  "GET /webchat/:file": () => [get("/webchat/..%2F..%2Fdata%2Fsecret.key"), get("/webchat/webchat.js")],
  "GET /triage/assets/:name": () => [get("/triage/assets/..%2F..%2Fcore%2Fconfig.ts"), get("/triage/assets/triage.css")],
  "GET /triage/sign-in": () => [get("/triage/sign-in")],
  "POST /triage/sign-in": () => [form("/triage/sign-in", { email: "julie.gagnon@exemple.ca", password: "x" })],
  "POST /triage/sign-out": (a) => [form("/triage/sign-out", csrf(a))],
  "GET /triage/set-password": () => [get("/triage/set-password?code=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")],
  "POST /triage/set-password": () => [
    form("/triage/set-password", { code: "a".repeat(32), password: "Nouveau-2026-xx", confirm: "Nouveau-2026-xx" }),
  ],
  "GET /triage/lang/:lang": () => [get("/triage/lang/en")],
  "GET /triage": () => [get("/triage"), get("/triage?q=Gagnon"), get(`/triage?school=EEP-MARIE-CURIE`)],
  "POST /triage/search": (a) => [form("/triage/search", { q: "zorglub", ...csrf(a) }), form("/triage/search", { q: "Gagnon", ...csrf(a) })],
  "GET /triage/tickets/:id": () => [get(T())],
  "GET /triage/tickets/:id/attachments/:attachmentId": () => [get(`${T()}/attachments/${v.attachmentId}`)],
  "GET /api/tickets": () => [get("/api/tickets?limit=100"), get("/api/tickets?school=EEP-MARIE-CURIE&limit=100")],
  "POST /api/tickets/search": () => [json("/api/tickets/search", { q: "zorglub" }), json("/api/tickets/search", { q: "Gagnon" })],
  "GET /api/tickets/:id": () => [get(A())],
  "GET /api/tickets/:id/attachments/:attachmentId": () => [get(`${A()}/attachments/${v.attachmentId}`)],
  "GET /triage/insight": () => [get("/triage/insight")],
  "GET /triage/insight.csv": () => [get("/triage/insight.csv?table=schools"), get("/triage/insight.csv?table=questions")],
  "POST /triage/insight/questions/:id/intent": (a) => [form("/triage/insight/questions/1/intent", { intent: "none", ...csrf(a) })],
  "GET /triage/insight/corrections.jsonl": () => [get("/triage/insight/corrections.jsonl")],
  "GET /triage/quarantine": () => [get("/triage/quarantine")],
  "GET /triage/quarantine/:id/raw": () => [get(`/triage/quarantine/${v.quarantineId}/raw`)],
  "POST /triage/quarantine/:id/replay": (a) => [form(`/triage/quarantine/${v.quarantineId}/replay`, csrf(a))],
};
const ACTIONS: Record<string, Record<string, string>> = {
  reply: { body: "Réponse" },
  note: { body: "Note" },
  status: { status: "RESOLVED" },
  assign: { assigneeId: "" },
  reroute: { target: "CENTRAL", reason: "x" },
  merge: { intoId: "x" },
};
for (const [action, body] of Object.entries(ACTIONS)) {
  MATRIX[`POST /triage/tickets/:id/${action}`] = (a) => [form(`${T()}/${action}`, { ...body, ...csrf(a) })];
  MATRIX[`POST /api/tickets/:id/${action}`] = () => [json(`${A()}/${action}`, body)];
}

function csrf(a: Attacker): Record<string, string> {
  return creds[a].csrf ? { _csrf: creds[a].csrf! } : {};
}

/** The matrix key of a registered route (the Connector's secret path segment is named, not spelled). */
function keyOf(r: { method: string; path: string }): string {
  return `${r.method} ${r.path.replace(`/_connector/${v.connectorSecret}/`, "/_connector/:secret/")}`;
}

async function attempt(a: Attacker, p: Probe): Promise<{ status: number; seen: string }> {
  const c = creds[a];
  const headers: Record<string, string> = {};
  if (c.cookie) headers.cookie = c.cookie;
  if (c.csrf) headers["x-csrf-token"] = c.csrf;
  if (c.dlToken) headers.authorization = `Bearer ${c.dlToken}`;
  let body: string | undefined;
  if (p.body !== undefined) {
    headers["content-type"] = p.form ? "application/x-www-form-urlencoded" : "application/json";
    body = p.form ? new URLSearchParams(p.body as Record<string, string>).toString() : JSON.stringify(p.body);
  }
  const before = collector.bodies.length;
  const res = await fetch(`${sys.base}${p.path}`, { method: p.method, headers, body, redirect: "manual" });
  const text = await res.text();
  // What the bot sent elsewhere because of this request (a serviceUrl the attacker chose) counts as seen.
  const sentElsewhere = collector.bodies.slice(before).join("\n");
  return { status: res.status, seen: `${[...res.headers].map(([k, x]) => `${k}: ${x}`).join("\n")}\n${text}\n${sentElsewhere}` };
}

describe("access on every route", () => {
  it("the matrix covers every route the server registers, and names no route that does not exist", () => {
    const registered = routes().map(keyOf);
    expect(registered.length).toBeGreaterThan(40);
    expect(registered.filter((k) => !MATRIX[k])).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !registered.includes(k))).toEqual([]);
  });

  it.each<Attacker>(["nobody", "parentOfAnotherFamily", "secretaryOfAnotherSchool"])(
    "%s gets none of the victim's data from any route: 0 leaks",
    async (a) => {
      const leaks: string[] = [];
      const sent = JSON.stringify(Object.values(MATRIX).flatMap((m) => m(a)));
      expect(LEAKS.filter((s) => sent.includes(s))).toEqual([]);
      const errors: string[] = [];
      let probes = 0;
      for (const r of routes()) {
        for (const p of MATRIX[keyOf(r)]?.(a) ?? []) {
          const got = await attempt(a, p);
          probes += 1;
          if (got.status >= 500) errors.push(`${p.method} ${p.path}: ${got.status}`);
          const found = LEAKS.filter((s) => got.seen.normalize("NFC").includes(s));
          if (found.length) leaks.push(`${p.method} ${p.path} (${got.status}): ${found.join(", ")}`);
        }
      }
      expect(probes).toBeGreaterThan(50);
      expect(leaks).toEqual([]);
      expect(errors).toEqual([]);
      // Nothing was changed on the victim's ticket either.
      const t = await sys.ctx.prisma.ticket.findUniqueOrThrow({ where: { id: v.ticketId }, include: { messages: true } });
      expect([t.status, t.messages.length]).toEqual(["NEW", 1]);
    },
  );

  it.each<Attacker>(["nobody", "parentOfAnotherFamily"])("%s cannot open the victim's WebSocket stream", async (a) => {
    const token = creds[a].dlToken ?? "x";
    const url = `${sys.base.replace("http", "ws")}${DL}/conversations/${v.conversationId}/stream?t=${encodeURIComponent(token)}`;
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(url);
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("open", () => {
        ws.close();
        resolve(101);
      });
      ws.on("error", () => resolve(-1));
    });
    expect(status).toBe(403);
  });
});
