// Applies prisma/migrations to the open database through Prisma's schema engine running as WebAssembly
// (the native engine cannot be downloaded here). Idempotent: a second run applies nothing.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { applyMigrations, openSchemaEngine, pgliteMigrationFactory, pgMigrationFactory } from "./schema-engine";
import type { Database } from "./database";
import { AppError } from "../errors";

export const PRISMA_DIR = path.resolve(__dirname, "../../prisma");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");

/**
 * True when every migration folder is recorded as applied with the same checksum (Prisma's: sha256 of
 * migration.sql) and nothing is failed or rolled back: the schema engine need not be loaded at all. Loading
 * it costs ≈ 45 MB of WebAssembly memory that a process never gives back, and a second or so at every start.
 */
async function upToDate(db: Database, dir: string): Promise<boolean> {
  const wanted = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => ({
      name: d.name,
      checksum: crypto
        .createHash("sha256")
        .update(fs.readFileSync(path.join(dir, d.name, "migration.sql")))
        .digest("hex"),
    }));
  let rows: { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }[];
  try {
    rows = await db.prisma.$queryRawUnsafe(`select migration_name, checksum, finished_at, rolled_back_at from _prisma_migrations`);
  } catch {
    return false; // no migrations table yet: a new database
  }
  if (rows.some((r) => r.finished_at === null && r.rolled_back_at === null)) return false; // a failed one: let the engine say so
  const applied = new Map(
    rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => [r.migration_name, r.checksum]),
  );
  return wanted.every((m) => applied.get(m.name) === m.checksum);
}

/** Returns the names of the migrations applied by this call (empty when the database was up to date). */
export async function migrateDatabase(db: Database, opts: { migrationsDir?: string } = {}): Promise<string[]> {
  const dir = opts.migrationsDir ?? MIGRATIONS_DIR;
  if (await upToDate(db, dir)) return [];
  try {
    if (db.kind === "pglite") {
      const factory = pgliteMigrationFactory(db.pglite!);
      const engine = await openSchemaEngine(SCHEMA_PATH, factory);
      try {
        return await applyMigrations(engine, dir);
      } finally {
        engine.free();
        await factory.closeShadows();
      }
    }
    // The pg adapter is used only to apply migrations (its shadow-database support is unreliable,
    // see recipes/prisma-offline.md); the pool stays owned by the Database.
    const engine = await openSchemaEngine(SCHEMA_PATH, pgMigrationFactory(db.pool!));
    try {
      return await applyMigrations(engine, dir);
    } finally {
      engine.free();
    }
  } catch (err) {
    throw migrationError(err, db.kind);
  }
}

/**
 * The engine's error is a Rust span trace; the operator needs which migration, why, and what to do. The engine
 * has already recorded the failure in _prisma_migrations and refuses every later run until it is resolved.
 */
function migrationError(err: unknown, kind: Database["kind"]): AppError {
  const text = String((err as Error)?.message ?? err);
  const name = /migration_name="([^"]+)"/.exec(text)?.[1] ?? /The `([^`]+)` migration/.exec(text)?.[1];
  const why = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !/^\d+:|^at |^with /.test(l))
    .slice(0, 2)
    .join(": ");
  const sql = name
    ? `UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '${name}' AND finished_at IS NULL`
    : "UPDATE _prisma_migrations SET rolled_back_at = now() WHERE finished_at IS NULL AND rolled_back_at IS NULL";
  return new AppError("db.migration_failed", {
    params: { name: name ?? "?" },
    log:
      `migration ${name ?? "(unknown)"} failed on ${kind === "pglite" ? "the embedded database" : "PostgreSQL"}: ${why}. ` +
      `It is recorded as failed in _prisma_migrations and no later migration was applied. Undo what it may have ` +
      `done, then mark it rolled back (${sql}) and run \`aide-portail db migrate\` again.`,
    cause: err,
  });
}
