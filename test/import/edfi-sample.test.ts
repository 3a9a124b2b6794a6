// The Ed-Fi LMS Toolkit's OneRoster 1.1 sample, imported as it is (trailing commas, no final newlines, empty
// statuses, quoted term lists, {Local:863} ids, grades "09", district courses, no families at all).
import path from "node:path";
import { importOneRoster } from "../../core/import";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";

const SAMPLE = path.join(__dirname, "../fixtures/oneroster/edfi-lms-toolkit");

describe("import of the Ed-Fi OneRoster 1.1 sample", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it("imports every row, says there are no families, and a re-import changes nothing", async () => {
    const ctx = testContext(db);
    const s = await importOneRoster(ctx, { dir: SAMPLE });
    expect(s.ok).toBe(true);
    expect(s.oneRosterVersion).toBe("1.1");
    expect(s.totals.errors).toBe(0);
    expect(s.warnings.join(" ")).toMatch(/no guardians/);
    expect(s.unknownFiles).toEqual(["LICENSE-SOURCE.txt", "NOTICES-SOURCE.md", "SOURCE.txt"]);

    const p = db.prisma;
    expect(await p.school.count()).toBe(1);
    expect(await p.academicSession.count()).toBe(3);
    expect(await p.student.count()).toBe(8);
    expect(await p.teacher.count()).toBe(2); // both teacher rows carry a trailing comma
    expect(await p.guardian.count()).toBe(0);
    expect(await p.enrollment.count()).toBe(24); // (class, user) twice: once per semester
    const courses = await p.course.findMany({ select: { schoolId: true } });
    expect(courses).toHaveLength(2);
    expect(courses.every((c) => c.schoolId === null)).toBe(true); // the district's courses
    const cls = await p.classSection.findUnique({
      where: { sourcedId: "25590100101Trad120ENG112011" },
      select: { classType: true, room: true, periods: true, courseId: true, terms: true },
    });
    expect(cls).toMatchObject({ classType: "scheduled", room: "120", periods: ["1"] });
    expect(cls!.courseId).not.toBeNull();
    expect(cls!.terms).toHaveLength(2); // "a,b" quoted list
    const mary = await p.student.findUnique({
      where: { sourcedId: "604863" },
      select: { grade: true, givenName: true, birthDate: true, gender: true },
    });
    expect(mary).toEqual({ grade: "09", givenName: "Mary", birthDate: new Date("1997-05-30T00:00:00Z"), gender: "female" });
    const fall = await p.academicSession.findUnique({
      where: { sourcedId: "255901001_2021_2020-2021_Fall" },
      select: { schoolYear: true, startDate: true },
    });
    expect(fall).toEqual({ schoolYear: 2021, startDate: new Date("2020-08-17T00:00:00Z") });

    const run = await p.importRun.findUnique({ where: { id: s.runId }, select: { finishedAt: true, summary: true } });
    expect(run!.finishedAt).not.toBeNull();
    expect(await p.auditEvent.count({ where: { actorType: "import", action: "import.oneroster", entityId: s.runId } })).toBe(1);

    const again = await importOneRoster(ctx, { dir: SAMPLE });
    expect(again.totals).toMatchObject({ created: 0, updated: 0, deactivated: 0, errors: 0 });
    expect(again.totals.unchanged).toBe(s.totals.read - s.files.reduce((n, f) => n + f.skipped, 0));
  });
});
