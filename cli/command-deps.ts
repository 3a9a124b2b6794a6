// What the command groups of cli/ are handed by the composition root (bin/main.ts). cli/ builds nothing
// itself: it parses arguments, calls the core's use cases through a booted context, prints, and returns an
// exit code. Heavy modules (the database, the HTTP stack) load only inside the actions that need them, so
// `aide-portail --help` stays instant.
import type { TFunction } from "i18next";
import type { CoreContext } from "../core";

export interface BootedForCommand {
  ctx: CoreContext;
  /** Migrations this boot applied (db migrate reports them). */
  applied: string[];
  close(): Promise<void>;
}

export interface RunningSystemHandle {
  url: string;
  stop(): Promise<void>;
}

export interface DoctorLine {
  check: string;
  ok: boolean;
  detail: string;
}

export interface BackupDone {
  file: string;
  format: "pglite" | "pg_dump";
  bytes: number;
}

export interface RestoreDone {
  file: string;
  format: "pglite" | "pg_dump";
  /** Where the replaced embedded folder was moved (nothing is deleted). */
  setAside: string | null;
}

export interface CommandDeps {
  t: TFunction;
  /**
   * Opens the configured database (migrated unless `migrate: false`), logging to stderr. `seedOnFirstRun`:
   * an empty embedded database gets the demo, as on the first `start` (so `ask` works right after install).
   */
  boot(opts?: { migrate?: boolean; seedOnFirstRun?: boolean }): Promise<BootedForCommand>;
  /** Delivers what the outbox holds now (SMTP or DATA_DIR/outbox), as the mail agent would. */
  deliverMail?(ctx: CoreContext): Promise<void>;
  /** The whole system of `aide-portail start` (bin/start.ts). */
  startSystem(): Promise<RunningSystemHandle>;
  /** Every check of `aide-portail doctor` (bin/doctor.ts). */
  runDoctor(): Promise<DoctorLine[]>;
  /** `db backup FILE`: a whole copy of the configured database (the database is closed when it returns). */
  backupDatabase(file: string): Promise<BackupDone>;
  /** `db restore FILE`: refuses a database holding rows (AppError db.restore_not_empty) unless `force`. */
  restoreDatabase(file: string, opts: { force: boolean }): Promise<RestoreDone>;
}

/**
 * Runs an action on a booted core, closes it, and only then sets the exit code: closing the embedded
 * database (PGlite's WebAssembly runtime) resets `process.exitCode`, so a code set before close was lost.
 */
export async function withCore(
  deps: CommandDeps,
  action: (b: BootedForCommand) => Promise<number>,
  opts?: { migrate?: boolean; seedOnFirstRun?: boolean },
): Promise<void> {
  const booted = await deps.boot(opts);
  let code = 1;
  try {
    code = await action(booted);
  } finally {
    await booted.close();
    process.exitCode = code;
  }
}
