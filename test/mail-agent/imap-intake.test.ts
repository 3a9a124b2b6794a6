// The agent against real servers: a private Dovecot (IMAP IDLE) started by this test file and an in-process
// SMTP sink. Arrival to reply; Dovecot restarted mid-run; SMTP down, then up (delivered once); a reply loop
// with an auto-responder stops at the per-sender cap. Skipped, saying so, only when dovecot is not installed.
import { ImapFlow } from "imapflow";
import { simpleParser } from "mailparser";
import { createMetrics, MAX_REPLIES_PER_SENDER_PER_HOUR, type Config } from "../../core";
import { deliverOutboxOnce, PROCESSED_FOLDER, startMailAgent, smtpTransport, type RunningMailAgent } from "../../mail-agent";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testConfig, testContext } from "../helpers/context";
import { DOVECOT_BIN, startDovecot, type Dovecot, connectTestImap } from "../helpers/dovecot";
import { startSmtpSink, waitFor, type SmtpSink } from "../helpers/smtp-sink";
import { parentEmail } from "../helpers/mail-fixtures";

if (!DOVECOT_BIN) console.warn("SKIPPED test/mail-agent/imap-intake.test.ts: dovecot is not installed (apt-get install -y dovecot-imapd)");
const describeWithDovecot = DOVECOT_BIN ? describe : describe.skip;

describeWithDovecot("mail agent on IMAP (Dovecot) and SMTP (smtp-server)", () => {
  let db: TestDatabase;
  let dovecot: Dovecot;
  let sink: SmtpSink;
  let imap: ImapFlow;
  let agent: RunningMailAgent | null = null;

  const config = (): Config =>
    testConfig({
      IMAP_HOST: "127.0.0.1",
      IMAP_PORT: String(dovecot.port),
      IMAP_USER: dovecot.user,
      IMAP_PASSWORD: dovecot.password,
      IMAP_SECURE: "false",
      SMTP_URL: sink.url,
    });
  const append = async (raw: Buffer) => {
    await imap.append("INBOX", raw);
  };
  const count = async (box: string) => {
    const st = await imap.status(box, { messages: true });
    return st ? (st.messages ?? 0) : 0;
  };

  beforeAll(async () => {
    [db, dovecot, sink] = await Promise.all([createTestDatabase(), startDovecot(), startSmtpSink()]);
    imap = await connectTestImap(dovecot);
  });
  afterAll(async () => {
    await agent?.stop();
    await imap?.logout().catch(() => undefined);
    await Promise.all([sink?.close(), dovecot?.stop(), db?.close()]);
  });
  beforeEach(async () => {
    await db.reset();
    sink.received.length = 0;
    sink.onMessage = undefined;
  });
  afterEach(async () => {
    await agent?.stop();
    agent = null;
  });

  function start(ctx: ReturnType<typeof testContext>) {
    agent = startMailAgent(
      { ctx, metrics: createMetrics(ctx) },
      { outboxIntervalMs: 100, pollMs: 60_000, backoff: { baseMs: 100, maxMs: 500 } },
    );
    return agent;
  }

  it("turns an email appended to INBOX into a ticket and one French reply, then moves it to Traités", async () => {
    const ctx = testContext(db, { config: config() });
    start(ctx);
    const mail = parentEmail();
    await append(mail.raw);
    // The help desk's notice of the new ticket may be delivered alongside (the outbox has several lanes).
    const toParent = () => sink.received.filter((m) => m.to.includes("parent.test@exemple.ca"));
    await waitFor(() => toParent().length === 1, "the reply");
    const reply = await simpleParser(toParent()[0].raw);
    expect(toParent()[0].to).toEqual(["parent.test@exemple.ca"]);
    expect(reply.subject).toMatch(/^\[AP-000001\] Nous avons bien reçu votre courriel/);
    expect(reply.headers.get("auto-submitted")).toBe("auto-replied");
    expect(reply.inReplyTo).toBe(mail.messageId);
    expect(reply.messageId).toMatch(/^<ap\.1\.[a-z0-9]{12}\.[a-f0-9]{20}@cepeo\.on\.ca>$/);
    expect(reply.text).toContain("AP-000001");
    await waitFor(async () => (await count(PROCESSED_FOLDER)) === 1, "the move to Traités");
    expect(await count("INBOX")).toBe(0);
    const tickets = await db.prisma.ticket.findMany({ select: { channel: true, intent: true, lang: true, requesterEmail: true } });
    expect(tickets).toEqual([{ channel: "EMAIL", intent: "account.password_reset", lang: "fr", requesterEmail: "parent.test@exemple.ca" }]);
    expect(await db.prisma.mailboxSyncState.count()).toBe(1);
    // The parent answers the reply: threaded into the same ticket, no second acknowledgement.
    const followUp = parentEmail({
      subject: `Re: ${reply.subject}`,
      body: "Merci, ça marche maintenant.",
      headers: `In-Reply-To: ${reply.messageId}`,
    });
    await append(followUp.raw);
    await waitFor(async () => (await db.prisma.ticketMessage.count()) === 2, "the follow-up");
    expect(await db.prisma.ticket.count()).toBe(1);
    await waitFor(async () => (await count(PROCESSED_FOLDER)) === 2, "the second move");
    expect(sink.received.filter((m) => m.to.includes("parent.test@exemple.ca"))).toHaveLength(1);
  });

  it("keeps going when Dovecot restarts mid-run: every email once, none lost", async () => {
    const ctx = testContext(db, { config: config() });
    const running = start(ctx);
    const before = await count(PROCESSED_FOLDER);
    await append(parentEmail({ from: "avant@exemple.ca" }).raw);
    await waitFor(async () => (await db.prisma.inboundEmail.count()) === 1, "the first email");
    await imap.logout().catch(() => undefined);
    await dovecot.restart();
    imap = await connectTestImap(dovecot);
    await append(parentEmail({ from: "apres@exemple.ca" }).raw);
    await waitFor(async () => (await db.prisma.inboundEmail.count()) === 2, "the email sent after the restart");
    await waitFor(() => running.intake !== null && (running.intake as { connected: boolean }).connected, "the reconnection");
    expect(
      (await db.prisma.ticket.findMany({ select: { requesterEmail: true }, orderBy: { number: "asc" } })).map((t) => t.requesterEmail),
    ).toEqual(["avant@exemple.ca", "apres@exemple.ca"]);
    await waitFor(async () => (await count("INBOX")) === 0, "INBOX emptied");
    expect(await count(PROCESSED_FOLDER)).toBe(before + 2);
  });

  it("SMTP down, then up: the reply waits in the outbox and is delivered once", async () => {
    const ctx = testContext(db, { config: config() });
    await sink.down();
    start(ctx);
    await append(parentEmail({ from: "patient@exemple.ca" }).raw);
    await waitFor(
      async () => (await db.prisma.outboxMessage.count({ where: { attempts: { gte: 1 }, status: "PENDING" } })) >= 1,
      "a failed attempt",
    );
    await agent!.stop();
    agent = null;
    await sink.up();
    ctx.clock.advance(60 * 60_000); // past every retry delay
    const transport = smtpTransport(config().SMTP_URL!);
    while ((await deliverOutboxOnce(ctx, transport)).sent > 0);
    expect(await deliverOutboxOnce(ctx, transport)).toEqual({ sent: 0, retried: 0, failed: 0 });
    transport.close();
    expect(sink.received.filter((m) => m.to.includes("patient@exemple.ca"))).toHaveLength(1);
    expect(await db.prisma.outboxMessage.count({ where: { status: "SENT" } })).toBe(await db.prisma.outboxMessage.count());
  });

  it("a reply loop with a naive auto-responder stops at the per-sender cap", async () => {
    const ctx = testContext(db, { config: config() });
    // Answers every email it gets with a brand-new one: no Auto-Submitted, no threading, a new subject.
    let turn = 0;
    sink.onMessage = (m) => {
      if (!m.to.includes("robot@exemple.ca")) return;
      void append(
        parentEmail({ from: "robot@exemple.ca", subject: `Accuse de reception ${++turn}`, body: "Votre message a bien ete recu, merci." })
          .raw,
      );
    };
    start(ctx);
    await append(parentEmail({ from: "robot@exemple.ca", subject: "Bonjour" }).raw);
    await waitFor(async () => (await db.prisma.inboundEmail.count()) === MAX_REPLIES_PER_SENDER_PER_HOUR + 1, "the email past the cap");
    await waitFor(
      async () => (await db.prisma.outboxMessage.count({ where: { status: { not: "SENT" }, toAddress: "robot@exemple.ca" } })) === 0,
      "the outbox drained",
    );
    expect(sink.received.filter((m) => m.to.includes("robot@exemple.ca"))).toHaveLength(MAX_REPLIES_PER_SENDER_PER_HOUR);
    expect(await db.prisma.outboxMessage.count({ where: { toAddress: "robot@exemple.ca" } })).toBe(MAX_REPLIES_PER_SENDER_PER_HOUR);
    expect(await db.prisma.inboundEmail.count()).toBe(MAX_REPLIES_PER_SENDER_PER_HOUR + 1);
  });
});
