/**
 * Counts the database round trips of one bot turn (called by bot-bench.ts): every statement the embedded
 * PGlite receives — queries, and BEGIN/COMMIT of transactions — wrapped at the PGlite instance, so the
 * statements of interactive transactions count too.
 */
import type { PGlite } from "@electric-sql/pglite";

export interface QueryCounter {
  count: number;
  /** The statements seen since the last reset (first 60 characters each), for the report. */
  seen: string[];
  reset(): void;
}

export function countQueries(db: PGlite): QueryCounter {
  const counter: QueryCounter = {
    count: 0,
    seen: [],
    reset() {
      counter.count = 0;
      counter.seen = [];
    },
  };
  const note = (sql: unknown) => {
    counter.count++;
    counter.seen.push(String(sql).replace(/\s+/g, " ").slice(0, 60));
  };
  const wrap = <T extends { query: (...a: never[]) => unknown; exec: (...a: never[]) => unknown }>(target: T): T => {
    const query = target.query.bind(target) as (...a: unknown[]) => unknown;
    const exec = target.exec.bind(target) as (...a: unknown[]) => unknown;
    (target as { query: unknown }).query = (...a: unknown[]) => (note(a[0]), query(...a));
    (target as { exec: unknown }).exec = (...a: unknown[]) => (note(a[0]), exec(...a));
    return target;
  };
  wrap(db);
  const transaction = db.transaction.bind(db);
  (db as { transaction: unknown }).transaction = (fn: (tx: unknown) => Promise<unknown>) => (
    note("BEGIN"),
    transaction(async (tx) => fn(wrap(tx))).finally(() => note("COMMIT"))
  );
  return counter;
}
