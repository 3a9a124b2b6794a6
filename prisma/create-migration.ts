// Developer tool: writes prisma/migrations/<UTC timestamp>_<NAME>/migration.sql with the SQL that takes the
// existing migrations to prisma/schema.prisma. Usage: npx tsx prisma/create-migration.ts NAME
// The engine replays the migrations in a shadow PGlite (in memory) and diffs (recipe, pitfall 10).
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { listMigrations, noFilter, openSchemaEngine, pgliteMigrationFactory } from "../core/db/schema-engine";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "../core/db/migrate";

async function main() {
  const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
  if (!name) throw new Error("usage: npx tsx prisma/create-migration.ts NAME");
  const db = new PGlite();
  const factory = pgliteMigrationFactory(db);
  const engine = await openSchemaEngine(SCHEMA_PATH, factory);
  let sql: string;
  try {
    const res = await engine.diff({
      from: { tag: "migrations", ...listMigrations(MIGRATIONS_DIR) },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: fs.readFileSync(SCHEMA_PATH, "utf8") }] },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    sql = res.stdout ?? "";
  } finally {
    engine.free();
    await factory.closeShadows();
    await db.close();
  }
  if (!sql.trim() || /^-- This is an empty migration/m.test(sql)) {
    console.log("schema.prisma and the migrations agree: nothing to write");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "postgresql"\n');
  console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
