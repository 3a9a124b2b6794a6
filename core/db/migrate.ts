// Applies prisma/migrations to the open database through Prisma's schema engine running as WebAssembly
// (the native engine cannot be downloaded here). Idempotent: a second run applies nothing.
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { applyMigrations, openSchemaEngine, pgliteMigrationFactory } from "./schema-engine";
import type { Database } from "./database";

export const PRISMA_DIR = path.resolve(__dirname, "../../prisma");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");

/** Returns the names of the migrations applied by this call (empty when the database was up to date). */
export async function migrateDatabase(db: Database): Promise<string[]> {
  if (db.kind === "pglite") {
    const factory = pgliteMigrationFactory(db.pglite!);
    const engine = await openSchemaEngine(SCHEMA_PATH, factory);
    try {
      return await applyMigrations(engine, MIGRATIONS_DIR);
    } finally {
      engine.free();
      await factory.closeShadows();
    }
  }
  // The pg adapter is used only to apply migrations (its shadow-database support is unreliable,
  // see recipes/prisma-offline.md); the pool stays owned by the Database.
  const engine = await openSchemaEngine(SCHEMA_PATH, new PrismaPg(db.pool!));
  try {
    return await applyMigrations(engine, MIGRATIONS_DIR);
  } finally {
    engine.free();
  }
}
