// Re-importing the same export changes nothing (not even updatedAt); a second export updates in place.
import fs from "node:fs";
import path from "node:path";
import { importOneRoster, DEMO_DIR } from "../../core/import";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";

const DEMO_FILES = fs.readdirSync(DEMO_DIR).filter((f) => f.endsWith(".csv") && f !== "accounts.csv" && f !== "staff.csv");

function copyDemo(edit: (files: Record<string, string>) => void = () => undefined): string {
  const dir = fs.mkdtempSync(path.join(require("node:os").tmpdir(), "aide-portail-demo-"));
  const files = Object.fromEntries(DEMO_FILES.map((f) => [f, fs.readFileSync(path.join(DEMO_DIR, f), "utf8")]));
  edit(files);
  for (const [f, c] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), c);
  return dir;
}

async function counts(db: TestDatabase) {
  const p = db.prisma;
  return {
    schools: await p.school.count(),
    students: await p.student.count(),
    guardians: await p.guardian.count(),
    links: await p.guardianStudent.count(),
    classes: await p.classSection.count(),
    meetings: await p.classMeeting.count(),
    enrollments: await p.enrollment.count(),
    attendance: await p.attendance.count(),
    credits: await p.credit.count(),
    reportCards: await p.reportCard.count(),
    documents: await p.document.count(),
    days: await p.schoolDay.count(),
    bells: await p.bellPeriod.count(),
    history: await p.enrolmentHistory.count(),
  };
}

describe("re-import and update in place", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it("a second import of the same export reports no change and moves no updatedAt", async () => {
    const ctx = testContext(db);
    const dir = copyDemo();
    const first = await importOneRoster(ctx, { dir });
    expect(first.totals.errors).toBe(0);
    const before = await counts(db);
    const stamps = await db.prisma.student.findMany({ select: { sourcedId: true, updatedAt: true }, orderBy: { sourcedId: "asc" } });
    const schoolStamps = await db.prisma.school.findMany({ select: { code: true, updatedAt: true }, orderBy: { code: "asc" } });
    const second = await importOneRoster(ctx, { dir });
    expect(second.totals).toMatchObject({ created: 0, updated: 0, deactivated: 0, errors: 0 });
    expect(second.totals.unchanged).toBeGreaterThan(1000);
    expect(second.files.every((f) => f.created === 0 && f.updated === 0)).toBe(true);
    expect(await counts(db)).toEqual(before);
    expect(await db.prisma.student.findMany({ select: { sourcedId: true, updatedAt: true }, orderBy: { sourcedId: "asc" } })).toEqual(
      stamps,
    );
    expect(await db.prisma.school.findMany({ select: { code: true, updatedAt: true }, orderBy: { code: "asc" } })).toEqual(schoolStamps);
  });

  it("a later export with a changed phone and a new absence updates in place", async () => {
    const ctx = testContext(db);
    const before = await counts(db);
    const dir = copyDemo((f) => {
      f["users.csv"] = f["users.csv"].replace("613-555-0142", "613-555-9999");
      f["attendance.csv"] += "s-1003,2026-11-24,,absent,false,,\n";
      f["guardianLinks.csv"] = f["guardianLinks.csv"].replace("g-2003,s-1004,mother,false", "g-2003,s-1004,mother,true");
      // A later export that leaves a row out does not delete it.
      f["documents.csv"] = f["documents.csv"]
        .split("\n")
        .filter((l) => !l.startsWith("doc-omer-form"))
        .join("\n");
    });
    const s = await importOneRoster(ctx, { dir });
    expect(s.totals.errors).toBe(0);
    const by = (file: string) => s.files.find((f) => f.file === file)!;
    expect(by("users.csv")).toMatchObject({ created: 0, updated: 1 });
    expect(by("attendance.csv")).toMatchObject({ created: 1, updated: 0 });
    expect(by("guardianLinks.csv")).toMatchObject({ created: 0, updated: 1 });
    expect(s.totals.created + s.totals.updated).toBe(3);
    expect((await db.prisma.guardian.findUnique({ where: { sourcedId: "g-2001" }, select: { phone: true } }))?.phone).toBe("613-555-9999");
    expect(await counts(db)).toEqual({ ...before, attendance: before.attendance + 1 });
    expect(await db.prisma.document.findUnique({ where: { sourcedId: "doc-omer-form" } })).not.toBeNull();
  });

  it("a student whose org is absent from the export keeps the school already stored, with a warning", async () => {
    const ctx = testContext(db);
    const stored = await db.prisma.student.findUniqueOrThrow({
      where: { sourcedId: "s-1001" },
      select: { schoolId: true, updatedAt: true },
    });
    expect(stored.schoolId).not.toBeNull();
    const dir = copyDemo((f) => {
      f["users.csv"] = f["users.csv"].replace("s-1001,,2026-08-25,true,org-EEP-JEANNE-SAUVE,", "s-1001,,2026-08-25,true,org-UNKNOWN,");
    });
    const s = await importOneRoster(ctx, { dir });
    const users = s.files.find((f) => f.file === "users.csv")!;
    expect(JSON.stringify(users)).toContain("s-1001: no known school among orgSourcedIds org-UNKNOWN");
    const after = await db.prisma.student.findUniqueOrThrow({
      where: { sourcedId: "s-1001" },
      select: { schoolId: true, updatedAt: true },
    });
    expect(after).toEqual(stored); // same school, row not even rewritten
  });
});
