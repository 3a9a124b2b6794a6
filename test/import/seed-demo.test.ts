// The demo seed loads what the README promises, and a second run changes nothing.
import bcrypt from "bcryptjs";
import { listSecretQuestions } from "../../core/accounts";
import { seedDemo } from "../../core/import";
import { foldAnswer } from "../../core/util/text";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";

describe("demo seed", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it("loads ≥ 8 families, ≥ 15 children in ≥ 6 schools with the promised cases, then changes nothing", async () => {
    const ctx = testContext(db);
    const first = await seedDemo(ctx);
    expect(first.import.ok).toBe(true);
    expect(first.import.totals.errors).toBe(0);
    expect(first.import.unknownFiles).toEqual([]);
    const p = db.prisma;

    const guardians = await p.guardian.findMany({
      select: {
        id: true,
        sourcedId: true,
        civicNumber: true,
        familyName: true,
        email: true,
        preferredLang: true,
        students: { select: { portalAccess: true, student: { select: { schoolId: true } } } },
      },
    });
    const families = new Set(
      guardians.filter((g) => g.students.length).map((g) => `${g.civicNumber}|${g.students.map((s) => s.student.schoolId).sort()[0]}`),
    );
    expect(families.size).toBeGreaterThanOrEqual(8);
    expect(guardians.every((g) => g.civicNumber && g.email)).toBe(true);
    const children = await p.student.findMany({
      select: { oen: true, givenName: true, schoolId: true, school: { select: { level: true } }, birthDate: true },
    });
    expect(children.length).toBeGreaterThanOrEqual(15);
    expect(children.every((c) => /^\d{9}$/.test(c.oen ?? "") && c.birthDate)).toBe(true);
    expect(children.map((c) => c.givenName)).toEqual(expect.arrayContaining(["Léa", "Zoé", "Mathéo", "Émile", "Noémie", "Chloé"]));
    expect(new Set(children.map((c) => c.schoolId)).size).toBeGreaterThanOrEqual(6);
    const levels = new Set(children.map((c) => c.school!.level));
    expect(levels.has("ELEMENTARY") && levels.has("SECONDARY")).toBe(true);

    // A parent with children in two schools; a parent one of whose children is not shown; an English family.
    expect(guardians.some((g) => new Set(g.students.map((s) => s.student.schoolId)).size >= 2)).toBe(true);
    expect(guardians.some((g) => g.students.some((s) => !s.portalAccess) && g.students.some((s) => s.portalAccess))).toBe(true);
    expect(guardians.some((g) => g.preferredLang === "en")).toBe(true);

    // Accounts: active ones with a secret question whose answer verifies after folding; a parent without one.
    const accounts = await p.account.findMany({
      where: { status: "ACTIVE" },
      select: { email: true, secretQuestionId: true, secretAnswerHash: true, passwordHash: true, guardianId: true },
    });
    expect(accounts.length).toBeGreaterThanOrEqual(5);
    expect(accounts.every((a) => a.secretQuestionId && a.secretAnswerHash && a.passwordHash && a.guardianId)).toBe(true);
    // Every demo question is one of the portal's list (so a decoy can look like any of them).
    const ids = listSecretQuestions().map((q) => q.id);
    expect(accounts.every((a) => ids.includes(a.secretQuestionId!))).toBe(true);
    expect(Object.fromEntries(accounts.map((a) => [a.email, a.secretQuestionId]))).toMatchObject({
      "stephane.bouchard@exemple.ca": "birth_city",
      "karine.lavoie@exemple.ca": "mother_maiden_name",
      "sarah.smith@example.com": "first_pet",
    });
    const marie = accounts.find((a) => a.email === "marie.tremblay@exemple.ca")!;
    expect(await bcrypt.compare(foldAnswer("  TINTIN "), marie.secretAnswerHash!)).toBe(true);
    expect(await bcrypt.compare("Portail-Demo-2026", marie.passwordHash!)).toBe(true);
    const withAccount = new Set((await p.account.findMany({ select: { guardianId: true } })).map((a) => a.guardianId));
    expect(guardians.find((g) => g.sourcedId === "g-2006" && g.students.length && !withAccount.has(g.id))).toBeDefined(); // Isabelle Côté
    // A secretary for each demo school (every school with students), for the triage console.
    const withStudents = await p.school.findMany({ where: { students: { some: {} } }, select: { id: true } });
    for (const s of withStudents) expect(await p.staff.count({ where: { role: "SECRETARY", schoolId: s.id } })).toBe(1);
    expect(await p.ticket.count()).toBeGreaterThanOrEqual(9);
    expect(await p.staff.count({ where: { role: "AGENT" } })).toBe(1);

    // The week of 2026-11-23: every demo school has its bells and its cycle days; classes meet; records exist.
    const demoSchools = [...new Set(children.map((c) => c.schoolId!))];
    for (const schoolId of demoSchools) {
      expect(await p.bellPeriod.count({ where: { schoolId } })).toBeGreaterThanOrEqual(4);
      const week = await p.schoolDay.findMany({
        where: { schoolId, date: { gte: new Date("2026-11-23"), lte: new Date("2026-11-27") } },
        select: { cycleDay: true },
      });
      expect(week).toHaveLength(5);
      expect(week.every((d) => d.cycleDay !== null)).toBe(true);
    }
    expect(await p.classMeeting.count()).toBeGreaterThan(50);
    expect(await p.attendance.count({ where: { date: { gte: new Date("2026-11-23") } } })).toBeGreaterThan(0);
    expect(await p.attendance.count({ where: { excused: false } })).toBeGreaterThan(0);
    expect(await p.attendance.count({ where: { status: "LATE" } })).toBeGreaterThan(0);
    const cards = await p.reportCard.findMany({ select: { fileName: true } });
    expect(cards.map((c) => c.fileName)).toEqual(
      expect.arrayContaining([
        "Tremblay Léa_312450781_Bulletin de progrès_2026-2027_2026-11-12.pdf",
        "ESP-GISELE-LALONDE_312450799_Bulletin de mi-semestre_2026-2027_2026-11-13.pdf",
      ]),
    );
    expect(await p.credit.count()).toBeGreaterThan(40);
    expect(await p.diplomaProgress.count({ where: { literacyStatus: "NOT_PASSED" } })).toBe(1);
    expect(await p.document.count({ where: { kind: "PERMISSION" } })).toBeGreaterThan(0);
    const history = await p.enrolmentHistory.findMany({ where: { student: { sourcedId: "s-1011" } }, select: { schoolId: true } });
    expect(new Set(history.map((h) => h.schoolId)).size).toBe(2); // a school change

    const second = await seedDemo(ctx);
    expect(second.import.totals).toMatchObject({ created: 0, updated: 0, deactivated: 0, errors: 0 });
    expect(second.accounts).toEqual({ created: 0, updated: 0, unchanged: first.accounts.created });
    expect(second.staff).toEqual({ created: 0, updated: 0, unchanged: 11 }); // nine secretaries, an agent, an admin
    expect(await p.ticket.count()).toBe(9); // the demo tickets are not opened twice
  });
});
