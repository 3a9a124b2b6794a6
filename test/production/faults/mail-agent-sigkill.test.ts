// Fault: the mail agent (a real process, test/helpers/mail-agent-process.ts) killed with SIGKILL, then started
// again. First at one exact point (after the database commit, before the move to « Traités »); then at random
// points over many runs: each run drops a batch of emails into Dovecot's INBOX and kills the agent after a
// seeded random delay, anywhere in the intake (fetch, parse, ticket commit, reply enqueue, move, outbox send
// by SMTP), and the next agent finishes the work. In the end every email is exactly one ticket (or one
// quarantine row), no ticket twice, and each email has exactly one reply at the SMTP sink.
// A failure prints its seed: FAULT_SEED=<seed> npm test -- test/production/faults/mail-agent-sigkill.test.ts
// replays the same delays. On the embedded database (PGlite) only: the pipeline's idempotence is the same on
// PostgreSQL, whose own crash case — another agent taking the mailbox over — is test/mail-agent/mailbox-lock.
// Skipped, saying so, when dovecot is not installed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ImapFlow } from "imapflow";
import { openDatabase, type Database } from "../../../core/db/database";
import { PROCESSED_FOLDER } from "../../../mail-agent";
import { DOVECOT_BIN, startDovecot, type Dovecot, connectTestImap } from "../../helpers/dovecot";
import { forkMailAgent, killForkedAgents, type ForkedMailAgent } from "../../helpers/mail-agent-fork";
import { parentEmail } from "../../helpers/mail-fixtures";
import { startSmtpSink, waitFor, type SmtpSink } from "../../helpers/smtp-sink";
import { writeMigratedPgliteDir } from "../../helpers/test-database";
import { describeUnless } from "../../helpers/describe-unless";

const FILE = "test/production/faults/mail-agent-sigkill.test.ts";
const maybe = describeUnless(FILE, [
  [!DOVECOT_BIN, "dovecot is not installed (apt-get install -y dovecot-imapd)"],
  [
    Boolean(process.env.DATABASE_URL),
    "runs in the embedded-database pass only (the PostgreSQL takeover is test/mail-agent/mailbox-lock.test.ts)",
  ],
]);
jest.setTimeout(300_000);

/** Runs, emails per run, and the longest kill delay (past the end of a batch's intake and delivery here). */
const RUNS = Number(process.env.FAULT_RUNS ?? 5);
const BATCH = 5;
const MAX_KILL_MS = 2500;
const SEED = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const header = (raw: string, name: string) => new RegExp(`^${name}:\\s*(\\S+)`, "im").exec(raw)?.[1] ?? null;

maybe("the mail agent killed with SIGKILL", () => {
  let dovecot: Dovecot;
  let imap: ImapFlow;
  let sink: SmtpSink;

  beforeAll(async () => {
    [dovecot, sink] = await Promise.all([startDovecot(), startSmtpSink()]);
    imap = await connectTestImap(dovecot);
  });
  afterAll(async () => {
    killForkedAgents();
    await imap?.logout().catch(() => undefined);
    await dovecot?.stop();
    await sink?.close();
  });

  /** A DATA_DIR whose embedded database is already migrated (each agent's boot then only opens it). */
  async function dataDir(name: string): Promise<string> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `aide-portail-${name}-`));
    await writeMigratedPgliteDir(path.join(dir, "pglite"));
    return dir;
  }
  async function withDatabase<T>(dir: string, fn: (db: Database) => Promise<T>): Promise<T> {
    const db = await openDatabase({ pgliteDir: path.join(dir, "pglite") });
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  }
  const count = async (box: string) => {
    const st = await imap.status(box, { messages: true }).catch(() => false as const);
    return st ? (st.messages ?? 0) : 0;
  };
  /** On a connection of its own: the counting one never selects a mailbox (STATUS on the selected one is refused). */
  async function emptyMailbox(): Promise<void> {
    const c = await connectTestImap(dovecot);
    try {
      for (const box of ["INBOX", PROCESSED_FOLDER])
        if (await count(box)) {
          await c.mailboxOpen(box);
          await c.messageDelete("1:*");
        }
    } finally {
      await c.logout();
    }
  }

  it("killed between the commit and the move: no duplicate, no loss", async () => {
    await emptyMailbox();
    const dir = await dataDir("kill-move");
    const first = forkMailAgent(dovecot, { DATA_DIR: dir, CRASH_BEFORE_MOVE: "1" });
    await first.next("ready");
    await imap.append("INBOX", parentEmail({ from: "crash.test@exemple.ca" }).raw);
    await first.next("before-move");
    await first.kill();
    expect(await count("INBOX")).toBe(1); // committed, not moved

    const second = forkMailAgent(dovecot, { DATA_DIR: dir });
    await second.next("ready");
    await waitFor(async () => (await count("INBOX")) === 0 && (await count(PROCESSED_FOLDER)) === 1, "the move after the restart", 60_000);
    await second.stop();

    await withDatabase(dir, async (db) => {
      expect(await db.prisma.ticket.count()).toBe(1);
      expect(await db.prisma.inboundEmail.count()).toBe(1);
      const outbox = await db.prisma.outboxMessage.findMany({ select: { template: true, toAddress: true } });
      expect(outbox.map((o) => o.template).sort()).toEqual(["mail:email.ticketReply", "tickets:email.newTicketForSchool"]);
      expect(outbox.find((o) => o.template === "mail:email.ticketReply")?.toAddress).toBe("crash.test@exemple.ca");
    });
  });

  it(`killed at random points over ${RUNS} runs (seed ${SEED}): 0 lost, 0 duplicate tickets, 0 double replies`, async () => {
    console.log(`${FILE}: FAULT_SEED=${SEED} (set it to replay these kill delays)`);
    await emptyMailbox();
    sink.received.length = 0;
    const dir = await dataDir("kill-random");
    const rnd = prng(SEED);
    const smtp = { DATA_DIR: dir, SMTP_URL: sink.url };
    const inbound: { from: string; messageId: string }[] = [];
    // The emails a kill caught in the middle of their SMTP delivery: the one case where the server may have
    // taken a message whose acceptance we never recorded, so that the next agent hands it over again (same
    // Message-ID: the parent's mail program shows one email). Any other repeat is a double reply.
    const cutMidSend = new Set<string>();
    const replied = () => new Set(sink.received.map((m) => header(m.raw, "In-Reply-To")));
    let agent: ForkedMailAgent = forkMailAgent(dovecot, smtp);
    await agent.next("ready");
    for (let run = 1; run <= RUNS; run++) {
      for (let i = 0; i < BATCH; i++) {
        const mail = parentEmail({ from: `parent.r${run}.${i}@exemple.ca`, subject: `Mot de passe oublie (${run}.${i})` });
        inbound.push({ from: `parent.r${run}.${i}@exemple.ca`, messageId: mail.messageId });
        await imap.append("INBOX", mail.raw);
      }
      const delay = Math.floor(rnd() * MAX_KILL_MS);
      await new Promise((r) => setTimeout(r, delay));
      await agent.kill();
      const state = await withDatabase(dir, async (db) => {
        const sending = await db.prisma.outboxMessage.findMany({ where: { status: "SENDING" }, select: { messageId: true } });
        for (const s of sending) cutMidSend.add(s.messageId);
        return {
          tickets: await db.prisma.ticket.count(),
          outbox: (await db.prisma.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } }))
            .map((g) => `${g._count._all} ${g.status}`)
            .join(", "),
        };
      });
      console.log(
        `run ${run}: killed ${delay} ms after the batch: INBOX ${await count("INBOX")}, Traités ${await count(PROCESSED_FOLDER)}, ` +
          `tickets ${state.tickets}/${inbound.length}, outbox ${state.outbox || "empty"}, delivered ${sink.received.length}`,
      );
      agent = forkMailAgent(dovecot, smtp);
      await agent.next("ready");
      // Finished: every email moved and answered, and each ticket's notification delivered too.
      await waitFor(
        async () => {
          const r = replied();
          return (
            (await count("INBOX")) === 0 &&
            (await count(PROCESSED_FOLDER)) === inbound.length &&
            inbound.every((m) => r.has(m.messageId)) &&
            new Set(sink.received.map((m) => header(m.raw, "Message-ID"))).size === 2 * inbound.length
          );
        },
        `run ${run}'s emails processed and answered after the restart`,
        90_000,
      ).catch(async (err: Error) => {
        throw new Error(
          `${err.message}: INBOX ${await count("INBOX")}, Traités ${await count(PROCESSED_FOLDER)}, delivered ${sink.received.length}`,
        );
      });
    }
    await agent.stop();

    await withDatabase(dir, async (db) => {
      const tickets = await db.prisma.ticket.findMany({ select: { requesterEmail: true } });
      const quarantined = await db.prisma.mailQuarantine.findMany({ select: { messageId: true } });
      // Exactly one ticket or one quarantine row per email: none lost, none twice.
      for (const m of inbound) {
        const n = tickets.filter((t) => t.requesterEmail === m.from).length + quarantined.filter((q) => q.messageId === m.messageId).length;
        expect({ email: m.from, ticketsAndQuarantine: n }).toEqual({ email: m.from, ticketsAndQuarantine: 1 });
      }
      expect(tickets.length + quarantined.length).toBe(inbound.length);
      expect(await db.prisma.inboundEmail.count()).toBe(inbound.length);
      const outbox = await db.prisma.outboxMessage.findMany({ select: { messageId: true, status: true } });
      expect(outbox.filter((o) => o.status !== "SENT")).toEqual([]);
      // What the sink holds is exactly the outbox: nothing sent that was not stored, nothing stored and not sent.
      expect([...new Set(sink.received.map((m) => header(m.raw, "Message-ID")))].sort()).toEqual(outbox.map((o) => o.messageId).sort());
    });
    // One reply per email (by In-Reply-To: distinct replies), and no Message-ID handed over twice but one cut
    // in the middle of its delivery.
    for (const m of inbound) {
      const replies = new Set(
        sink.received.filter((r) => header(r.raw, "In-Reply-To") === m.messageId).map((r) => header(r.raw, "Message-ID")),
      );
      expect({ email: m.from, replies: replies.size }).toEqual({ email: m.from, replies: 1 });
    }
    const deliveries = new Map<string, number>();
    for (const r of sink.received) deliveries.set(header(r.raw, "Message-ID")!, (deliveries.get(header(r.raw, "Message-ID")!) ?? 0) + 1);
    const repeated = [...deliveries].filter(([, n]) => n > 1);
    console.log(`${FILE}: ${repeated.length} delivery repeated after a kill during its SMTP session`);
    expect(repeated.filter(([id, n]) => n > 2 || !cutMidSend.has(id))).toEqual([]);
  });
});
