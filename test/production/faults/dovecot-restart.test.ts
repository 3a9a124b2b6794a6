// Fault: the IMAP server (a private Dovecot) stops under a running mail agent and comes back. While it is down,
// mail keeps arriving (delivered straight into the Maildir, as the local delivery agent does); the agent sees
// the session end, says it is not ready, reconnects by itself on its backoff and processes what arrived
// meanwhile: every email one ticket, none twice, the mailbox readiness check green again. Skipped, saying so,
// when dovecot is not installed. The same on both databases: it runs in the embedded-database pass only.
import { ImapFlow } from "imapflow";
import { createMetrics, silentLogger, type CoreContext } from "../../../core";
import { PROCESSED_FOLDER, startMailAgent, type RunningMailAgent } from "../../../mail-agent";
import { testConfig } from "../../helpers/context";
import { DOVECOT_BIN, connectTestImap, startDovecot, type Dovecot } from "../../helpers/dovecot";
import { parentEmail } from "../../helpers/mail-fixtures";
import { waitFor } from "../../helpers/smtp-sink";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { describeUnless, ONE_PASS } from "../../helpers/describe-unless";

const FILE = "test/production/faults/dovecot-restart.test.ts";
const maybe = describeUnless(FILE, [
  [!DOVECOT_BIN, "dovecot is not installed (apt-get install -y dovecot-imapd)"],
  [Boolean(process.env.DATABASE_URL), ONE_PASS],
]);

maybe("Dovecot restarted under a running mail agent", () => {
  let dovecot: Dovecot;
  let imap: ImapFlow | null = null;
  let db: TestDatabase;
  let agent: RunningMailAgent;

  beforeAll(async () => {
    [dovecot, db] = await Promise.all([startDovecot(), createTestDatabase()]);
    const config = testConfig({
      IMAP_HOST: "127.0.0.1",
      IMAP_PORT: String(dovecot.port),
      IMAP_USER: dovecot.user,
      IMAP_PASSWORD: dovecot.password,
      IMAP_SECURE: "false",
    });
    const ctx: CoreContext = { prisma: db.prisma, config, log: silentLogger, now: () => new Date() };
    agent = startMailAgent(
      { ctx, metrics: createMetrics(ctx) },
      { outboxIntervalMs: 200, pollMs: 1000, backoff: { baseMs: 200, maxMs: 1000 } },
    );
  });
  afterAll(async () => {
    await imap?.logout().catch(() => undefined);
    await agent?.stop();
    await dovecot?.stop();
    await db?.close();
  });

  const count = async (box: string) => {
    const st = await imap!.status(box, { messages: true }).catch(() => false as const);
    return st ? (st.messages ?? 0) : 0;
  };
  const imapReady = () =>
    agent.readiness
      .find((c) => c.name === "imap")!
      .check()
      .then(
        () => true,
        () => false,
      );
  const requesters = async () =>
    (await db.prisma.ticket.findMany({ select: { requesterEmail: true }, orderBy: { number: "asc" } })).map((t) => t.requesterEmail);

  it("reconnects by itself and processes what arrived while the server was down", async () => {
    imap = await connectTestImap(dovecot);
    await waitFor(imapReady, "the agent connected", 60_000);
    await imap.append("INBOX", parentEmail({ from: "avant@exemple.ca" }).raw);
    await waitFor(async () => (await count(PROCESSED_FOLDER)) === 1, "the first email processed", 60_000);

    await imap.logout().catch(() => undefined);
    imap = null;
    await dovecot.halt();
    await waitFor(async () => !(await imapReady()), "the agent seeing the server gone (readiness red)", 30_000);
    dovecot.deliver("aide", parentEmail({ from: "pendant.un@exemple.ca" }).raw);
    dovecot.deliver("aide", parentEmail({ from: "pendant.deux@exemple.ca" }).raw);
    // Down for a few of the agent's reconnection attempts (each refused), not just one.
    await new Promise((r) => setTimeout(r, 2000));

    await dovecot.start();
    imap = await connectTestImap(dovecot);
    await waitFor(
      async () => (await count(PROCESSED_FOLDER)) === 3 && (await count("INBOX")) === 0,
      "the emails that arrived meanwhile processed after the reconnection",
      60_000,
    );
    await imap.append("INBOX", parentEmail({ from: "apres@exemple.ca" }).raw);
    await waitFor(async () => (await count(PROCESSED_FOLDER)) === 4, "an email after the restart processed", 60_000);
    expect(await imapReady()).toBe(true);
    expect((await requesters()).sort()).toEqual([
      "apres@exemple.ca",
      "avant@exemple.ca",
      "pendant.deux@exemple.ca",
      "pendant.un@exemple.ca",
    ]);
    expect(await db.prisma.inboundEmail.count()).toBe(4);
    expect(await db.prisma.mailQuarantine.count()).toBe(0);
  });
});
