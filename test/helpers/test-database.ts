// A fresh, migrated database per test file, on the engine the run asks for:
// - DATABASE_URL set: a new PostgreSQL database created beside it (dropped at close);
// - otherwise: an in-memory PGlite loaded from a migrated template (made once, cached in the temp dir).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { openDatabase, type Database } from "../../core/db/database";
import { MIGRATIONS_DIR, migrateDatabase } from "../../core/db/migrate";
import { createScratchPostgres } from "./scratch-postgres";

export interface TestDatabase extends Database {
  /** Empties every table (keeps the migrations), for isolation between tests of one file. */
  reset(): Promise<void>;
  /** The scratch database's URL on PostgreSQL (a test may open a second pool: a second instance). */
  url?: string;
}

function migrationsHash(): string {
  const h = crypto.createHash("sha256");
  for (const d of fs.readdirSync(MIGRATIONS_DIR).sort()) {
    const f = path.join(MIGRATIONS_DIR, d, "migration.sql");
    if (fs.existsSync(f)) h.update(d).update(fs.readFileSync(f));
  }
  return h.digest("hex").slice(0, 16);
}

/** A migrated PGlite data folder, as PGlite's gzipped dump: made once per migrations set, cached in the temp dir. */
export async function pgliteTemplate(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `aide-portail-template-${migrationsHash()}.tar.gz`);
  if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
  const db = await openDatabase({ pglite: new PGlite() });
  try {
    await migrateDatabase(db);
    const dump = await db.pglite!.dumpDataDir("gzip");
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, file); // atomic: parallel workers never read half a template
    return dump;
  } finally {
    await db.close();
  }
}

async function truncateAll(db: Database): Promise<void> {
  const rows = await db.prisma.$queryRawUnsafe<{ tablename: string }[]>(
    `select tablename from pg_tables where schemaname = current_schema() and tablename <> '_prisma_migrations'`,
  );
  if (rows.length === 0) return;
  const list = rows.map((r) => `"${r.tablename}"`).join(", ");
  await db.prisma.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
}

/** Writes a migrated embedded database into `dir` (DATA_DIR/pglite): a process started on it skips migrating. */
export async function writeMigratedPgliteDir(dir: string): Promise<void> {
  const pglite = new PGlite(dir, { loadDataDir: await pgliteTemplate() });
  await pglite.waitReady;
  await pglite.close();
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const pglite = new PGlite({ loadDataDir: await pgliteTemplate() });
    const db = await openDatabase({ pglite });
    return { ...db, reset: () => truncateAll(db), close: db.close };
  }
  const scratch = await createScratchPostgres(url, "ap_test");
  const db = await openDatabase({ databaseUrl: scratch.url, poolSize: 4 });
  await migrateDatabase(db);
  return {
    ...db,
    url: scratch.url,
    reset: () => truncateAll(db),
    async close() {
      await db.close();
      await scratch.drop();
    },
  };
}
