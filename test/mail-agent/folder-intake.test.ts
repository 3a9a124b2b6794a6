// The embedded default, no mail server at all: an .eml dropped into DATA_DIR/inbox/ becomes a ticket and a
// French reply written as an .eml under DATA_DIR/outbox/, and is moved to inbox/processed/; dropped again
// (same email), nothing new is written. A quarantined email is replayed once its cause is gone.
import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { createMetrics, listQuarantinedMail, requestMailReplay } from "../../core";
import { ingestEmail, performReplayRequests, replayQuarantinedEmail, startMailAgent, type RunningMailAgent } from "../../mail-agent";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";
import { waitFor } from "../helpers/smtp-sink";
import { parentEmail } from "../helpers/mail-fixtures";

let db: TestDatabase;
let agent: RunningMailAgent | null = null;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());
beforeEach(() => db.reset());
afterEach(async () => {
  await agent?.stop();
  agent = null;
});

it("ticket and reply from a dropped .eml, moved to processed/, once", async () => {
  const ctx = testContext(db);
  agent = startMailAgent({ ctx, metrics: createMetrics(ctx) }, { outboxIntervalMs: 100, pollMs: 200 });
  const inbox = ctx.config.inboxDir;
  const mail = parentEmail({ from: "dossier@exemple.ca" });
  fs.writeFileSync(path.join(inbox, "a.eml.tmp"), mail.raw);
  fs.renameSync(path.join(inbox, "a.eml.tmp"), path.join(inbox, "a.eml"));
  await waitFor(
    () => fs.existsSync(ctx.config.outboxDir) && fs.readdirSync(ctx.config.outboxDir).some((f) => f.endsWith(".eml")),
    "the reply file",
  );
  await waitFor(() => fs.existsSync(path.join(inbox, "processed", "a.eml")), "the move to processed/");
  const replies = await Promise.all(
    fs
      .readdirSync(ctx.config.outboxDir)
      .filter((f) => f.endsWith(".eml"))
      .map(async (f) => simpleParser(fs.readFileSync(path.join(ctx.config.outboxDir, f)))),
  );
  const reply = replies.find((r) => r.to && !Array.isArray(r.to) && r.to.text.includes("dossier@exemple.ca"))!;
  expect(reply.subject).toMatch(/^\[AP-000001\]/);
  expect(reply.inReplyTo).toBe(mail.messageId);
  expect(reply.headers.get("auto-submitted")).toBe("auto-replied");
  fs.writeFileSync(path.join(inbox, "b.eml"), mail.raw); // the same email again
  await waitFor(() => fs.existsSync(path.join(inbox, "processed", "b.eml")), "the second move");
  expect(await db.prisma.ticket.count()).toBe(1);
  expect(await db.prisma.outboxMessage.count({ where: { template: "mail:email.ticketReply" } })).toBe(1);
});

it("a quarantined email is kept whole and replays into a ticket", async () => {
  const ctx = testContext(db);
  const raw = Buffer.from(
    "To: portail.famille@cepeo.on.ca\r\nSubject: sans expediteur\r\nMessage-ID: <q-1@exemple.ca>\r\n\r\nBonjour, mon mot de passe ne marche plus.\r\n",
  );
  const first = await ingestEmail(ctx, raw);
  expect(first).toMatchObject({ action: "quarantine", reason: "02-validate: no_sender" });
  const q = await db.prisma.mailQuarantine.findUniqueOrThrow({ where: { id: first.quarantineId! } });
  expect(Buffer.from(q.raw).equals(raw)).toBe(true);
  expect(await ingestEmail(ctx, raw)).toMatchObject({ action: "duplicate" });
  // Replay fails again with the same cause, and is counted.
  expect(await replayQuarantinedEmail(ctx, q.id)).toMatchObject({ action: "quarantine" });
  expect((await db.prisma.mailQuarantine.findUniqueOrThrow({ where: { id: q.id } })).replays).toBe(1);
  // A cause that goes away: the stored copy fixed by the operator (here: a sender added), replayed.
  await db.prisma.mailQuarantine.update({
    where: { id: q.id },
    data: { raw: new Uint8Array(Buffer.concat([Buffer.from("From: parent.q@exemple.ca\r\n"), raw])) },
  });
  expect(await replayQuarantinedEmail(ctx, q.id)).toMatchObject({ action: "ticket", intent: "account.password_reset" });
  expect((await db.prisma.mailQuarantine.findUniqueOrThrow({ where: { id: q.id } })).resolvedAs).toBe("TICKET");
  expect(await db.prisma.inboundEmail.findMany({ select: { action: true } })).toEqual([{ action: "TICKET" }]);
  expect(await replayQuarantinedEmail(ctx, q.id)).toMatchObject({ action: "duplicate", reason: "already_resolved" });
});

it("bad input: a 5 MB body and a 10,000-character message become tickets, never a crash", async () => {
  const ctx = testContext(db);
  const big = parentEmail({
    from: "gros@exemple.ca",
    body: `Bonjour, voici mon bulletin.\r\n${"x".repeat(76) + "\r\n"}`.repeat(1) + "y ".repeat(2_500_000),
  });
  expect((await ingestEmail(ctx, big.raw)).action).toBe("ticket");
  const long = parentEmail({ from: "long@exemple.ca", body: "je n'arrive pas a me connecter ".repeat(330) });
  expect((await ingestEmail(ctx, long.raw)).action).toBe("ticket");
});

it("the quarantine the triage console lists is the agent's own, and a replay an agent asks for is performed", async () => {
  const ctx = testContext(db);
  const raw = Buffer.from(
    "To: portail.famille@cepeo.on.ca\r\nSubject: Bulletin introuvable\r\nMessage-ID: <q-2@exemple.ca>\r\n\r\nBonjour, je ne trouve pas le bulletin.\r\n",
  );
  const first = await ingestEmail(ctx, raw);
  expect(first.action).toBe("quarantine");
  const agentStaff = await db.prisma.staff.create({ data: { email: "agent.q@cepeo.example.test", name: "Agent Q", role: "AGENT" } });
  const listed = await listQuarantinedMail(ctx, { staffId: agentStaff.id });
  expect(listed.map((m) => ({ id: m.id, subject: m.subject, size: m.size }))).toEqual([
    { id: first.quarantineId, subject: "Bulletin introuvable", size: raw.byteLength },
  ]);
  // Nothing was asked yet: the agent's round replays nothing.
  expect(await performReplayRequests(ctx)).toBe(0);
  await requestMailReplay(ctx, { staffId: agentStaff.id, id: first.quarantineId! });
  expect(await performReplayRequests(ctx)).toBe(1);
  const after = await db.prisma.mailQuarantine.findUniqueOrThrow({ where: { id: first.quarantineId! } });
  expect(after.replays).toBe(1); // the cause (no sender) is still there: it failed again, and says so
  expect(after.replayedAt).not.toBeNull();
  expect(after.replayOutcome).toMatch(/^quarantine/);
  expect(await performReplayRequests(ctx)).toBe(0); // done once, not again until asked again
});

it("a parent's follow-up email notifies the school once (not once by the ticket and again by the mail agent)", async () => {
  const ctx = testContext(db);
  const first = await ingestEmail(
    ctx,
    parentEmail({ from: "suivi@exemple.ca", body: "Bonjour, je ne vois pas le bulletin de mon fils." }).raw,
  );
  expect(first.action).toBe("ticket");
  const ticket = await db.prisma.ticket.findFirstOrThrow({ select: { id: true, number: true } });
  const reference = `AP-${String(ticket.number).padStart(6, "0")}`;
  const followUp = parentEmail({
    from: "suivi@exemple.ca",
    subject: `Re: ${reference} bulletin`,
    body: "Je l'ai toujours pas, merci de vérifier.",
  });
  expect((await ingestEmail(ctx, followUp.raw)).action).toBe("thread");
  const toSchool = await db.prisma.outboxMessage.findMany({
    where: { ticketId: ticket.id, template: { in: ["mail:email.followUpForSchool", "tickets:email.parentReplyForSchool"] } },
    select: { template: true },
  });
  expect(toSchool).toHaveLength(1);
});
