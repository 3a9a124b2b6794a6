// Keeps the embedded database clear of the checkpoint that PostgreSQL requests by itself once the WAL written
// since the last checkpoint nears max_wal_size. PGlite runs PostgreSQL alone, without its checkpointer
// process: that request then waits in a sleep which WebAssembly without threads turns into a busy loop, and
// the process spins at 100 % CPU for good (a 50,000-student import stalled at attendance.csv with 560 MB of
// WAL; bench/import-bench.ts). An explicit CHECKPOINT runs in the process itself and completes in
// milliseconds, so this guard checks the distance now and then and checkpoints well before the threshold.
import type { PGlite } from "@electric-sql/pglite";

/** Checkpoint once this much WAL has been written since the last one (PostgreSQL's own request comes at ≈ 1 GB). */
export const WAL_CHECKPOINT_BYTES = 128 * 1024 * 1024;
const CHECK_EVERY_MS = 1000;

export interface WalGuard {
  /** Checkpoints now if the WAL since the last checkpoint passed the limit (also run on a timer). */
  check(): Promise<void>;
  /** Stops the timer; resolves once a check under way has finished (before the database closes). */
  stop(): Promise<void>;
}

export function startWalGuard(db: PGlite, limitBytes = WAL_CHECKPOINT_BYTES): WalGuard {
  let running: Promise<void> | undefined;
  const check = () =>
    (running ??= (async () => {
      try {
        if (db.closed) return;
        const { rows } = await db.query<{ bytes: string }>(
          "select (pg_current_wal_lsn() - redo_lsn)::text as bytes from pg_control_checkpoint()",
        );
        if (Number(rows[0]?.bytes ?? 0) >= limitBytes) await db.exec("CHECKPOINT");
      } catch {
        // Closing, or closed under us: the next open checks again.
      } finally {
        running = undefined;
      }
    })());
  const timer = setInterval(() => void check(), CHECK_EVERY_MS);
  timer.unref();
  return {
    check,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
