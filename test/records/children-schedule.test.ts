// listChildren and getSchedule on a real database: cycle days, a day off, the next semester, ended
// enrolments, bell order, range limits, and who may see which child.
import crypto from "node:crypto";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";
import { makeAccount, makeFamily, makeSchool, makeStudent, linkGuardian, makeGuardian } from "../factories/families";
import { enrol, makeBellSchedule, makeCalendar, makeClass, makeSession } from "../factories/records";
import { getSchedule, listChildren } from "../../core/records";
import { AppError } from "../../core/errors";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await db.reset();
});

async function caught(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("listChildren", () => {
  it("lists the account's linked, portal-visible, active children with school and level — and nobody else's", async () => {
    const elem = await makeSchool(db.prisma, { level: "ELEMENTARY" });
    const sec = await makeSchool(db.prisma, { level: "SECONDARY" });
    const fam = await makeFamily(db.prisma, { children: 2, schools: [elem, sec] });
    await db.prisma.student.update({ where: { id: fam.students[0].id }, data: { grade: "03", givenName: "Anaïs" } });
    await db.prisma.student.update({ where: { id: fam.students[1].id }, data: { grade: "10", givenName: "Bruno", preferredName: "Bru" } });
    const hidden = await makeStudent(db.prisma, { school: elem, givenName: "Caché" });
    await linkGuardian(db.prisma, fam.guardian, hidden, { portalAccess: false });
    const gone = await makeStudent(db.prisma, { school: elem, active: false });
    await linkGuardian(db.prisma, fam.guardian, gone);
    const other = await makeFamily(db.prisma, { school: elem });
    await makeAccount(db.prisma, { guardian: other.guardian });
    const { account } = await makeAccount(db.prisma, { guardian: fam.guardian });

    const ctx = testContext(db);
    const kids = await listChildren(ctx, { accountId: account.id });
    expect(kids).toEqual([
      {
        id: fam.students[0].id,
        givenName: "Anaïs",
        preferredName: null,
        familyName: fam.guardian.familyName,
        grade: "03",
        school: { code: elem.code, name: elem.name },
        level: "ELEMENTARY",
      },
      {
        id: fam.students[1].id,
        givenName: "Bruno",
        preferredName: "Bru",
        familyName: fam.guardian.familyName,
        grade: "10",
        school: { code: sec.code, name: sec.name },
        level: "SECONDARY",
      },
    ]);
  });

  it("gives nothing to an account that is not active or does not exist", async () => {
    const fam = await makeFamily(db.prisma);
    const { account } = await makeAccount(db.prisma, { guardian: fam.guardian, status: "DISABLED" });
    const ctx = testContext(db);
    expect(await listChildren(ctx, { accountId: account.id })).toEqual([]);
    expect(await listChildren(ctx, { accountId: crypto.randomUUID() })).toEqual([]);
  });
});

describe("getSchedule", () => {
  async function setup() {
    const school = await makeSchool(db.prisma, { level: "SECONDARY" });
    await makeBellSchedule(db.prisma, school);
    await makeCalendar(db.prisma, school, "2026-11-16", "2026-12-04", 2, { "2026-11-27": "Journée pédagogique" });
    await makeCalendar(db.prisma, school, "2027-02-01", "2027-02-05", 2);
    const s1 = await makeSession(db.prisma, { title: "Semestre 1", start: "2026-09-02", end: "2027-01-29" });
    const s2 = await makeSession(db.prisma, { title: "Semestre 2", start: "2027-02-01", end: "2027-06-25" });
    const fam = await makeFamily(db.prisma, { school, student: { grade: "10" } });
    const child = fam.students[0];
    const math = await makeClass(db.prisma, {
      school,
      courseCode: "MPM2D",
      courseTitle: "Mathématiques",
      sessions: [s1],
      meetings: [
        [1, "1"],
        [2, "3", "204"],
      ],
      room: "110",
      teacher: { givenName: "Marc", familyName: "Dion" },
    });
    const fra = await makeClass(db.prisma, {
      school,
      courseCode: "FRA2D",
      courseTitle: "Français",
      sessions: [s1],
      meetings: [[null, "2"]],
      room: "115",
      teacher: { givenName: "Sophie", familyName: "Lavoie" },
    });
    const sci = await makeClass(db.prisma, {
      school,
      courseCode: "SNC2D",
      courseTitle: "Sciences",
      sessions: [s2],
      meetings: [[null, "1"]],
      room: "Labo 2",
    });
    const his = await makeClass(db.prisma, {
      school,
      courseCode: "CHC2D",
      courseTitle: "Histoire",
      sessions: [s1],
      meetings: [[null, "4"]],
    });
    for (const c of [math, fra, sci]) await enrol(db.prisma, child, c.section);
    await enrol(db.prisma, child, his.section, { begin: "2026-09-02", end: "2026-11-20" }); // dropped the course
    const { account } = await makeAccount(db.prisma, { guardian: fam.guardian });
    return { school, child, account };
  }

  it("places each day's classes by cycle day in bell order, with times, rooms and teachers", async () => {
    const { child, account, school } = await setup();
    const ctx = testContext(db);
    const s = await getSchedule(ctx, { accountId: account.id, childId: child.id, from: "2026-11-23", to: "2026-11-24" });
    expect(s.school).toEqual({ code: school.code, name: school.name });
    const [mon, tue] = s.days;
    expect(mon).toMatchObject({ date: "2026-11-23", schoolDay: true, cycleDay: 2, noSchoolReason: null });
    expect(mon.periods).toEqual([
      {
        periodCode: "2",
        periodLabel: "Période 2",
        startTime: "09:35",
        endTime: "10:50",
        courseCode: "FRA2D",
        courseTitle: "Français",
        room: "115",
        teacherName: "Sophie Lavoie",
      },
      {
        periodCode: "3",
        periodLabel: "Période 3",
        startTime: "11:35",
        endTime: "12:50",
        courseCode: "MPM2D",
        courseTitle: "Mathématiques",
        room: "204",
        teacherName: "Marc Dion",
      },
    ]);
    expect(tue).toMatchObject({ date: "2026-11-24", cycleDay: 1 });
    expect(tue.periods.map((p) => [p.periodCode, p.courseCode, p.room])).toEqual([
      ["1", "MPM2D", "110"],
      ["2", "FRA2D", "115"],
    ]);
  });

  it("shows a day off with the calendar's note, and weekends, without classes", async () => {
    const { child, account } = await setup();
    const s = await getSchedule(testContext(db), { accountId: account.id, childId: child.id, from: "2026-11-26", to: "2026-11-30" });
    expect(s.days.map((d) => [d.date, d.schoolDay, d.noSchoolReason, d.note, d.periods.length])).toEqual([
      ["2026-11-26", true, null, null, 2],
      ["2026-11-27", false, "calendar", "Journée pédagogique", 0],
      ["2026-11-28", false, "weekend", null, 0],
      ["2026-11-29", false, "weekend", null, 0],
      ["2026-11-30", true, null, null, 2],
    ]);
    // the dropped course (ended 2026-11-20) is not there; the one before it was
    const before = await getSchedule(testContext(db), { accountId: account.id, childId: child.id, from: "2026-11-20", to: "2026-11-20" });
    expect(before.days[0].periods.map((p) => p.courseCode)).toContain("CHC2D");
    expect(s.days.flatMap((d) => d.periods.map((p) => p.courseCode))).not.toContain("CHC2D");
  });

  it("shows next semester's classes when asked for a date in it", async () => {
    const { child, account } = await setup();
    const s = await getSchedule(testContext(db), { accountId: account.id, childId: child.id, from: "2027-02-01", to: "2027-02-01" });
    expect(s.days[0].periods.map((p) => [p.periodCode, p.courseCode, p.room, p.teacherName])).toEqual([
      ["1", "SNC2D", "Labo 2", expect.stringMatching(/^Claire /)],
    ]);
  });

  it("refuses bad dates and ranges longer than a month, with precise codes", async () => {
    const { child, account } = await setup();
    const ctx = testContext(db);
    const ask = (from: string, to: string) => getSchedule(ctx, { accountId: account.id, childId: child.id, from, to });
    expect((await caught(ask("2026-11-01", "2026-12-02"))).code).toBe("records.range_too_long");
    await expect(ask("2026-11-01", "2026-12-02")).rejects.toMatchObject({ params: { max: 31 } });
    expect((await ask("2026-11-01", "2026-12-01")).days).toHaveLength(31);
    expect((await caught(ask("2026-11-24", "2026-11-23"))).code).toBe("records.invalid_range");
    expect((await caught(ask("2026-02-30", "2026-03-01"))).code).toBe("records.invalid_date");
    expect((await caught(ask("23/11/2026", "2026-11-24"))).code).toBe("records.invalid_date");
  });

  it("answers another family's child exactly as a child that does not exist", async () => {
    const { child } = await setup();
    const other = await makeFamily(db.prisma);
    const { account: stranger } = await makeAccount(db.prisma, { guardian: other.guardian });
    const ctx = testContext(db);
    const range = { from: "2026-11-23", to: "2026-11-23" };
    const notTheirs = await caught(getSchedule(ctx, { accountId: stranger.id, childId: child.id, ...range }));
    const missing = await caught(getSchedule(ctx, { accountId: stranger.id, childId: crypto.randomUUID(), ...range }));
    const shape = (e: AppError) => ({ code: e.code, userKey: e.userKey, params: e.params, message: e.message });
    expect(notTheirs.code).toBe("records.child_not_found");
    expect(shape(notTheirs)).toEqual(shape(missing));
  });

  it("does not show a child whose link has no portal access, even by id", async () => {
    const school = await makeSchool(db.prisma);
    const guardian = await makeGuardian(db.prisma);
    const child = await makeStudent(db.prisma, { school });
    await linkGuardian(db.prisma, guardian, child, { portalAccess: false });
    const { account } = await makeAccount(db.prisma, { guardian });
    const e = await caught(
      getSchedule(testContext(db), { accountId: account.id, childId: child.id, from: "2026-11-23", to: "2026-11-23" }),
    );
    expect(e.code).toBe("records.child_not_found");
  });
});
