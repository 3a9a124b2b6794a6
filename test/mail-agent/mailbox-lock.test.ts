// One active agent per mailbox on PostgreSQL (SPEC §9): two agents (real processes) on one mailbox, only one
// holds the advisory lock and reads; SIGKILL it, and the other takes the lock over and processes the next
// email. Needs a real PostgreSQL (CI's second pass: DATABASE_URL set) and dovecot; skipped, saying so,
// without them (the embedded database allows one process anyway).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ImapFlow } from "imapflow";
import { openDatabase } from "../../core/db/database";
import { migrateDatabase } from "../../core/db/migrate";
import { PROCESSED_FOLDER } from "../../mail-agent";
import { DOVECOT_BIN, startDovecot, type Dovecot, connectTestImap } from "../helpers/dovecot";
import { forkMailAgent, killForkedAgents, type ForkedMailAgent } from "../helpers/mail-agent-fork";
import { createScratchPostgres } from "../helpers/scratch-postgres";
import { waitFor } from "../helpers/smtp-sink";
import { parentEmail } from "../helpers/mail-fixtures";

const URL_ = process.env.DATABASE_URL;
if (!URL_)
  console.warn("SKIPPED test/mail-agent/mailbox-lock.test.ts: needs PostgreSQL (DATABASE_URL), the embedded database allows one process");
else if (!DOVECOT_BIN) console.warn("SKIPPED test/mail-agent/mailbox-lock.test.ts: dovecot is not installed");
const describeWithPostgres = URL_ && DOVECOT_BIN ? describe : describe.skip;

describeWithPostgres("the mailbox advisory lock on PostgreSQL", () => {
  let dovecot: Dovecot;
  let imap: ImapFlow;
  let scratch: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    [dovecot, scratch] = await Promise.all([startDovecot(), createScratchPostgres(URL_!, "ap_mail_lock")]);
    // Migrated once here: two agents booting at the same time must not race on the migrations.
    const db = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
    await migrateDatabase(db);
    await db.close();
    imap = await connectTestImap(dovecot);
  });
  afterAll(async () => {
    killForkedAgents();
    await imap?.logout().catch(() => undefined);
    await dovecot?.stop();
    await scratch?.drop();
  });

  const agent = (name: string): ForkedMailAgent =>
    forkMailAgent(dovecot, {
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), `aide-portail-lock-${name}-`)),
      DATABASE_URL: scratch.url,
      APP_SECRET: "mailbox-lock-test-secret-0123456789abcdef",
    });

  async function advisoryLocks(): Promise<number> {
    const c = new pg.Client({ connectionString: scratch.url });
    await c.connect();
    try {
      const r = await c.query<{ n: string }>(
        "select count(*) as n from pg_locks l join pg_database d on d.oid = l.database where l.locktype = 'advisory' and l.granted and d.datname = current_database()",
      );
      return Number(r.rows[0].n);
    } finally {
      await c.end();
    }
  }
  const count = async (box: string) => {
    const st = await imap.status(box, { messages: true }).catch(() => false as const);
    return st ? (st.messages ?? 0) : 0;
  };
  async function tickets(): Promise<string[]> {
    const c = new pg.Client({ connectionString: scratch.url });
    await c.connect();
    try {
      return (await c.query<{ e: string }>(`select "requesterEmail" as e from "Ticket" order by number`)).rows.map((r) => r.e);
    } finally {
      await c.end();
    }
  }

  it("two agents, one lock; the survivor takes over after a SIGKILL and reads the mailbox", async () => {
    const a = agent("a");
    const b = agent("b");
    await waitFor(() => a.seen.includes("ready") && b.seen.includes("ready"), "both agents started", 90_000);
    await waitFor(() => a.seen.includes("lock-held") || b.seen.includes("lock-held"), "one agent holding the mailbox", 30_000);
    // Both keep running; the second one keeps trying (every 500 ms here) and never gets it.
    await new Promise((r) => setTimeout(r, 1500));
    const holder = a.seen.includes("lock-held") ? a : b;
    const standby = holder === a ? b : a;
    expect(standby.seen).not.toContain("lock-held");
    expect(await advisoryLocks()).toBe(1);

    await imap.append("INBOX", parentEmail({ from: "avant@exemple.ca" }).raw);
    await waitFor(async () => (await count(PROCESSED_FOLDER)) === 1, "the holder processing the first email", 30_000);
    expect(await tickets()).toEqual(["avant@exemple.ca"]);

    await holder.kill();
    await waitFor(() => standby.seen.includes("lock-held"), "the standby taking the lock over", 30_000);
    expect(await advisoryLocks()).toBe(1);

    await imap.append("INBOX", parentEmail({ from: "apres@exemple.ca" }).raw);
    await waitFor(async () => (await count(PROCESSED_FOLDER)) === 2 && (await count("INBOX")) === 0, "the new holder processing", 30_000);
    expect(await tickets()).toEqual(["avant@exemple.ca", "apres@exemple.ca"]);

    await standby.stop();
    expect(await advisoryLocks()).toBe(0); // released on stop
  });
});
