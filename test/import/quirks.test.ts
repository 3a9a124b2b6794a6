// The quirks of real exports (shared/data/oneroster-samples/README.md): each must import, not fail.
import { importOneRoster } from "../../core/import";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";
import { baseExport, writeExport } from "./fixtures";

const crlf = (lines: string[]) => lines.join("\r\n"); // and no final newline

describe("import of real-export quirks", () => {
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

  it("takes BOM, CRLF, no final newline, quoted and bare values, trailing commas, id lists, leading zeros, KG", async () => {
    const dir = writeExport({
      "orgs.csv":
        "\uFEFF" +
        crlf([
          `"sourcedId","status","dateLastModified","name","type","identifier","parentSourcedId"`,
          `"d1","","2023-05-01T18:25:43.511Z","CEPEO","district",,`,
          `"o1","active","2023-05-01","École élémentaire publique Marie-Curie","school","EEP-MARIE-CURIE","d1"`,
          `"o2",,,"École des pins","school","00032","zz-absent"`,
        ]),
      "courses.csv": crlf([
        "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId",
        "c1,,,sy,Mathématiques,MPM2D,10,d1",
      ]),
      "classes.csv": crlf([
        "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,periods",
        `k1,,,Maths,10,c1,MPM2D-01,Scheduled,204,o1,,"1, 2"`,
        `k2,,,Maternelle,KG,c-absent,HR-KG,homeroom,101,o2,,`,
      ]),
      "users.csv": crlf([
        "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password",
        `s1,,2023-05-01,TRUE,o1,student,léa t,"{LDAP:12},{LTI:15},{Fed:23}",Léa,Tremblay,,00032,,,,"p1, p2",04,`,
        `s2,,2023-05-01T18:25:43.511Z,false,"o2",student,zoé,{FED:18125},Zoé,Gagnon,,,,,,,KG,`,
        `p1,,,true,,guardian,,,Marie,Tremblay,,,MARIE.T@Exemple.CA ,,(613) 555 0142,,,`,
        `p2,,,true,,relative,,,Hélène,Roy,,,,,,,,`,
        `p3,,,true,,parent,,,Julie,Gagnon,,,julie@exemple.ca,,,s2,,`,
        `t1,,,true,o1,teacher,,,Luc,Paquette,,,luc@exemple.ca,,,,,,`,
        `a1,,,true,o1,administrator,,,Ana,Admin,,,,,,,,`,
      ]),
      "demographics.csv": "sourcedId,status,dateLastModified,birthDate,sex",
    });
    const s = await importOneRoster(testContext(db), { dir });
    expect(s.ok).toBe(true);
    expect(s.totals.errors).toBe(0);
    const p = db.prisma;
    const pins = await p.school.findUnique({ where: { code: "00032" }, select: { name: true, sourcedId: true, level: true } });
    expect(pins).toEqual({ name: "École des pins", sourcedId: "o2", level: "ELEMENTARY" });
    expect((await p.school.findUnique({ where: { code: "EEP-MARIE-CURIE" }, select: { city: true } }))?.city).toBe("Ottawa"); // from the directory
    const orgs = s.files.find((f) => f.file === "orgs.csv")!;
    expect(orgs.warnings.map((w) => [w.line, w.message])).toEqual([[4, expect.stringContaining("zz-absent")]]);
    const classes = s.files.find((f) => f.file === "classes.csv")!;
    expect(classes.warnings.map((w) => w.line)).toEqual([3]); // course c-absent: kept, reported
    const k1 = await p.classSection.findUnique({ where: { sourcedId: "k1" }, select: { classType: true, periods: true } });
    expect(k1).toEqual({ classType: "scheduled", periods: ["1", "2"] });
    const zoe = await p.student.findUnique({ where: { sourcedId: "s2" }, select: { grade: true, active: true } });
    expect(zoe).toEqual({ grade: "KG", active: true }); // enabledUser false is a login flag, not a withdrawal
    expect(await p.teacher.count()).toBe(1); // trailing comma on its row; the administrator is skipped
    const marie = await p.guardian.findUnique({ where: { sourcedId: "p1" }, select: { email: true, phone: true } });
    expect(marie).toEqual({ email: "marie.t@exemple.ca", phone: "(613) 555 0142" });
    // student → parent ("p1, p2") and parent → student (p3 → s2)
    const links = await p.guardianStudent.findMany({
      select: { guardian: { select: { sourcedId: true } }, student: { select: { sourcedId: true } }, portalAccess: true },
    });
    expect(links.map((l) => `${l.guardian.sourcedId}>${l.student.sourcedId}`).sort()).toEqual(["p1>s1", "p2>s1", "p3>s2"]);
    expect(links.every((l) => l.portalAccess)).toBe(true);
    expect(s.files.find((f) => f.file === "demographics.csv")).toMatchObject({ outcome: "imported", read: 0, errorCount: 0 });
    expect(s.warnings.join(" ")).not.toMatch(/no guardians/);
  });

  it("deactivates or removes tobedeleted and inactive rows, and keeps rows a later export leaves out", async () => {
    const ctx = testContext(db);
    const first = baseExport();
    await importOneRoster(ctx, { dir: writeExport(first) });
    const second = {
      ...first,
      "users.csv": first["users.csv"].replace("s2,,,true,o2,student", "s2,tobedeleted,,true,o2,student").replace(/^t1,.*\n/m, ""),
      "enrollments.csv":
        "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate\ne1,tobedeleted,,k1,o2,s2,student,false,,\n",
      "orgs.csv": first["orgs.csv"].replace("o1,,,", "o1,inactive,,"),
    };
    const s = await importOneRoster(ctx, { dir: writeExport(second) });
    expect(s.totals.errors).toBe(0);
    const p = db.prisma;
    expect((await p.student.findUnique({ where: { sourcedId: "s2" }, select: { active: true } }))?.active).toBe(false);
    expect(await p.enrollment.findUnique({ where: { sourcedId: "e1" } })).toBeNull();
    expect(await p.enrollment.findUnique({ where: { sourcedId: "e2" } })).not.toBeNull(); // absent from the file: kept
    expect(await p.teacher.findUnique({ where: { sourcedId: "t1" } })).not.toBeNull(); // absent from users.csv: kept
    expect((await p.school.findUnique({ where: { code: "EEP-MARIE-CURIE" }, select: { active: true } }))?.active).toBe(false);
    expect(s.files.find((f) => f.file === "users.csv")!.deactivated).toBe(1);
    expect(s.files.find((f) => f.file === "enrollments.csv")!.deactivated).toBe(1);
    // Reactivated by a later export that lists it again as active.
    const third = await importOneRoster(ctx, { dir: writeExport(first) });
    expect(third.files.find((f) => f.file === "users.csv")!.updated).toBe(1);
    expect((await p.student.findUnique({ where: { sourcedId: "s2" }, select: { active: true } }))?.active).toBe(true);
  });

  it("applies tobedeleted rows of a delta export that carry only their sourcedId and status", async () => {
    const ctx = testContext(db);
    await importOneRoster(ctx, { dir: writeExport(baseExport()) });
    const header = baseExport()["users.csv"].split("\n")[0];
    const delta = {
      "users.csv": [
        header,
        "s2,tobedeleted,2026-12-01,,,,,,,,,,,,,,,",
        "p1,tobedeleted,2026-12-01,,,,,,,,,,,,,,,",
        "t1,tobedeleted,2026-12-01,,,,,,,,,,,,,,,",
      ].join("\r\n"),
    };
    const s = await importOneRoster(ctx, { dir: writeExport(delta) });
    const users = s.files.find((f) => f.file === "users.csv")!;
    expect(users.errors).toEqual([]);
    expect(users.deactivated).toBe(4); // s2 withdrawn (kept, inactive), p1's two links removed, t1 deleted
    const p = db.prisma;
    expect((await p.student.findUnique({ where: { sourcedId: "s2" }, select: { active: true } }))?.active).toBe(false);
    expect((await p.student.findUnique({ where: { sourcedId: "s2" }, select: { givenName: true } }))?.givenName).toBe("Mathéo"); // nothing blanked
    expect(await p.guardianStudent.count()).toBe(0);
    expect(await p.teacher.findUnique({ where: { sourcedId: "t1" } })).toBeNull();
    // A deletion for someone never imported is said, not silently counted.
    const unknown = await importOneRoster(ctx, {
      dir: writeExport({ "users.csv": [header, "zz9,tobedeleted,,,,,,,,,,,,,,,,"].join("\n") }),
    });
    const rep = unknown.files.find((f) => f.file === "users.csv")!;
    expect(rep).toMatchObject({ errorCount: 0, skipped: 1, deactivated: 0 });
    expect(rep.warnings.map((w) => [w.line, w.message])).toEqual([[2, expect.stringContaining("zz9 is not a stored")]]);
  });

  it("succeeds on an export of header-only files", async () => {
    const dir = writeExport({
      "orgs.csv": "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n",
      "users.csv": "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName",
    });
    const s = await importOneRoster(testContext(db), { dir });
    expect(s.ok).toBe(true);
    expect(s.totals).toMatchObject({ read: 0, created: 0, errors: 0 });
    expect(s.warnings.join(" ")).toMatch(/no guardians/);
  });
});
