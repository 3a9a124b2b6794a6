// The permission table of the console (routes × roles) on a real server and database: a secretary of one
// school cannot see, search, open, download from or act on another school's ticket — through the pages or
// the API; board-wide pages are the help centre's; every state change needs the CSRF token; anonymous
// requests are sent to sign in (pages) or refused (API).
import { addTicketAttachment, createTicket } from "../../core";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";
import { ROLES, startTriageServer, type Role, type TriageServer } from "../helpers/triage-server";

let db: TestDatabase;
let srv: TriageServer;
let ctx: ReturnType<typeof testContext>;

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = testContext(db);
  srv = await startTriageServer(db, ctx);
});
afterAll(async () => {
  await srv.close();
  await db.close();
});

/** A fresh ticket of school B (with an attachment) and a second one to merge into, before each row. */
async function schoolBTickets() {
  await db.prisma.$executeRawUnsafe(
    `TRUNCATE "Ticket", "TicketMessage", "TicketTriage", "TicketAttachment", "OutboxMessage", "ConversationNotice" CASCADE`,
  );
  const mk = (subject: string, body: string) =>
    createTicket(ctx, {
      channel: "EMAIL",
      subject,
      body,
      lang: "fr",
      schoolCode: srv.schools.B.code,
      requester: { name: "Julie Gagnon", email: "julie.gagnon@exemple.test" },
    });
  const t = await mk("Bulletin de Zoé", "Je ne trouve pas le bulletin de Zoé, mot unique zorglub.");
  const other = await mk("Autre demande", "Encore une question.");
  const file = await addTicketAttachment(ctx, {
    ticketId: t.id,
    fileName: "billet-médecin.pdf",
    contentType: "application/pdf",
    content: Buffer.from("%PDF-1.4 test"),
  });
  return { t, other, file };
}

type Who = Role | "anonymous";
const WHO: Who[] = [...ROLES, "anonymous"];

async function call(
  who: Who,
  method: "GET" | "POST",
  path: string,
  body?: Record<string, string>,
  opts: { csrf?: boolean; json?: boolean } = {},
) {
  const s = who === "anonymous" ? null : srv.staff[who];
  const headers: Record<string, string> = {};
  if (s) headers.cookie = `ap_staff=${s.token}`;
  let payload: string | undefined;
  if (method === "POST") {
    const withCsrf = opts.csrf !== false && s ? { ...(body ?? {}), ...(opts.json ? {} : { _csrf: s.csrf }) } : (body ?? {});
    if (opts.json) {
      headers["content-type"] = "application/json";
      if (opts.csrf !== false && s) headers["x-csrf-token"] = s.csrf;
      payload = JSON.stringify(withCsrf);
    } else {
      headers["content-type"] = "application/x-www-form-urlencoded";
      payload = new URLSearchParams(withCsrf).toString();
    }
  }
  const res = await fetch(`${srv.base}${path}`, { method, headers, body: payload, redirect: "manual" });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

// What each role gets on a school-B ticket: a secretary of A is answered as if it did not exist.
const onB: Record<Who, { page: number; api: number; action: number; pageAction: number }> = {
  secretaryA: { page: 404, api: 404, action: 404, pageAction: 404 },
  secretaryB: { page: 200, api: 200, action: 200, pageAction: 303 },
  agent: { page: 200, api: 200, action: 200, pageAction: 303 },
  admin: { page: 200, api: 200, action: 200, pageAction: 303 },
  anonymous: { page: 303, api: 401, action: 401, pageAction: 303 },
};

const ACTIONS: [string, (x: Awaited<ReturnType<typeof schoolBTickets>>) => Record<string, string>][] = [
  ["reply", () => ({ body: "Bonjour, c'est corrigé." })],
  ["note", () => ({ body: "Appeler la mère." })],
  ["status", () => ({ status: "RESOLVED" })],
  ["assign", () => ({ assigneeId: "" })],
  ["reroute", () => ({ target: "CENTRAL", reason: "problème de compte" })],
  ["merge", (x) => ({ intoId: x.other.id })],
];

describe.each(WHO)("%s on a ticket of school B", (who) => {
  const want = onB[who];

  it(`opens it (page ${want.page}, API ${want.api}) and downloads its attachment`, async () => {
    const x = await schoolBTickets();
    expect((await call(who, "GET", `/triage/tickets/${x.t.id}`)).status).toBe(want.page);
    const api = await call(who, "GET", `/api/tickets/${x.t.id}`);
    expect(api.status).toBe(want.api);
    if (want.api === 200) expect(JSON.parse(api.text).ticket.subject).toBe("Bulletin de Zoé");
    else expect(api.text).not.toContain("Zoé");
    const pageFile = await call(who, "GET", `/triage/tickets/${x.t.id}/attachments/${x.file.id}`);
    expect(pageFile.status).toBe(want.page);
    const apiFile = await call(who, "GET", `/api/tickets/${x.t.id}/attachments/${x.file.id}`);
    expect(apiFile.status).toBe(want.api);
    if (want.api === 200) {
      expect(apiFile.text).toBe("%PDF-1.4 test");
      expect(apiFile.headers.get("content-disposition")).toMatch(/^attachment;/);
    }
  });

  it("sees it in the queue and in search only with the right", async () => {
    const x = await schoolBTickets();
    const sees = want.api === 200;
    const list = await call(who, "GET", "/api/tickets");
    expect(list.status).toBe(who === "anonymous" ? 401 : 200);
    if (who !== "anonymous") expect(JSON.parse(list.text).tickets.some((t: { id: string }) => t.id === x.t.id)).toBe(sees);
    const search = await call(who, "POST", "/api/tickets/search", { q: "zorglub" }, { json: true });
    if (who !== "anonymous") expect(JSON.parse(search.text).tickets.map((t: { id: string }) => t.id)).toEqual(sees ? [x.t.id] : []);
    const page = await call(who, "POST", "/triage/search", { q: "zorglub" });
    if (who === "anonymous") expect(page.status).toBe(303);
    else expect(page.text.includes(`/triage/tickets/${x.t.id}`)).toBe(sees);
  });

  it.each(ACTIONS)("acts on it through the API and the page: %s", async (action, body) => {
    let x = await schoolBTickets();
    const api = await call(who, "POST", `/api/tickets/${x.t.id}/${action}`, body(x), { json: true });
    expect(api.status).toBe(want.action);
    x = await schoolBTickets();
    const page = await call(who, "POST", `/triage/tickets/${x.t.id}/${action}`, body(x));
    expect(page.status).toBe(want.pageAction);
    const after = await db.prisma.ticket.findUniqueOrThrow({ where: { id: x.t.id }, include: { messages: true } });
    if (want.pageAction !== 303 || who === "anonymous") {
      // Refused: nothing changed, not even a line of audit.
      expect(after.messages).toHaveLength(1);
      expect(after.status).toBe("NEW");
      expect(await db.prisma.auditEvent.count({ where: { entityId: x.t.id, NOT: { action: "ticket.created" } } })).toBe(0);
    }
  });
});

describe("board-wide pages and CSRF", () => {
  it.each([["/triage/insight"], ["/triage/insight.csv?table=schools"], ["/triage/insight/corrections.jsonl"], ["/triage/quarantine"]])(
    "%s is for the help centre and admins only",
    async (path) => {
      for (const who of WHO) {
        const res = await call(who, "GET", path);
        expect([who, res.status]).toEqual([who, who === "anonymous" ? 303 : who.startsWith("secretary") ? 403 : 200]);
      }
    },
  );

  it("refuses every state change without the session's CSRF token, and with another session's", async () => {
    const x = await schoolBTickets();
    for (const action of ACTIONS.map((a) => a[0])) {
      expect(
        (await call("secretaryB", "POST", `/api/tickets/${x.t.id}/${action}`, { body: "x" }, { json: true, csrf: false })).status,
      ).toBe(403);
      expect((await call("secretaryB", "POST", `/triage/tickets/${x.t.id}/${action}`, { body: "x" }, { csrf: false })).status).toBe(403);
    }
    const res = await fetch(`${srv.base}/api/tickets/${x.t.id}/note`, {
      method: "POST",
      headers: {
        cookie: `ap_staff=${srv.staff.secretaryB.token}`,
        "content-type": "application/json",
        "x-csrf-token": srv.staff.agent.csrf,
      },
      body: JSON.stringify({ body: "x" }),
    });
    expect(res.status).toBe(403);
    expect(await db.prisma.ticketMessage.count({ where: { ticketId: x.t.id } })).toBe(1);
    expect((await call("agent", "POST", "/triage/sign-out", {}, { csrf: false })).status).toBe(403);
  });
});
