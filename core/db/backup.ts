// Keeping and bringing back a whole copy of the database (SPEC §8 `db backup FILE` / `db restore FILE`):
// - embedded PGlite: its data folder as PGlite's own gzipped tarball (dumpDataDir / loadDataDir);
// - PostgreSQL: pg_dump's custom format (pg_dump / pg_restore, which must be installed).
// A restore never overwrites data silently: a database holding rows is refused unless `force` is given, and the
// embedded folder it replaces is moved aside (never deleted). The copy holds password hashes: it is written 0600.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { AppError } from "../errors";
import { lockDataDir } from "./data-dir-lock";
import { redactUrl, type Database } from "./database";

export type BackupFormat = "pglite" | "pg_dump";

export interface BackupResult {
  file: string;
  format: BackupFormat;
  bytes: number;
}

export interface RestoreResult {
  file: string;
  format: BackupFormat;
  /** Where the embedded data folder that was replaced now lives (PGlite with force on a non-empty folder). */
  setAside: string | null;
}

export interface RestoreTarget {
  /** postgres://… — restore into that database; otherwise into the embedded folder `pgliteDir`. */
  databaseUrl?: string;
  pgliteDir: string;
}

function run(cmd: string, args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.once("error", (err) => {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") {
        reject(
          new AppError("db.pg_tool_missing", {
            params: { tool: cmd },
            log: `${cmd} is not installed (apt-get install -y postgresql-client)`,
          }),
        );
      } else reject(err);
    });
    child.once("close", (code) => resolve({ code: code ?? 1, stderr: stderr.trim() }));
  });
}

function writePrivate(file: string, data: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

export async function backupDatabase(db: Database, file: string, databaseUrl?: string): Promise<BackupResult> {
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (db.kind === "pglite") {
    const dump = await db.pglite!.dumpDataDir("gzip");
    writePrivate(target, Buffer.from(await dump.arrayBuffer()));
    return { file: target, format: "pglite", bytes: fs.statSync(target).size };
  }
  if (!databaseUrl) throw new Error("backupDatabase: a PostgreSQL database needs its URL");
  const tmp = `${target}.${process.pid}.tmp`;
  const res = await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${tmp}`, databaseUrl]);
  if (res.code !== 0) {
    fs.rmSync(tmp, { force: true });
    throw new AppError("db.backup_failed", { log: `pg_dump of ${redactUrl(databaseUrl)} failed: ${res.stderr}` });
  }
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, target);
  return { file: target, format: "pg_dump", bytes: fs.statSync(target).size };
}

/** What kind of copy a file is, from its first bytes (gzip: PGlite's tarball; PGDMP: pg_dump's custom format). */
function formatOf(file: string): BackupFormat {
  let head: Buffer;
  try {
    const fd = fs.openSync(file, "r");
    head = Buffer.alloc(5);
    fs.readSync(fd, head, 0, 5, 0);
    fs.closeSync(fd);
  } catch (err) {
    throw new AppError("db.backup_unreadable", { params: { file }, log: `cannot read ${file}: ${(err as Error).message}`, cause: err });
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return "pglite";
  if (head.toString("latin1") === "PGDMP") return "pg_dump";
  throw new AppError("db.backup_unreadable", {
    params: { file },
    log: `${file} is neither a PGlite copy (gzip) nor a pg_dump custom-format file`,
  });
}

/** Rows in the application's tables (the migrations' own table does not count: a migrated database is empty). */
async function rowsIn(query: (sql: string) => Promise<{ t: string }[]>, count: (t: string) => Promise<number>): Promise<number> {
  const tables = await query(
    `select tablename as t from pg_tables where schemaname = current_schema() and tablename <> '_prisma_migrations'`,
  );
  let n = 0;
  for (const { t } of tables) n += await count(t);
  return n;
}

function refuseNonEmpty(where: string, rows: number): never {
  throw new AppError("db.restore_not_empty", {
    params: { where, rows },
    log: `refusing to restore over ${where}: it holds ${rows} rows (run again with --force to replace it)`,
  });
}

export async function restoreDatabase(target: RestoreTarget, file: string, opts: { force?: boolean } = {}): Promise<RestoreResult> {
  const source = path.resolve(file);
  const format = formatOf(source);
  const kind = target.databaseUrl ? "pg_dump" : "pglite";
  if (format !== kind) {
    throw new AppError(format === "pglite" ? "db.restore_embedded_copy" : "db.restore_server_copy", {
      params: { file: source },
      log: `${source} is a ${format} copy and the configured database is ${target.databaseUrl ? "PostgreSQL" : "the embedded PGlite"}`,
    });
  }
  return target.databaseUrl ? restorePostgres(target.databaseUrl, source, opts) : restorePglite(target.pgliteDir, source, opts);
}

async function restorePostgres(url: string, file: string, opts: { force?: boolean }): Promise<RestoreResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect().catch((err: Error) => {
    throw new AppError("db.unreachable", { log: `cannot connect to PostgreSQL at ${redactUrl(url)}: ${err.message}`, cause: err });
  });
  try {
    const rows = await rowsIn(
      async (sql) => (await client.query<{ t: string }>(sql)).rows,
      async (t) => (await client.query<{ n: number }>(`select count(*)::int as n from "${t}"`)).rows[0].n,
    );
    if (rows > 0 && !opts.force) refuseNonEmpty(redactUrl(url), rows);
  } finally {
    await client.end();
  }
  const res = await run("pg_restore", [
    "--clean",
    "--if-exists",
    "--no-owner",
    "--no-privileges",
    "--single-transaction",
    "--exit-on-error",
    `--dbname=${url}`,
    file,
  ]);
  if (res.code !== 0)
    throw new AppError("db.restore_failed", {
      params: { file },
      log: `pg_restore of ${file} into ${redactUrl(url)} failed: ${res.stderr}`,
    });
  return { file, format: "pg_dump", setAside: null };
}

async function restorePglite(dir: string, file: string, opts: { force?: boolean }): Promise<RestoreResult> {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const release = lockDataDir(dir); // no other process may open the folder while it is replaced
  try {
    const exists = fs.existsSync(path.join(dir, "PG_VERSION"));
    // With force the current folder is not even opened: it may be the damaged database being replaced.
    if (exists && !opts.force) {
      const current = new PGlite(dir);
      let rows: number;
      try {
        rows = await rowsIn(
          async (sql) => (await current.query<{ t: string }>(sql)).rows,
          async (t) => (await current.query<{ n: number }>(`select count(*)::int as n from "${t}"`)).rows[0].n,
        );
      } finally {
        await current.close();
      }
      if (rows > 0) refuseNonEmpty(dir, rows);
    }
    // Loaded beside the folder first: a copy that does not open leaves the current database untouched.
    const incoming = `${dir}.restoring-${process.pid}`;
    fs.rmSync(incoming, { recursive: true, force: true });
    try {
      const db = new PGlite(incoming, { loadDataDir: new Blob([fs.readFileSync(file)]) });
      await db.waitReady;
      await db.query("select 1");
      await db.close();
    } catch (err) {
      fs.rmSync(incoming, { recursive: true, force: true });
      throw new AppError("db.restore_failed", {
        params: { file },
        log: `the embedded copy ${file} cannot be opened: ${(err as Error).message}`,
        cause: err,
      });
    }
    let setAside: string | null = null;
    if (fs.existsSync(dir)) {
      setAside = `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      fs.renameSync(dir, setAside);
    }
    fs.renameSync(incoming, dir);
    if (setAside && !exists) {
      fs.rmSync(setAside, { recursive: true, force: true }); // an empty, never-created folder is not worth keeping
      setAside = null;
    }
    return { file, format: "pglite", setAside };
  } finally {
    release();
  }
}
