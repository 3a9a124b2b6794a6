// The outbox of a system as it stands on disk, for the outbox fault tests (SMTP refusing, a full disk): a
// migrated embedded database under DATA_DIR, a context on the test's clock whose logs are kept as JSON objects,
// emails queued in one call, and `doctor` run on the same DATA_DIR as an operator runs it (the embedded database
// serves one process: it is closed meanwhile, then opened again).
import path from "node:path";
import { Writable } from "node:stream";
import { createLogger, enqueueEmail, loadConfig, translator, type CoreContext } from "../../core";
import { openDatabase, type Database } from "../../core/system";
import { runDoctor, type DoctorLine } from "../../bin/doctor";
import type { TestClock } from "./context";
import { writeMigratedPgliteDir } from "./test-database";

export interface OutboxOnDisk {
  readonly db: Database;
  readonly ctx: CoreContext;
  /** Every line logged through ctx.log so far. */
  logs: Record<string, unknown>[];
  /** Queues `n` emails (a login-id reminder to parent0…, parent1…); their Message-IDs. */
  enqueue(n: number): Promise<string[]>;
  /** `doctor`'s lines by check, in French. */
  doctor(): Promise<Record<string, DoctorLine>>;
  close(): Promise<void>;
}

export async function openOutboxOnDisk(env: Record<string, string> & { DATA_DIR: string }, clock: TestClock): Promise<OutboxOnDisk> {
  const pgliteDir = path.join(env.DATA_DIR, "pglite");
  await writeMigratedPgliteDir(pgliteDir);
  const logs: Record<string, unknown>[] = [];
  const log = createLogger({
    level: "info",
    destination: new Writable({
      write(chunk: Buffer, _enc, cb) {
        for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
        cb();
      },
    }),
  });
  let db = await openDatabase({ pgliteDir });
  const context = (): CoreContext => ({ prisma: db.prisma, config: loadConfig(env), log, now: clock.now });
  let ctx = context();
  return {
    get db() {
      return db;
    },
    get ctx() {
      return ctx;
    },
    logs,
    async enqueue(n) {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const to = `parent${i}@exemple.ca`;
        ids.push((await enqueueEmail(ctx, { template: "accounts:email.loginId", lang: "fr", to, params: { email: to } })).messageId);
      }
      return ids;
    },
    async doctor() {
      await db.close();
      try {
        return Object.fromEntries((await runDoctor(env, translator("fr"))).map((l) => [l.check, l]));
      } finally {
        db = await openDatabase({ pgliteDir });
        ctx = context();
      }
    },
    close: () => db.close(),
  };
}
