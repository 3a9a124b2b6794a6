// Test factory of school records: bell schedule, calendar (cycle days and days off), terms, classes with
// their meetings and teacher, enrolments, attendance, report cards, credits and diploma progress.
// Values are unique per call (see families.ts `unique`), so tests and the benchmark never collide.
import type { PrismaClient, Prisma } from "../../core/db/generated/client";
import type { AttendanceStatus, LiteracyStatus } from "../../core/db/generated/enums";
import { reportCardFileName, studentLevel } from "../../core/records/report-card-file-name";
import { day, unique } from "./families";

type Db = PrismaClient | Prisma.TransactionClient;
type School = { id: string; code: string; level: string };
type Student = { id: string; givenName: string; familyName: string; oen: string | null; grade: string | null };

export const DEFAULT_BELLS = [
  { code: "1", label: "Période 1", startTime: "08:15", endTime: "09:30" },
  { code: "2", label: "Période 2", startTime: "09:35", endTime: "10:50" },
  { code: "DINER", label: "Dîner", startTime: "10:50", endTime: "11:30" },
  { code: "3", label: "Période 3", startTime: "11:35", endTime: "12:50" },
  { code: "4", label: "Période 4", startTime: "12:55", endTime: "14:10" },
];

export async function makeBellSchedule(db: Db, school: School, bells = DEFAULT_BELLS) {
  await db.bellPeriod.createMany({ data: bells.map((b, i) => ({ schoolId: school.id, ...b, sortOrder: i + 1 })) });
}

/**
 * School days from `from` to `to` (weekdays only), numbered 1…cycleLength in turn; `daysOff` maps a date
 * to its note (« Journée pédagogique ») and breaks no cycle (the next class day takes the next number).
 */
export async function makeCalendar(
  db: Db,
  school: School,
  from: string,
  to: string,
  cycleLength = 2,
  daysOff: Record<string, string> = {},
) {
  const rows: Prisma.SchoolDayCreateManyInput[] = [];
  let n = 0;
  for (let d = day(from); d <= day(to); d = new Date(d.getTime() + 86_400_000)) {
    const wd = d.getUTCDay();
    if (wd === 0 || wd === 6) continue;
    const key = d.toISOString().slice(0, 10);
    if (daysOff[key]) {
      rows.push({ schoolId: school.id, date: d, cycleDay: null, instructional: false, note: daysOff[key] });
      continue;
    }
    rows.push({ schoolId: school.id, date: d, cycleDay: (n % cycleLength) + 1, instructional: true });
    n += 1;
  }
  await db.schoolDay.createMany({ data: rows });
}

export async function makeSession(db: Db, o: { title?: string; type?: string; start: string; end: string; schoolYear?: number }) {
  return db.academicSession.create({
    data: {
      sourcedId: unique("sess"),
      title: o.title ?? "Semestre",
      type: o.type ?? "semester",
      startDate: day(o.start),
      endDate: day(o.end),
      schoolYear: o.schoolYear ?? 2027,
    },
  });
}

export interface MakeClassOptions {
  school: School;
  courseCode?: string;
  courseTitle?: string;
  room?: string | null;
  sessions?: { id: string }[];
  /** [cycleDay | null, periodCode, room?] */
  meetings?: [number | null, string, string?][];
  teacher?: { givenName: string; familyName: string } | null;
  credit?: number;
  compulsoryCategory?: string | null;
}

export async function makeClass(db: Db, o: MakeClassOptions) {
  const code = o.courseCode ?? unique("C").toUpperCase();
  const course = await db.course.create({
    data: {
      sourcedId: unique("course"),
      code,
      title: o.courseTitle ?? `Cours ${code}`,
      schoolId: o.school.id,
      credit: o.credit ?? 1,
      compulsoryCategory: o.compulsoryCategory ?? null,
    },
  });
  const section = await db.classSection.create({
    data: {
      sourcedId: unique("class"),
      title: `${course.title} — groupe`,
      room: o.room === undefined ? "101" : o.room,
      courseId: course.id,
      schoolId: o.school.id,
    },
  });
  if (o.sessions?.length) await db.classTerm.createMany({ data: o.sessions.map((s) => ({ classSectionId: section.id, sessionId: s.id })) });
  const meetings = o.meetings ?? [[null, "1"]];
  await db.classMeeting.createMany({
    data: meetings.map(([cycleDay, periodCode, room]) => ({ classSectionId: section.id, cycleDay, periodCode, room: room ?? null })),
  });
  if (o.teacher !== null) {
    const t = o.teacher ?? { givenName: "Claire", familyName: unique("Prof") };
    const teacher = await db.teacher.create({ data: { sourcedId: unique("teacher"), ...t } });
    await db.enrollment.create({
      data: { sourcedId: unique("enr"), classSectionId: section.id, role: "TEACHER", teacherId: teacher.id, primary: true },
    });
  }
  return { course, section };
}

export async function enrol(db: Db, student: Student, section: { id: string }, o: { begin?: string; end?: string } = {}) {
  return db.enrollment.create({
    data: {
      sourcedId: unique("enr"),
      classSectionId: section.id,
      role: "STUDENT",
      studentId: student.id,
      beginDate: o.begin ? day(o.begin) : null,
      endDate: o.end ? day(o.end) : null,
    },
  });
}

export async function makeAttendance(
  db: Db,
  student: Student,
  o: {
    date: string;
    periodCode?: string | null;
    status: AttendanceStatus;
    excused?: boolean;
    reason?: string | null;
    minutes?: number | null;
  },
) {
  return db.attendance.create({
    data: {
      key: `${student.id}|${o.date}|${o.periodCode ?? "DAY"}|${unique("k")}`,
      studentId: student.id,
      date: day(o.date),
      periodCode: o.periodCode ?? null,
      status: o.status,
      excused: o.excused ?? false,
      reason: o.reason ?? null,
      minutes: o.minutes ?? null,
    },
  });
}

export async function makeReportCard(
  db: Db,
  student: Student,
  school: School,
  o: { reportName?: string; schoolYear?: string; term?: string | null; publishedAt?: string; storagePath?: string | null } = {},
) {
  const reportName = o.reportName ?? "Bulletin de progrès";
  const schoolYear = o.schoolYear ?? "2026-2027";
  const publishedAt = o.publishedAt ?? "2026-11-20";
  return db.reportCard.create({
    data: {
      sourcedId: unique("rc"),
      studentId: student.id,
      reportName,
      schoolYear,
      term: o.term === undefined ? "Étape 1" : o.term,
      publishedAt: day(publishedAt),
      storagePath: o.storagePath ?? null,
      fileName: reportCardFileName({
        level: studentLevel(school.level, student.grade),
        studentFamilyName: student.familyName,
        studentGivenName: student.givenName,
        schoolCode: school.code,
        oen: student.oen,
        reportName,
        schoolYear,
        publishedAt,
      }),
    },
  });
}

export async function makeCredits(
  db: Db,
  student: Student,
  credits: { code?: string; value?: number; mark?: number; year?: string; compulsory?: string | null }[],
) {
  await db.credit.createMany({
    data: credits.map((c) => {
      const code = c.code ?? unique("CRS").toUpperCase();
      const year = c.year ?? "2025-2026";
      return {
        key: `${student.id}|${code}|${year}`,
        studentId: student.id,
        courseCode: code,
        courseTitle: `Cours ${code}`,
        value: c.value ?? 1,
        mark: c.mark ?? 75,
        schoolYear: year,
        compulsoryCategory: c.compulsory ?? null,
      };
    }),
  });
}

export async function makeDiplomaProgress(db: Db, student: Student, o: { communityHours?: number; literacyStatus?: LiteracyStatus } = {}) {
  return db.diplomaProgress.create({
    data: { studentId: student.id, communityHours: o.communityHours ?? 0, literacyStatus: o.literacyStatus ?? "NOT_ATTEMPTED" },
  });
}
