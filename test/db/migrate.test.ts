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
      const err = await migrateDatabase(db, { migrationsDir: dir }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isAppError(err, "db.migration_failed")).toBe(true);
      expect((err as Error).message).toContain("migration 29991231000000_broken failed");
      expect((err as Error).message).toMatch(/NoSuchTable/);
      expect((err as Error).message).toContain("rolled_back_at");
      const rows = await db.prisma.$queryRawUnsafe<{ finished_at: Date | null }[]>(
        `select finished_at from _prisma_migrations where migration_name = '29991231000000_broken'`,
      );
      expect(rows).toEqual([{ finished_at: null }]);
      const again = await migrateDatabase(db, { migrationsDir: dir }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isAppError(again, "db.migration_failed")).toBe(true);
      expect((again as Error).message).toContain("29991231000000_broken");
    } finally {
      await db.close();
    }
  });

  it("secret_question_id maps every stored question text to its id of the one list, and drops those outside it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-migrations-"));
    const names = fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((d) => fs.existsSync(path.join(MIGRATIONS_DIR, d, "migration.sql")))
      .sort();
    const target = names.findIndex((n) => n.endsWith("_secret_question_id"));
    for (const n of names.slice(0, target)) fs.cpSync(path.join(MIGRATIONS_DIR, n), path.join(dir, n), { recursive: true });
    const db = await openDatabase({ pglite: new PGlite() });
    try {
      await migrateDatabase(db, { migrationsDir: dir });
      const rows: [string, string | null][] = [
        ["a@x.ca", "Quel est le nom de votre personnage fictif préféré?"],
        ["b@x.ca", "Dans quelle ville êtes-vous né?"],
        ["c@x.ca", "  quel est le nom de jeune fille de votre mère? "],
        ["d@x.ca", "What was the name of your first pet?"],
        ["e@x.ca", "Quel est le prénom de votre meilleur(e) ami(e) d’enfance?"],
        ["f@x.ca", "Quel est votre plat préféré?"],
        ["g@x.ca", null],
      ];
      for (const [email, q] of rows) {
        await db.prisma.$executeRawUnsafe(
          `insert into "Account" (id, email, status, "secretQuestion", "secretAnswerHash", "updatedAt") values ($1, $2, 'ACTIVE', $3, $4, now())`,
          email,
          email,
          q,
          q ? "$2a$04$hash" : null,
        );
      }
      await migrateDatabase(db);
      const after = await db.prisma.account.findMany({
        orderBy: { email: "asc" },
        select: { email: true, secretQuestionId: true, secretAnswerHash: true },
      });
      expect(after.map((a) => [a.email, a.secretQuestionId, a.secretAnswerHash !== null])).toEqual([
        ["a@x.ca", "favourite_character", true],
        ["b@x.ca", "birth_city", true],
        ["c@x.ca", "mother_maiden_name", true],
        ["d@x.ca", "first_pet", true],
        ["e@x.ca", "childhood_friend", true],
        ["f@x.ca", null, false],
        ["g@x.ca", null, false],
      ]);
    } finally {
      await db.close();
    }
  });
});
