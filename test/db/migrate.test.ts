import { PGlite } from "@electric-sql/pglite";
import { openDatabase } from "../../core/db/database";
import { migrateDatabase } from "../../core/db/migrate";
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
});
