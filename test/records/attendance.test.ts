// getAttendance totals and « était-il absent lundi? » on a real database.
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";
import { makeAccount, makeFamily, makeSchool } from "../factories/families";
import { makeAttendance, makeBellSchedule } from "../factories/records";
import { getAttendance, wasAbsentOn } from "../../core/records";

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

async function family() {
  const school = await makeSchool(db.prisma);
  await makeBellSchedule(db.prisma, school);
  const fam = await makeFamily(db.prisma, { school });
  const { account } = await makeAccount(db.prisma, { guardian: fam.guardian });
  const child = fam.students[0];
  const p = db.prisma;
  await makeAttendance(p, child, { date: "2026-11-02", status: "ABSENT", excused: true, reason: "Maladie" });
  await makeAttendance(p, child, { date: "2026-11-02", periodCode: "1", status: "ABSENT", excused: true }); // same day: not counted twice
  await makeAttendance(p, child, { date: "2026-11-09", periodCode: "3", status: "ABSENT" });
  await makeAttendance(p, child, { date: "2026-11-09", periodCode: "1", status: "LATE", minutes: 12 });
  await makeAttendance(p, child, { date: "2026-11-16", status: "EARLY_DEPARTURE", excused: true, reason: "Rendez-vous" });
  await makeAttendance(p, child, { date: "2026-11-17", periodCode: "2", status: "PRESENT" });
  await makeAttendance(p, child, { date: "2026-12-01", status: "ABSENT" }); // outside November
  return { account, child };
}

describe("getAttendance", () => {
  it("lists absences, lates and early departures in order and totals them", async () => {
    const { account, child } = await family();
    const a = await getAttendance(testContext(db), { accountId: account.id, childId: child.id, from: "2026-11-01", to: "2026-11-30" });
    expect(a.entries.map((e) => [e.date, e.periodCode, e.status, e.excused])).toEqual([
      ["2026-11-02", null, "ABSENT", true],
      ["2026-11-02", "1", "ABSENT", true],
      ["2026-11-09", "1", "LATE", false],
      ["2026-11-09", "3", "ABSENT", false],
      ["2026-11-16", null, "EARLY_DEPARTURE", true],
    ]);
    expect(a.entries[0]).toMatchObject({ wholeDay: true, periodLabel: null, reason: "Maladie" });
    expect(a.entries[2]).toMatchObject({ periodLabel: "Période 1", minutes: 12 });
    expect(a.totals).toEqual({ daysAbsent: 1, periodsAbsent: 1, lates: 1, earlyDepartures: 1, excused: 3, unexcused: 2 });
  });

  it("returns empty totals for a period without entries", async () => {
    const { account, child } = await family();
    const a = await getAttendance(testContext(db), { accountId: account.id, childId: child.id, from: "2026-10-01", to: "2026-10-31" });
    expect(a.entries).toEqual([]);
    expect(a.totals).toEqual({ daysAbsent: 0, periodsAbsent: 0, lates: 0, earlyDepartures: 0, excused: 0, unexcused: 0 });
  });

  it("hides another family's child behind the same error as a missing one", async () => {
    const { child } = await family();
    const other = await makeFamily(db.prisma);
    const { account } = await makeAccount(db.prisma, { guardian: other.guardian });
    await expect(
      getAttendance(testContext(db), { accountId: account.id, childId: child.id, from: "2026-11-01", to: "2026-11-30" }),
    ).rejects.toMatchObject({ code: "records.child_not_found" });
  });
});

describe("wasAbsentOn", () => {
  it("answers « était-il absent lundi? » for a day absent, a day late and a period absent, and a normal day", async () => {
    const { account, child } = await family();
    const ctx = testContext(db);
    const ask = (date: string) => wasAbsentOn(ctx, { accountId: account.id, childId: child.id, date });
    expect(await ask("2026-11-02")).toMatchObject({ date: "2026-11-02", absent: true, absentWholeDay: true, late: false });
    const mon9 = await ask("2026-11-09");
    expect(mon9).toMatchObject({ absent: true, absentWholeDay: false, late: true });
    expect(mon9.entries).toHaveLength(2);
    expect(await ask("2026-11-17")).toEqual({ date: "2026-11-17", absent: false, absentWholeDay: false, late: false, entries: [] });
    await expect(ask("lundi")).rejects.toMatchObject({ code: "records.invalid_date" });
  });
});
