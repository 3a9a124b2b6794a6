// Opens the one database of a process: embedded PGlite under DATA_DIR by default, a real PostgreSQL
// when DATABASE_URL is set. The only place (with migrate.ts) that creates a Prisma client.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { AppError } from "../errors";
import { lockDataDir } from "./data-dir-lock";
import { startWalGuard } from "./wal-guard";

export type Prisma = PrismaClient;
export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  readonly kind: DatabaseKind;
  readonly prisma: PrismaClient;
  /** The embedded engine, when kind = "pglite" (migrations, clones for tests). */
  readonly pglite?: PGlite;
  /** The connection pool, when kind = "postgres". */
  readonly pool?: pg.Pool;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://… — a real PostgreSQL server. */
  databaseUrl?: string;
  /** Folder of the embedded database (DATA_DIR/pglite); ignored with databaseUrl. */
  pgliteDir?: string;
  /** An already-open PGlite (tests: an in-memory clone of a migrated template). */
  pglite?: PGlite;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  if (opts.pglite) return wrapPglite(opts.pglite);
  return openPgliteDir(opts.pgliteDir);
}

function wrapPglite(db: PGlite, release: () => void = () => undefined): Database {
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db), transactionOptions: TRANSACTION_OPTIONS });
  const walGuard = startWalGuard(db);
  return {
    kind: "pglite",
    prisma,
    pglite: db,
    async close() {
      try {
        await walGuard.stop();
        await prisma.$disconnect();
        if (!db.closed) await db.close();
      } finally {
        release();
      }
    },
  };
}

/**
 * PostgreSQL's default shared_buffers (128 MB) lives inside PGlite's WebAssembly memory, which never shrinks:
 * it was a third of the idle process (RSS 460–570 MB). One embedded user needs far less; 32 MB measured
 * 387 → 257 MB RSS after reading every table, with the same results.
 * max_wal_size 2 GB moves PostgreSQL's own checkpoint request (which spins for good in PGlite: wal-guard.ts)
 * to ≈ 1 GB of WAL, far beyond the guard's explicit checkpoint at 128 MB.
 */
const PGLITE_SETTINGS = ["-c", "shared_buffers=32MB", "-c", "max_wal_size=2GB"];

async function openPgliteDir(dir: string | undefined): Promise<Database> {
  if (dir) fs.mkdirSync(path.dirname(dir), { recursive: true }); // PGlite does not create parents
  // Before PGlite touches the folder: a second process on it would silently lose one side's writes.
  const release = dir ? lockDataDir(dir) : () => undefined;
  let db: PGlite;
  try {
    db = new PGlite(dir, { startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS] });
    await db.waitReady;
    await db.query("select 1");
  } catch (err) {
    release();
    throw new AppError("db.corrupt_data_dir", {
      log:
        `cannot open the embedded database in ${dir ?? "memory"}: ${(err as Error).message}. ` +
        `Move that folder aside (it is kept as is, nothing is deleted) and start again to recreate it, ` +
        `or restore it from a backup.`,
      cause: err,
    });
  }
  return wrapPglite(db, release);
}

/**
 * Prisma's defaults (2 s to get a connection for a transaction, 5 s to run it) fail requests in a burst —
 * the load run (bench/load-run.ts) lost turns to « Unable to start a transaction in the given time » with
 * the pool busy on a starved CPU. Waiting longer for a connection is better for a parent than an error.
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

async function openPostgres(url: string, max: number): Promise<Database> {
  // pg waits forever for a connection by default: a server that is down would hang requests and /readyz.
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 });
  try {
    const c = await pool.connect();
    c.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new AppError("db.unreachable", {
      log: `cannot connect to PostgreSQL at ${redactUrl(url)}: ${(err as Error).message}`,
      cause: err,
    });
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: TRANSACTION_OPTIONS });
  return {
    kind: "postgres",
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** postgres://user:secret@host/db → postgres://user:***@host/db (operators' messages never show a password). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
