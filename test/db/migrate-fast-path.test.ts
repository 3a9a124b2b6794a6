// An up-to-date database is recognised from _prisma_migrations alone: the schema engine (≈ 45 MB of
// WebAssembly memory a process never gives back) is loaded only when a migration is to be applied or
// when the recorded state is not a clean match (a changed file, a failed migration).
import { PGlite } from "@electric-sql/pglite";
import { openDatabase, type Database } from "../../core/db/database";
import { migrateDatabase } from "../../core/db/migrate";
import * as schemaEngine from "../../core/db/schema-engine";

describe("migrateDatabase on an up-to-date database", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ pglite: new PGlite() });
  });
  afterAll(async () => {
    await db.close();
  });

  it("loads the schema engine to migrate, and not again once everything is applied", async () => {
    const open = jest.spyOn(schemaEngine, "openSchemaEngine");
    try {
      const first = await migrateDatabase(db);
      expect(first.length).toBeGreaterThan(0);
      expect(open).toHaveBeenCalledTimes(1);
      expect(await migrateDatabase(db)).toEqual([]);
      expect(open).toHaveBeenCalledTimes(1);
    } finally {
      open.mockRestore();
    }
  });

  it("hands a changed migration back to the engine instead of calling it up to date", async () => {
    const open = jest.spyOn(schemaEngine, "openSchemaEngine");
    try {
      await db.prisma.$executeRawUnsafe(`update _prisma_migrations set checksum = 'changed' where migration_name like '%_init'`);
      await migrateDatabase(db).catch(() => undefined); // the engine decides what a changed migration means
      expect(open).toHaveBeenCalledTimes(1);
    } finally {
      open.mockRestore();
    }
  });
});
