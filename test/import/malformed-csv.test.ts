// Malformed files: a row the CSV parser cannot read (an unbalanced quote) is reported with its file and line
// and rejects nothing else — the rows after it and the files after it are imported; a binary file is rejected
// alone, saying why; the import run is always closed with its status, even when a file fails for another reason.
import fs from "node:fs";
import path from "node:path";
import { importOneRoster } from "../../core/import";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";
import { baseExport, writeExport } from "./fixtures";

const USERS_HEADER =
  "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password";

describe("import of malformed CSV", () => {
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

  it("a value with characters after its closing quote (line 3) rejects that row only; the rows and files after it are imported", async () => {
    const files = baseExport();
    files["users.csv"] =
      [
        USERS_HEADER,
        "s1,,,true,o1,student,,,Léa,Tremblay,,,,,,,04,",
        's2,,,true,o2,student,,,"Mathéo"x,Tremblay,,,,,,,10,',
        "s3,,,true,o2,student,,,Noah,Smith,,,,,,,10,",
        'p1,,,true,,parent,,,Marie,Tremblay,,,Marie.Tremblay@Exemple.ca,,613-555-0142,"s1,s3",,',
      ].join("\n") + "\n";
    files["attendance.csv"] =
      "studentSourcedId,date,periodCode,status,excused,reason,minutes\ns1,2026-11-17,,absent,true,Maladie,\ns3,2026-11-23,1,late,false,,15\n";
    const s = await importOneRoster(testContext(db), { dir: writeExport(files) });
    const users = s.files.find((f) => f.file === "users.csv")!;
    expect(users.outcome).toBe("imported");
    expect(users.errors).toEqual([{ file: "users.csv", line: 3, message: expect.stringMatching(/closing quote.*skipped/) }]);
    expect(
      (await db.prisma.student.findMany({ select: { sourcedId: true }, orderBy: { sourcedId: "asc" } })).map((x) => x.sourcedId),
    ).toEqual(["s1", "s3"]);
    expect(await db.prisma.guardian.count()).toBe(1);
    expect(await db.prisma.attendance.count()).toBe(2); // a later file, imported
    expect(s.ok).toBe(true);
    const run = await db.prisma.importRun.findUniqueOrThrow({ where: { id: s.runId } });
    expect(run.finishedAt).not.toBeNull();
    expect((run.summary as { status: string }).status).toBe("finished");
  });

  it("a quote never closed (line 2) costs that line only: parsing resumes on the next line", async () => {
    const files = baseExport();
    files["attendance.csv"] =
      [
        "studentSourcedId,date,periodCode,status,excused,reason,minutes",
        's1,2026-11-17,,absent,true,"Maladie,',
        "s1,2026-11-18,,absent,true,Maladie,",
        "s2,2026-11-23,1,late,false,,15",
      ].join("\n") + "\n";
    const s = await importOneRoster(testContext(db), { dir: writeExport(files) });
    const att = s.files.find((f) => f.file === "attendance.csv")!;
    expect(att.errors).toEqual([{ file: "attendance.csv", line: 2, message: expect.stringMatching(/never closed/) }]);
    expect(att.created).toBe(2);
    expect(await db.prisma.attendance.count()).toBe(2);
  });

  it("keeps line numbers right after several broken lines", async () => {
    const files = baseExport();
    const rows = ["studentSourcedId,date,periodCode,status,excused,reason,minutes"];
    for (let d = 10; d < 20; d++) rows.push(d % 3 === 0 ? `s1,2026-11-${d},,absent,"x"y,,` : `s1,2026-11-${d},,absent,true,,`);
    rows.push("s-unknown,2026-11-21,,absent,true,,");
    files["attendance.csv"] = rows.join("\n") + "\n";
    const s = await importOneRoster(testContext(db), { dir: writeExport(files) });
    const att = s.files.find((f) => f.file === "attendance.csv")!;
    // Days 12, 15, 18 are broken (lines 4, 7, 10); the unknown student is the last line (12).
    expect(att.errors.map((e) => e.line).sort((a, b) => a - b)).toEqual([4, 7, 10, 12]);
    expect(att.errors.find((e) => e.line === 12)!.message).toMatch(/s-unknown/);
    expect(att.created).toBe(7);
  });

  it("rejects a binary file alone, saying it is not CSV text, and imports the files after it", async () => {
    const files: Record<string, string | Buffer> = baseExport();
    files["classes.csv"] = Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(64, 0), Buffer.from('"x\n\u00ff\u00fe,,"\n')]);
    const s = await importOneRoster(testContext(db), { dir: writeExport(files) });
    expect(s.rejectedFiles).toEqual(["classes.csv"]);
    const rep = s.files.find((f) => f.file === "classes.csv")!;
    expect(rep.rejection).toMatch(/^classes\.csv: the file is not CSV text \(binary content.*\); the file was not imported$/);
    expect(await db.prisma.student.count()).toBe(2);
    expect(await db.prisma.attendance.count()).toBe(2);
    expect(s.ok).toBe(false);
  });

  it("rejects a UTF-16 file, saying to export it as UTF-8", async () => {
    const files: Record<string, string | Buffer> = baseExport();
    files["attendance.csv"] = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from("studentSourcedId,date,status\ns1,2026-11-17,absent\n", "utf16le"),
    ]);
    const s = await importOneRoster(testContext(db), { dir: writeExport(files) });
    expect(s.files.find((f) => f.file === "attendance.csv")!.rejection).toMatch(/UTF-16.*UTF-8/);
    expect(await db.prisma.student.count()).toBe(2);
  });

  it("a file that cannot be read at all is rejected alone, and the run is still finished with its status", async () => {
    const files = baseExport();
    delete (files as Record<string, string>)["classes.csv"];
    const dir = writeExport(files);
    fs.mkdirSync(path.join(dir, "classes.csv")); // a folder where a file is expected: reading it fails (EISDIR)
    const s = await importOneRoster(testContext(db), { dir });
    expect(s.rejectedFiles).toEqual(["classes.csv"]);
    expect(s.files.find((f) => f.file === "classes.csv")!.rejection).toMatch(/stopped \(.*EISDIR/);
    expect(await db.prisma.attendance.count()).toBe(2);
    const runs = await db.prisma.importRun.findMany({ select: { finishedAt: true, summary: true } });
    expect(runs).toHaveLength(1);
    expect(runs[0].finishedAt).not.toBeNull();
    expect(runs[0].summary as { status: string; rejectedFiles: string[] }).toMatchObject({
      status: "finished",
      rejectedFiles: ["classes.csv"],
    });
  });
});
