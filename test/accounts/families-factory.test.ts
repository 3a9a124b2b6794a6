import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { makeAccount, makeFamily, makeSchool } from "../factories/families";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

describe("families factory", () => {
  it("makes families with unique values, the last child the youngest, and an active account", async () => {
    const school = await makeSchool(db.prisma);
    const a = await makeFamily(db.prisma, { children: 2, school });
    const b = await makeFamily(db.prisma, { children: 1, school });
    expect(a.guardian.email).not.toBe(b.guardian.email);
    expect(a.students).toHaveLength(2);
    expect(a.students[1].birthDate!.getTime()).toBeGreaterThan(a.students[0].birthDate!.getTime());
    expect(await db.prisma.guardianStudent.count({ where: { guardianId: a.guardian.id } })).toBe(2);
    const { account, password } = await makeAccount(db.prisma, { guardian: a.guardian });
    expect(account.email).toBe(a.guardian.email);
    expect(account.status).toBe("ACTIVE");
    expect(account.passwordHash).not.toContain(password);
  });
});
