// Bad input: a file missing required columns is rejected alone; a bad row is reported with file and line and
// rejects nothing else; duplicates keep the first row; nothing already stored is lost; a 50 MB file streams.
import fs from "node:fs";
import path from "node:path";
import { importOneRoster } from "../../core/import";
import { AppError } from "../../core/errors";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";
import { baseExport, writeExport } from "./fixtures";

describe("import of bad input", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await db.reset();
  });
  afterAll(async () => {
    await db.close();
  });

  it("rejects a file missing required columns, naming it and them, and imports the others", async () => {
    const files = baseExport();
    files["classes.csv"] = "sourcedId,title,classCode\nk1,Français 10,FRA2D-01\n";
    const s = await importOneRoster(testContext(db), { dir: writeExport(files) });
    expect(s.ok).toBe(false);
    expect(s.rejectedFiles).toEqual(["classes.csv"]);
    const rep = s.files.find((f) => f.file === "classes.csv")!;
    expect(rep.missingColumns).toEqual(["schoolSourcedId"]);
    expect(rep.rejection).toMatch(/classes\.csv.*schoolSourcedId/);
    expect(await db.prisma.student.count()).toBe(2);
    expect(await db.prisma.classSection.count()).toBe(0);
    // Enrollments into the rejected class fail row by row, with their lines.
    expect(s.files.find((f) => f.file === "enrollments.csv")!.errors.map((e) => e.line)).toEqual([2, 3]);
  });

  it("reports bad dates, bad values and duplicate ids with file and line; the other rows are imported", async () => {
    const files = baseExport();
    files["attendance.csv"] = [
      "studentSourcedId,date,periodCode,status,excused,reason,minutes",
      "s1,2026-11-17,,absent,true,Maladie,",
      "s1,2026-02-30,,absent,true,,",
      "s1,17/11/2026,,absent,true,,",
      "s2,2026-11-23,1,late,peut-être,,15",
      "s2,2026-11-23,2,sleeping,false,,",
      "s-unknown,2026-11-23,1,late,false,,15",
      "s1,2026-11-17,,late,false,Doublon,5",
      "s2,2026-11-24,1,late,false,,10",
    ].join("\n");
    files["users.csv"] += "s1,,,true,o1,student,,,Léa-bis,Tremblay,,,,,,,04,\n";
    const s = await importOneRoster(testContext(db), { dir: writeExport(files) });
    expect(s.ok).toBe(true);
    const att = s.files.find((f) => f.file === "attendance.csv")!;
    expect(att.errors.map((e) => [e.file, e.line])).toEqual([3, 4, 5, 6, 7, 8].map((l) => ["attendance.csv", l]));
    expect(att.errors[0].message).toMatch(/not a real date/);
    expect(att.errors[1].message).toMatch(/not a date/);
    expect(att.errors[5].message).toMatch(/duplicate.*line 2/);
    expect(att.created).toBe(2);
    const first = await db.prisma.attendance.findFirst({ where: { student: { sourcedId: "s1" } }, select: { status: true, reason: true } });
    expect(first).toEqual({ status: "ABSENT", reason: "Maladie" }); // the first row wins
    const users = s.files.find((f) => f.file === "users.csv")!;
    expect(users.errors).toEqual([{ file: "users.csv", line: 6, message: expect.stringMatching(/duplicate sourcedId s1.*line 2/) }]);
    expect((await db.prisma.student.findUnique({ where: { sourcedId: "s1" }, select: { givenName: true } }))?.givenName).toBe("Léa");
  });

  it("loses nothing already stored when a later export is broken, and lists unknown files", async () => {
    const ctx = testContext(db);
    await importOneRoster(ctx, { dir: writeExport(baseExport()) });
    const before = {
      students: await db.prisma.student.count(),
      attendance: await db.prisma.attendance.count(),
      guardians: await db.prisma.guardian.count(),
    };
    const s = await importOneRoster(ctx, {
      dir: writeExport({
        "users.csv": "sourcedId,name\ns1,x\n",
        "attendance.csv": 'studentSourcedId,date,status\n"s1,2026-11-17,absent\n',
        "notes.txt": "hello",
        "grades.csv": "a,b\n",
      }),
    });
    expect(s.rejectedFiles).toEqual(["users.csv"]);
    expect(s.unknownFiles).toEqual(["grades.csv", "notes.txt"]);
    expect(s.files.find((f) => f.file === "attendance.csv")!.errorCount).toBe(1); // unclosed quote: reported
    expect({
      students: await db.prisma.student.count(),
      attendance: await db.prisma.attendance.count(),
      guardians: await db.prisma.guardian.count(),
    }).toEqual(before);
  });

  it("says which folder does not exist", async () => {
    await expect(importOneRoster(testContext(db), { dir: "/nonexistent/export" })).rejects.toThrow(AppError);
  });

  it("streams a 50 MB attendance file: every good row imported, every bad one reported, in bounded time", async () => {
    const files = baseExport();
    delete (files as Record<string, string>)["attendance.csv"];
    const dir = writeExport(files);
    const file = path.join(dir, "attendance.csv");
    const fd = fs.openSync(file, "w");
    fs.writeSync(fd, "studentSourcedId,date,periodCode,status,excused,reason,minutes\n");
    // Good rows, and rows of an unknown student carrying 4 KB reasons (most of the 50 MB): the file is far
    // larger than what the importer may hold, and the good rows must all be written.
    const long = "x".repeat(4096);
    let good = 0;
    let bad = 0;
    let size = 0;
    const lines: string[] = [];
    for (let d = 0; size < 50 * 1024 * 1024; d++) {
      const date = new Date(Date.UTC(2000, 0, 1) + d * 86400000).toISOString().slice(0, 10);
      for (const p of ["1", "2", "3", "4"]) {
        for (const st of ["s1", "s2"]) {
          lines.push(`${st},${date},${p},absent,true,Maladie,\n`);
          good++;
        }
      }
      lines.push(`s-unknown,${date},1,late,false,"${long}",5\n`);
      bad++;
      size += 8 * 30 + long.length + 40;
      if (lines.length >= 4000) {
        fs.writeSync(fd, lines.join(""));
        lines.length = 0;
      }
    }
    fs.writeSync(fd, lines.join(""));
    fs.closeSync(fd);
    expect(fs.statSync(file).size).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const progress: number[] = [];
    const s = await importOneRoster(testContext(db), {
      dir,
      onProgress: (e) => void (e.file === "attendance.csv" && progress.push(e.done)),
    });
    const att = s.files.find((f) => f.file === "attendance.csv")!;
    expect(att).toMatchObject({ read: good + bad, created: good, errorCount: bad });
    expect(att.errors).toHaveLength(20); // the first ones listed, the rest counted
    expect(att.errors[0]).toEqual({ file: "attendance.csv", line: 10, message: "student s-unknown is not in users.csv" });
    expect(await db.prisma.attendance.count()).toBe(good);
    expect(progress.length).toBeGreaterThan(10); // reported as it streams, not at the end only
  });
});
