import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { isAppError } from "../../core/errors";
import { openDatabase } from "../../core/db/database";
import { MIGRATIONS_DIR, migrateDatabase } from "../../core/db/migrate";
import { createTestDatabase } from "../helpers/test-database";

describe("migrations", () => {
  it("apply to an empty embedded database, then a second run changes nothing", async () => {
    const db = await openDatabase({ pglite: new PGlite() });
    try {
      const first = await migrateDatabase(db);
      expect(first.length).toBeGreaterThan(0);
      expect(first[0]).toMatch(/_init$/);
      expect(await migrateDatabase(db)).toEqual([]);
      const tables = await db.prisma.$queryRawUnsafe<{ n: bigint }[]>(
        "select count(*)::bigint as n from pg_tables where schemaname = 'public' and tablename in ('Account','Student','Ticket','OutboxMessage','AuditEvent')",
      );
      expect(Number(tables[0].n)).toBe(5);
    } finally {
      await db.close();
    }
  });

  it("are already applied to the test database (PGlite template or PostgreSQL)", async () => {
    const db = await createTestDatabase();
    try {
      expect(await migrateDatabase(db)).toEqual([]);
      await db.prisma.school.create({ data: { code: "T-1", name: "École test", level: "ELEMENTARY" } });
      expect(await db.prisma.school.count()).toBe(1);
      await db.reset();
      expect(await db.prisma.school.count()).toBe(0);
    } finally {
      await db.close();
    }
  });

  it("a failing migration is reported with its name and the way out, recorded as failed, and blocks later runs", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-migrations-"));
    fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    fs.mkdirSync(path.join(dir, "29991231000000_broken"));
    fs.writeFileSync(path.join(dir, "29991231000000_broken", "migration.sql"), 'ALTER TABLE "NoSuchTable" ADD COLUMN x int;\n');
    const db = await createTestDatabase(); // already migrated: only the broken one is new
    try {
      const err = await migrateDatabase(db, { migrationsDir: dir }).then(() => null, (e: unknown) => e);
      expect(isAppError(err, "db.migration_failed")).toBe(true);
      expect((err as Error).message).toContain("migration 29991231000000_broken failed");
      expect((err as Error).message).toMatch(/NoSuchTable/);
      expect((err as Error).message).toContain("rolled_back_at");
      const rows = await db.prisma.$queryRawUnsafe<{ finished_at: Date | null }[]>(
        `select finished_at from _prisma_migrations where migration_name = '29991231000000_broken'`,
      );
      expect(rows).toEqual([{ finished_at: null }]);
      const again = await migrateDatabase(db, { migrationsDir: dir }).then(() => null, (e: unknown) => e);
      expect(isAppError(again, "db.migration_failed")).toBe(true);
      expect((again as Error).message).toContain("29991231000000_broken");
    } finally {
      await db.close();
    }
  });
});
