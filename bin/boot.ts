// Opens the core for a command: configuration from the environment → logger → database → migrations.
// Every command that touches data goes through here, so they all see the same database the same way.
import fs from "node:fs";
import pino from "pino";
import { createLogger, loadConfig, type Config, type CoreContext, type Logger } from "../core";
import { migrateDatabase, openDatabase, type Database } from "../core/system";

export interface Booted {
  config: Config;
  log: Logger;
  db: Database;
  ctx: CoreContext;
  /** Migrations applied by this boot (empty when the database was up to date). */
  applied: string[];
  close(): Promise<void>;
}

export interface BootOptions {
  env?: NodeJS.ProcessEnv;
  migrate?: boolean;
  log?: Logger;
  /** One-shot commands: logs on stderr, so stdout carries only the result the operator asked for. */
  logToStderr?: boolean;
}

export async function boot(opts: BootOptions = {}): Promise<Booted> {
  const config = loadConfig(opts.env ?? process.env);
  const log = opts.log ?? createLogger({ level: config.LOG_LEVEL, destination: opts.logToStderr ? pino.destination(2) : undefined });
  if (!config.DATABASE_URL) fs.mkdirSync(config.dataDir, { recursive: true });
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: config.pgliteDir });
  let applied: string[] = [];
  try {
    if (opts.migrate !== false) applied = await migrateDatabase(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  if (applied.length) log.info({ component: "db", applied, kind: db.kind }, "migrations applied");
  const ctx: CoreContext = { prisma: db.prisma, config, log, now: () => new Date() };
  return { config, log, db, ctx, applied, close: () => db.close() };
}
