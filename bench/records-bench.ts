/**
 * Records benchmark (called by `npm run bench`): fills a fresh database with a board's worth of families —
 * 500 families, 1,000 students in 10 schools, a school year of calendar, schedule and attendance, credits for
 * secondary students — on an in-memory PGlite and, when DATABASE_URL is set, on a fresh PostgreSQL database;
 * then times the parent's most common questions on each and prints ops/s side by side with the ratio.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PGlite } from "@electric-sql/pglite";
import { openDatabase, type Database } from "../core/db/database";
import { withScratchPostgres } from "../test/helpers/scratch-postgres";
import { migrateDatabase } from "../core/db/migrate";
import type { Prisma } from "../core/db/generated/client";
import type { CoreContext } from "../core/context";
import { loadConfig } from "../core/config";
import { silentLogger } from "../core/logger";
import { getAttendance, getCredits, getSchedule, listChildren } from "../core/records";

const FAMILIES = 500;
const SCHOOLS = 10;
const MIN_MS = 1500; // per operation and database
const YEAR = { start: "2026-09-02", end: "2027-06-25", s1End: "2027-01-29", s2Start: "2027-02-01" };
const BELLS = [
  ["1", "08:15", "09:30"],
  ["2", "09:35", "10:50"],
  ["3", "11:35", "12:50"],
  ["4", "12:55", "14:10"],
] as const;

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const id = () => crypto.randomUUID();

interface Fixture {
  accounts: string[];
  /** [accountId, childId, secondary] */
  children: [string, string, boolean][];
}

/** Inserts in chunks: one statement per chunk keeps the fill fast on both engines. */
async function many<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 2000) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

async function fill(db: Database): Promise<Fixture> {
  const p = db.prisma;
  const rnd = mulberry(42); // same data on both engines
  const schools: Prisma.SchoolCreateManyInput[] = Array.from({ length: SCHOOLS }, (_, i) => ({
    id: id(),
    code: `BENCH-${i}`,
    name: `École bench ${i}`,
    level: i % 2 ? "SECONDARY" : "ELEMENTARY",
  }));
  await p.school.createMany({ data: schools });
  await p.bellPeriod.createMany({
    data: schools.flatMap((s) =>
      BELLS.map(([code, a, b], k) => ({ schoolId: s.id!, code, label: `Période ${code}`, startTime: a, endTime: b, sortOrder: k })),
    ),
  });
  const days: Prisma.SchoolDayCreateManyInput[] = [];
  for (const s of schools) {
    let n = 0;
    for (let d = day(YEAR.start); d <= day(YEAR.end); d = new Date(d.getTime() + 86_400_000)) {
      if (d.getUTCDay() === 0 || d.getUTCDay() === 6) continue;
      const off = d.getUTCDate() === 13;
      days.push({
        schoolId: s.id!,
        date: d,
        cycleDay: off ? null : (n++ % 2) + 1,
        instructional: !off,
        note: off ? "Journée pédagogique" : null,
      });
    }
  }
  await many(days, (c) => p.schoolDay.createMany({ data: c }));
  const s1 = id(),
    s2 = id();
  await p.academicSession.createMany({
    data: [
      {
        id: s1,
        sourcedId: "bench-s1",
        title: "Semestre 1",
        type: "semester",
        startDate: day(YEAR.start),
        endDate: day(YEAR.s1End),
        schoolYear: 2027,
      },
      {
        id: s2,
        sourcedId: "bench-s2",
        title: "Semestre 2",
        type: "semester",
        startDate: day(YEAR.s2Start),
        endDate: day(YEAR.end),
        schoolYear: 2027,
      },
    ],
  });
  // 8 classes per school and semester, each meeting on both cycle days in one period.
  const classes: { id: string; schoolId: string; session: string }[] = [];
  const courses: Prisma.CourseCreateManyInput[] = [],
    sections: Prisma.ClassSectionCreateManyInput[] = [],
    terms: Prisma.ClassTermCreateManyInput[] = [];
  const meetings: Prisma.ClassMeetingCreateManyInput[] = [],
    teachers: Prisma.TeacherCreateManyInput[] = [],
    enrolments: Prisma.EnrollmentCreateManyInput[] = [];
  for (const s of schools)
    for (const session of [s1, s2])
      for (let k = 0; k < 8; k++) {
        const course = id(),
          section = id(),
          teacher = id();
        courses.push({ id: course, sourcedId: `c-${course}`, code: `BEN${k}D`, title: `Cours ${k}`, schoolId: s.id, credit: 1 });
        sections.push({
          id: section,
          sourcedId: `cs-${section}`,
          title: `Cours ${k}`,
          room: `${100 + k}`,
          courseId: course,
          schoolId: s.id!,
        });
        terms.push({ classSectionId: section, sessionId: session });
        meetings.push(
          { classSectionId: section, cycleDay: 1, periodCode: BELLS[k % 4][0] },
          { classSectionId: section, cycleDay: 2, periodCode: BELLS[(k + 1) % 4][0] },
        );
        teachers.push({ id: teacher, sourcedId: `t-${teacher}`, givenName: "Prof", familyName: `N${k}` });
        enrolments.push({ sourcedId: `e-${section}`, classSectionId: section, role: "TEACHER", teacherId: teacher, primary: true });
        classes.push({ id: section, schoolId: s.id!, session });
      }
  await p.course.createMany({ data: courses });
  await p.classSection.createMany({ data: sections });
  await p.classTerm.createMany({ data: terms });
  await p.classMeeting.createMany({ data: meetings });
  await p.teacher.createMany({ data: teachers });

  const guardians: Prisma.GuardianCreateManyInput[] = [],
    accounts: Prisma.AccountCreateManyInput[] = [],
    students: Prisma.StudentCreateManyInput[] = [];
  const links: Prisma.GuardianStudentCreateManyInput[] = [],
    attendance: Prisma.AttendanceCreateManyInput[] = [],
    credits: Prisma.CreditCreateManyInput[] = [];
  const fixture: Fixture = { accounts: [], children: [] };
  const schoolDays = days.filter((d) => d.instructional).map((d) => iso(d.date as Date));
  for (let f = 0; f < FAMILIES; f++) {
    const g = id(),
      a = id();
    guardians.push({ id: g, sourcedId: `g-${g}`, givenName: "Parent", familyName: `Famille${f}`, email: `p${f}@bench.test` });
    accounts.push({ id: a, email: `p${f}@bench.test`, guardianId: g, status: "ACTIVE" });
    fixture.accounts.push(a);
    for (let c = 0; c < 2; c++) {
      const school = schools[Math.floor(rnd() * SCHOOLS)];
      const secondary = school.level === "SECONDARY";
      const st = id();
      students.push({
        id: st,
        sourcedId: `s-${st}`,
        givenName: `Enfant${c}`,
        familyName: `Famille${f}`,
        grade: secondary ? "10" : "04",
        schoolId: school.id,
      });
      links.push({ guardianId: g, studentId: st });
      fixture.children.push([a, st, secondary]);
      const mine = classes.filter((k) => k.schoolId === school.id);
      for (const k of mine.filter(() => rnd() < 0.5))
        enrolments.push({ sourcedId: `e-${st}-${k.id}`, classSectionId: k.id, role: "STUDENT", studentId: st });
      // about 20 attendance events over the year: absences (whole day or period), lates, early departures
      for (let e = 0; e < 20; e++) {
        const date = schoolDays[Math.floor(rnd() * schoolDays.length)];
        const whole = rnd() < 0.4;
        const status = rnd() < 0.6 ? "ABSENT" : rnd() < 0.8 ? "LATE" : "EARLY_DEPARTURE";
        attendance.push({
          key: `${st}|${date}|${e}`,
          studentId: st,
          date: day(date),
          periodCode: whole ? null : BELLS[e % 4][0],
          status,
          excused: rnd() < 0.5,
          minutes: status === "LATE" ? 10 : null,
        });
      }
      if (secondary)
        for (let k = 0; k < 16; k++) {
          credits.push({
            key: `${st}|CR${k}`,
            studentId: st,
            courseCode: `CR${k}`,
            courseTitle: `Cours ${k}`,
            value: 1,
            mark: 70,
            schoolYear: "2025-2026",
            compulsoryCategory: k < 10 ? "MAT" : null,
          });
        }
    }
  }
  await many(guardians, (c) => p.guardian.createMany({ data: c }));
  await many(accounts, (c) => p.account.createMany({ data: c }));
  await many(students, (c) => p.student.createMany({ data: c }));
  await many(links, (c) => p.guardianStudent.createMany({ data: c }));
  await many(enrolments, (c) => p.enrollment.createMany({ data: c }));
  await many(attendance, (c) => p.attendance.createMany({ data: c }));
  await many(credits, (c) => p.credit.createMany({ data: c }));
  return fixture;
}

function mulberry(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Op = { name: string; run: (ctx: CoreContext, f: Fixture, i: number) => Promise<unknown> };
const OPS: Op[] = [
  { name: "listChildren", run: (ctx, f, i) => listChildren(ctx, { accountId: f.accounts[i % f.accounts.length] }) },
  {
    name: "getSchedule (a week)",
    run: (ctx, f, i) => {
      const [a, c] = f.children[i % f.children.length];
      return getSchedule(ctx, { accountId: a, childId: c, from: "2026-11-23", to: "2026-11-29" });
    },
  },
  {
    name: "getAttendance (a month)",
    run: (ctx, f, i) => {
      const [a, c] = f.children[i % f.children.length];
      return getAttendance(ctx, { accountId: a, childId: c, from: "2026-11-01", to: "2026-11-30" });
    },
  },
  {
    name: "getCredits",
    run: (ctx, f, i) => {
      const sec = f.children.filter((x) => x[2]);
      const [a, c] = sec[i % sec.length];
      return getCredits(ctx, { accountId: a, childId: c });
    },
  },
];

async function measure(db: Database, label: string): Promise<Map<string, { ops: number; n: number }>> {
  const t0 = performance.now();
  await migrateDatabase(db);
  const fixture = await fill(db);
  console.log(
    `${label}: migrated and filled (${FAMILIES} families, ${fixture.children.length} students) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const ctx: CoreContext = {
    prisma: db.prisma,
    config: loadConfig({ DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "records-bench-")) }),
    log: silentLogger,
    now: () => new Date("2026-11-23T12:00:00-05:00"),
  };
  const out = new Map<string, { ops: number; n: number }>();
  for (const op of OPS) {
    for (let i = 0; i < 20; i++) await op.run(ctx, fixture, i); // warm-up
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < MIN_MS) await op.run(ctx, fixture, n++);
    out.set(op.name, { ops: (n * 1000) / (performance.now() - start), n });
  }
  return out;
}

const withPostgres = <T>(url: string, fn: (db: Database) => Promise<T>) => withScratchPostgres(url, "ap_bench", fn);

export async function run(): Promise<void> {
  const lite = await openDatabase({ pglite: new PGlite() });
  let liteRes: Map<string, { ops: number; n: number }>;
  try {
    liteRes = await measure(lite, "PGlite");
  } finally {
    await lite.close();
  }
  const url = process.env.DATABASE_URL;
  const pgRes = url ? await withPostgres(url, (db) => measure(db, "PostgreSQL")) : null;
  if (!url) console.log("(DATABASE_URL unset: PostgreSQL column skipped)");
  const rows = OPS.map((op) => {
    const a = liteRes.get(op.name)!,
      b = pgRes?.get(op.name);
    return [op.name, a.ops.toFixed(0), b ? b.ops.toFixed(0) : "—", b ? `${(b.ops / a.ops).toFixed(2)}×` : "—"];
  });
  const head = ["operation (sequential, 1 client)", "PGlite ops/s", "PostgreSQL ops/s", "PG / PGlite"];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join("  ");
  console.log(line(head));
  for (const r of rows) console.log(line(r));
}

if (require.main === module) {
  run().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
