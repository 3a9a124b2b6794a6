// Opens the core for a command: configuration from the environment → logger → database → migrations.
// Every command that touches data goes through here, so they all see the same database the same way.
import fs from "node:fs";
import pino from "pino";
import { AppError, createLogger, loadConfig, type Config, type CoreContext, type Logger } from "../core";
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

/** DATA_DIR (the embedded database, the outbox, secret.key) must be a folder: a file there is said plainly. */
function prepareDataDir(config: Config): void {
  const dir = config.dataDir;
  const notFolder = () =>
    new AppError("config.data_dir_not_folder", {
      params: { dir },
      log: `DATA_DIR ${dir} (or one of its parents) is a file, not a folder: point DATA_DIR at a folder`,
    });
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw notFolder();
  if (config.DATABASE_URL) return; // nothing is written there before it is needed
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A parent that is a file (DATA_DIR=/etc/passwd/data) gives ENOTDIR, a file at the path EEXIST.
    if (code === "EEXIST" || code === "ENOTDIR") throw notFolder();
    throw new AppError("config.data_dir_unusable", {
      params: { dir },
      log: `cannot create DATA_DIR ${dir}: ${(err as Error).message}`,
      cause: err,
    });
  }
}

export async function boot(opts: BootOptions = {}): Promise<Booted> {
  const config = loadConfig(opts.env ?? process.env);
  const log = opts.log ?? createLogger({ level: config.LOG_LEVEL, destination: opts.logToStderr ? pino.destination(2) : undefined });
  prepareDataDir(config);
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
