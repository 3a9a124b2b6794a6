// Proactive notices end to end on the real restify server: opt-in over POST /api/messages (fr, en), the event
// recorded today, two senders (two instances) at once → the notice said once, in the conversation it was asked
// from, through the Connector API at its stored serviceUrl (app id empty); a conversation the channel no longer
// knows → the same sentence by email through the outbox; a staff reply (noticeStaffReply) → one notice however
// often it is called; opt-out in one message; another family's child and nobody signed in get no subscription.
import type { AddressInfo } from "node:net";
import restify from "restify";
import { createBotRuntime, registerBotRoutes, type BotRoutes } from "../../bot";
import { createHttpServer } from "../../bin/http-server";
import { createMetrics, noticeStaffReply, openLocalChatSession } from "../../core";
import { demoBotEnv, type DemoBotEnv } from "../helpers/bot";

let env: DemoBotEnv;
let url = "";
let routes: BotRoutes;
let close: () => Promise<void>;
/** What the bot said, by conversation id (the Connector API it answers through). */
const said = new Map<string, string[]>();
/** Conversations the channel answers 404 for: gone. */
const gone = new Set<string>();

beforeAll(async () => {
  env = await demoBotEnv();
  const metrics = createMetrics(env.ctx);
  const server = createHttpServer({ ctx: env.ctx, metrics, readiness: [] });
  const connector = (req: restify.Request, res: restify.Response, next: restify.Next) => {
    const conv = String(req.params.conversationId);
    if (gone.has(conv)) {
      res.send(404, { error: { code: "ConversationNotFound" } });
      return next();
    }
    said.set(conv, [...(said.get(conv) ?? []), String((req.body as { text?: string }).text ?? "")]);
    res.send(200, { id: `r-${Date.now()}` });
    return next();
  };
  server.post("/v3/conversations/:conversationId/activities/:activityId", restify.plugins.bodyParser(), connector);
  server.post("/v3/conversations/:conversationId/activities", restify.plugins.bodyParser(), connector);
  routes = registerBotRoutes(server, { ctx: env.ctx, metrics }, { noticeIntervalMs: 0 });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise<void>((r) => server.close(() => r()));
});
afterAll(async () => {
  await routes.stop();
  await close();
  await env.db.close();
});

let n = 0;
async function say(conv: string, text: string, locale = "fr-CA"): Promise<string> {
  const before = said.get(conv)?.length ?? 0;
  const res = await fetch(`${url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      type: "message",
      id: `act-${++n}`,
      text,
      channelId: "webchat",
      serviceUrl: url,
      locale,
      from: { id: `user-${conv}`, role: "user" },
      recipient: { id: "bot", role: "bot" },
      conversation: { id: conv },
    }),
  });
  expect(res.status).toBe(200);
  return (said.get(conv) ?? []).slice(before).join("\n");
}

async function signedIn(email: string): Promise<string> {
  const conv = `notices-${++n}`;
  await openLocalChatSession(env.ctx, { email, channelKey: `webchat:${conv}` });
  return conv;
}

const TODAY = new Date("2026-11-23T00:00:00Z");
async function child(givenName: string) {
  return env.ctx.prisma.student.findFirstOrThrow({ where: { givenName }, select: { id: true } });
}
async function accountOf(email: string) {
  return env.ctx.prisma.account.findFirstOrThrow({ where: { email }, select: { id: true } });
}

describe("proactive notices", () => {
  it("fr: « avertis-moi si Léa est absente », an absence today, two senders at once: said once in that conversation", async () => {
    const conv = await signedIn("marie.tremblay@exemple.ca");
    expect(await say(conv, "avertis-moi si Léa est absente")).toContain(
      "C'est noté : je vous avertirai ici, le jour même, d'une absence de Léa.",
    );
    const lea = await child("Léa");
    await env.ctx.prisma.attendance.create({
      data: { key: `${lea.id}|2026-11-23|notice-test`, studentId: lea.id, date: TODAY, status: "ABSENT" },
    });

    const other = createBotRuntime({ ctx: env.ctx, metrics: createMetrics(env.ctx) });
    const [a, b] = await Promise.all([routes.runtime.notices.runOnce(), other.notices.runOnce()]);
    expect(a.chat + b.chat).toBe(1);
    expect(a.email + b.email).toBe(0);
    const notices = (said.get(conv) ?? []).filter((t) => t.includes("une absence de Léa a été enregistrée aujourd'hui"));
    expect(notices).toEqual([expect.stringContaining("(lundi 23 novembre 2026)")]);
    // The same event again is not a new notice.
    expect(await routes.runtime.notices.runOnce()).toEqual({ chat: 0, email: 0 });
  });

  it("en: a report card published today, the conversation gone: the notice goes by email instead", async () => {
    const conv = await signedIn("sarah.smith@example.com");
    expect(await say(conv, "let me know when Emma has a new report card", "en-CA")).toContain(
      "Noted: I will tell you here, the same day, of a new report card for Emma.",
    );
    gone.add(conv);
    const emma = await child("Emma");
    await env.ctx.prisma.reportCard.create({
      data: {
        sourcedId: "notice-test-rc",
        studentId: emma.id,
        reportName: "Bulletin de progrès",
        schoolYear: "2026-2027",
        publishedAt: TODAY,
        fileName: "x.pdf",
      },
    });
    expect(await routes.runtime.notices.runOnce()).toEqual({ chat: 0, email: 1 });
    expect(said.get(conv)?.join("\n") ?? "").not.toContain("report card for Emma is available");
    const mail = await env.ctx.prisma.outboxMessage.findFirstOrThrow({
      where: { toAddress: "sarah.smith@example.com", template: "records:email.notice" },
      select: { text: true, subject: true },
    });
    expect(mail.subject).toBe("Notice from the Family Portal assistant");
    expect(mail.text).toContain("a new report card for Emma is available (Bulletin de progrès)");
    const notice = await env.ctx.prisma.proactiveNotice.findFirstOrThrow({
      where: { eventKey: { startsWith: "report_card:" } },
      select: { status: true },
    });
    expect(notice.status).toBe("EMAILED");
  });

  it("fr: a staff reply on the parent's ticket (noticeStaffReply, called twice) is one notice in the chat", async () => {
    const conv = await signedIn("marie.tremblay@exemple.ca");
    expect(await say(conv, "préviens-moi quand on répond à ma demande")).toContain("d'une réponse du personnel à vos demandes");
    const account = await accountOf("marie.tremblay@exemple.ca");
    const staff = await env.ctx.prisma.staff.create({ data: { email: "agent.notices@cepeo.on.ca", role: "AGENT" } });
    const ticket = await env.ctx.prisma.ticket.create({
      data: { channel: "CHAT", queue: "CENTRAL", subject: "Accès", accountId: account.id, lang: "fr" },
      select: { id: true, number: true },
    });
    await env.ctx.prisma.ticketMessage.create({
      data: { ticketId: ticket.id, author: "STAFF", staffId: staff.id, body: "Voici la marche à suivre." },
    });
    expect(await noticeStaffReply(env.ctx, { ticketId: ticket.id })).toEqual({ created: 1 });
    expect(await noticeStaffReply(env.ctx, { ticketId: ticket.id })).toEqual({ created: 0 });
    expect((await routes.runtime.notices.runOnce()).chat).toBe(1);
    expect(said.get(conv)?.at(-1)).toContain("le personnel a répondu à votre demande");
  });

  it("opt-out in one message: « arrête les avis » — later events are not sent", async () => {
    const conv = await signedIn("marie.tremblay@exemple.ca");
    expect(await say(conv, "arrête les avis")).toContain("C'est fait : vous ne recevrez plus ces avis.");
    const account = await accountOf("marie.tremblay@exemple.ca");
    expect(await env.ctx.prisma.proactiveSubscription.count({ where: { accountId: account.id } })).toBe(0);
    const lea = await child("Léa");
    await env.ctx.prisma.attendance.create({
      data: { key: `${lea.id}|2026-11-23|after-opt-out`, studentId: lea.id, date: TODAY, status: "ABSENT" },
    });
    expect(await routes.runtime.notices.runOnce()).toEqual({ chat: 0, email: 0 });
    expect(await say(conv, "stop the notices please", "en-CA")).toContain("You had not asked for any notices");
  });

  it("another family's child is an unknown name, and nobody signed in is asked to sign in: no subscription", async () => {
    const conv = await signedIn("marie.tremblay@exemple.ca");
    expect(await say(conv, "avertis-moi si Zoé est absente")).toContain("Je ne trouve aucun enfant de ce nom dans votre compte.");
    expect(await say(`anonymous-${++n}`, "avertis-moi si Léa est absente")).toContain("Ces renseignements sont confidentiels");
    const marie = await accountOf("marie.tremblay@exemple.ca");
    expect(await env.ctx.prisma.proactiveSubscription.count({ where: { accountId: marie.id } })).toBe(0);
    expect(await env.ctx.prisma.proactiveSubscription.count({ where: { channelKey: { startsWith: "webchat:anonymous-" } } })).toBe(0);
  });
});
