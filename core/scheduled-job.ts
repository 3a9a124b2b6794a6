// Scheduled work that must run once per period across every instance (proactive notices, purges): the first
// instance to claim the unique (job, period) row of ScheduledJobRun runs it; the others see the row and skip.
// A holder that dies mid-run leaves a RUNNING row whose lease runs out: another instance takes the period back,
// so a crash delays the job, it never loses a period nor runs it twice at the same time. A failed run is
// retried by the next tick. Works the same on PGlite and PostgreSQL (one INSERT … ON CONFLICT, no lock held).
import crypto from "node:crypto";
import os from "node:os";
import type { CoreContext } from "./context";

/** Who holds a run (for operators reading the table): host, pid and a per-process nonce. */
export const INSTANCE_ID = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;

export interface JobRunOptions {
  /** Stable name of the job, e.g. "purge-bot-state". */
  job: string;
  /** The period this run is for, e.g. "2026-12-01" or periodKey(now, 3_600_000). */
  period: string;
  /** How long the holder may take before another instance may take the period back (default 10 min). */
  leaseMs?: number;
}

export type JobRunOutcome = "ran" | "skipped" | "failed";

/** The period containing `at` when a job runs every `everyMs` (aligned on the epoch, so all instances agree). */
export function periodKey(at: Date, everyMs: number): string {
  return new Date(Math.floor(at.getTime() / everyMs) * everyMs).toISOString();
}

/**
 * Claims (job, period): true when this instance holds it now. Taken when no row exists, or the row FAILED,
 * or its holder's lease ran out while RUNNING. A DONE period is never taken again.
 */
async function claimPeriod(ctx: CoreContext, opts: JobRunOptions): Promise<boolean> {
  const now = ctx.now();
  const leaseUntil = new Date(now.getTime() + (opts.leaseMs ?? 10 * 60_000));
  const rows = await ctx.prisma.$queryRaw<{ job: string }[]>`
    INSERT INTO "ScheduledJobRun" (job, period, status, holder, "leaseUntil", "startedAt", attempts)
    VALUES (${opts.job}, ${opts.period}, 'RUNNING', ${INSTANCE_ID}, ${leaseUntil}, ${now}, 1)
    ON CONFLICT (job, period) DO UPDATE
      SET status = 'RUNNING', holder = EXCLUDED.holder, "leaseUntil" = EXCLUDED."leaseUntil",
          "startedAt" = EXCLUDED."startedAt", attempts = "ScheduledJobRun".attempts + 1
      WHERE "ScheduledJobRun".status = 'FAILED'
         OR ("ScheduledJobRun".status = 'RUNNING' AND "ScheduledJobRun"."leaseUntil" < ${now})
    RETURNING job`;
  return rows.length === 1;
}

async function finish(ctx: CoreContext, opts: JobRunOptions, status: "DONE" | "FAILED", error?: string): Promise<void> {
  await ctx.prisma.$executeRaw`
    UPDATE "ScheduledJobRun" SET status = ${status}, "finishedAt" = ${ctx.now()}, "lastError" = ${error ?? null}
    WHERE job = ${opts.job} AND period = ${opts.period} AND holder = ${INSTANCE_ID}`;
}

/**
 * Runs `run` once for (job, period) across every instance sharing the database. "skipped": another instance
 * ran it or is running it. "failed": it threw here (logged; the next call for the same period tries again).
 */
export async function runOncePerPeriod(ctx: CoreContext, opts: JobRunOptions, run: () => Promise<void>): Promise<JobRunOutcome> {
  if (!(await claimPeriod(ctx, opts))) return "skipped";
  const log = ctx.log.child({ component: "scheduler", job: opts.job, period: opts.period });
  try {
    await run();
  } catch (err) {
    log.error({ err }, "scheduled job failed");
    await finish(ctx, opts, "FAILED", String((err as Error)?.message ?? err).slice(0, 1000));
    return "failed";
  }
  await finish(ctx, opts, "DONE");
  log.info("scheduled job done");
  return "ran";
}

export interface ScheduledJob {
  /** The tick under way, if any (tests await it). */
  tick(): Promise<JobRunOutcome>;
  stop(): Promise<void>;
}

/**
 * Every `checkMs`, runs `run` for the current period of length `everyMs` unless some instance already did.
 * Each instance starts one of these; the table decides who works.
 */
export function scheduleJob(
  ctx: CoreContext,
  opts: { job: string; everyMs: number; checkMs?: number; leaseMs?: number },
  run: (period: string) => Promise<void>,
): ScheduledJob {
  let current: Promise<JobRunOutcome> = Promise.resolve("skipped");
  const tick = () => {
    const period = periodKey(ctx.now(), opts.everyMs);
    current = current.then(() =>
      runOncePerPeriod(ctx, { job: opts.job, period, leaseMs: opts.leaseMs }, () => run(period)).catch((err: unknown) => {
        ctx.log.error({ component: "scheduler", job: opts.job, err }, "could not claim the scheduled job");
        return "failed" as const;
      }),
    );
    return current;
  };
  const timer = setInterval(tick, opts.checkMs ?? Math.min(opts.everyMs, 60_000));
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await current;
    },
  };
}
