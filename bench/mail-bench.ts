/**
 * The email agent's speed, on this machine, against a private Dovecot (skipped when dovecot is not installed):
 * - throughput from Dovecot into tickets: N emails waiting in INBOX, the agent started, time until every one
 *   is a ticket with its reply in the outbox (target ≥ 300 msg/s);
 * - latency from IMAP APPEND to the reply in the outbox (IDLE), p50/p95 over sequential samples (target p50 <
 *   1.5 s; Dovecot's IDLE notification alone takes ≈ 0.5 s), beside a 60-second poll as FreeScout or Zammad
 *   run it — its latency is the wait for the next poll (uniform over 0–60 s: p50 30 s) plus the same
 *   processing — as a ratio.
 * On the embedded PGlite (in memory), the default, then on PostgreSQL when DATABASE_URL is set (bench/run.ts
 * starts a private server when run as root): a scratch database beside it, migrated, dropped afterwards.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ImapFlow } from "imapflow";
import { PGlite } from "@electric-sql/pglite";
import { openDatabase } from "../core/db/database";
import { migrateDatabase } from "../core/db/migrate";
import { loadConfig } from "../core/config";
import { createLogger, silentLogger } from "../core/logger";
import { createMetrics, type CoreContext } from "../core";
import { startMailAgent } from "../mail-agent";
import { DOVECOT_BIN, startDovecot } from "../test/helpers/dovecot";
import { parentEmail } from "../test/helpers/mail-fixtures";
import { createScratchPostgres } from "../test/helpers/scratch-postgres";
import type { Database } from "../core/db/database";

const N = Number(process.env.MAIL_BENCH_N ?? 300);
const SAMPLES = Number(process.env.MAIL_BENCH_SAMPLES ?? 15);
const POLL_S = 60;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** Polls every `everyMs`: each poll is a query on the agent's own database (PGlite has one connection). */
async function waitFor(cond: () => Promise<boolean>, everyMs = 5, ms = 600_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error("mail bench: timed out");
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export async function run(): Promise<void> {
  if (!DOVECOT_BIN) {
    console.log("dovecot is not installed (apt-get install -y dovecot-imapd): mail bench skipped");
    return;
  }
  await runOn("PGlite", async () => {
    const db = await openDatabase({ pglite: new PGlite() });
    await migrateDatabase(db);
    return { db, drop: () => db.close() };
  });
  const url = process.env.DATABASE_URL;
  if (!url) return void console.log("(no DATABASE_URL: the PostgreSQL figures are skipped)");
  await runOn("PostgreSQL", async () => {
    const scratch = await createScratchPostgres(url, "ap_mail_bench");
    const db = await openDatabase({ databaseUrl: scratch.url, poolSize: 4 });
    await migrateDatabase(db);
    return { db, drop: async () => (await db.close(), await scratch.drop()) };
  });
}

async function runOn(engine: string, open: () => Promise<{ db: Database; drop(): Promise<void> }>): Promise<void> {
  const dovecot = await startDovecot();
  const { db, drop } = await open();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "aide-portail-mail-bench-"));
  const config = loadConfig({
    DATA_DIR: dataDir,
    IMAP_HOST: "127.0.0.1",
    IMAP_PORT: String(dovecot.port),
    IMAP_USER: dovecot.user,
    IMAP_PASSWORD: dovecot.password,
    IMAP_SECURE: "false",
    // The configuration says which database serves, as in production (the outbox's lanes depend on it).
    ...(engine === "PostgreSQL" && process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
  });
  const ctx: CoreContext = {
    prisma: db.prisma,
    config,
    log: process.env.MAIL_BENCH_LOG ? createLogger({ level: process.env.MAIL_BENCH_LOG }) : silentLogger,
    now: () => new Date(),
  };
  const imap = new ImapFlow({
    host: "127.0.0.1",
    port: dovecot.port,
    secure: false,
    auth: { user: dovecot.user, pass: dovecot.password },
    logger: false,
  });
  await imap.connect();
  try {
    // Warm-up (NLU model, Prisma, school cache) so the figures are the steady state.
    for (let i = 0; i < 5; i++) await imap.append("INBOX", parentEmail({ from: `warm${i}@exemple.ca` }).raw);
    let agent = startMailAgent({ ctx, metrics: createMetrics(ctx) }, { outboxIntervalMs: 3_600_000, pollMs: 60_000 });
    await waitFor(async () => (await db.prisma.inboundEmail.count()) === 5);
    await agent.stop();

    for (let i = 0; i < N; i++) await imap.append("INBOX", parentEmail({ from: `parent${i}@exemple.ca`, subject: `Question ${i}` }).raw);
    const t0 = performance.now();
    agent = startMailAgent({ ctx, metrics: createMetrics(ctx) }, { outboxIntervalMs: 3_600_000, pollMs: 60_000 });
    await waitFor(async () => (await db.prisma.outboxMessage.count({ where: { template: "mail:email.ticketReply" } })) === N + 5, 20);
    const seconds = (performance.now() - t0) / 1000;
    const tickets = await db.prisma.ticket.count();

    const latencies: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const before = await db.prisma.outboxMessage.count({ where: { template: "mail:email.ticketReply" } });
      const t = performance.now();
      await imap.append("INBOX", parentEmail({ from: `latence${i}@exemple.ca` }).raw);
      await waitFor(async () => (await db.prisma.outboxMessage.count({ where: { template: "mail:email.ticketReply" } })) > before);
      latencies.push((performance.now() - t) / 1000);
    }
    await agent.stop();
    const p50 = pct(latencies, 50);
    const p95 = pct(latencies, 95);
    const processing = 1 / (N / seconds);
    const pollP50 = POLL_S / 2 + processing;
    console.log(
      `${engine}: throughput Dovecot → tickets: ${N} emails in ${seconds.toFixed(2)} s = ${(N / seconds).toFixed(0)} msg/s (${tickets} tickets, each with its reply in the outbox; target ≥ 300)`,
    );
    console.log(
      `${engine}: APPEND → reply in the outbox (IDLE): p50 ${p50.toFixed(2)} s, p95 ${p95.toFixed(2)} s over ${SAMPLES} samples (target p50 < 1.5 s)`,
    );
    console.log(
      `${engine}: a ${POLL_S}-second poll (FreeScout, Zammad): p50 ${pollP50.toFixed(1)} s (half the interval + the same processing) → IDLE is ${(pollP50 / p50).toFixed(0)}× faster at p50`,
    );
  } finally {
    await imap.logout().catch(() => undefined);
    await drop();
    await dovecot.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) void run();
