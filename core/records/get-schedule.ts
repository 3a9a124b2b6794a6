// The child's timetable (the portal's « Emploi du temps » tab), day by day over a range of dates.
// A day's classes are: the student's enrolments active that day (beginDate/endDate) whose class runs in a
// term containing the day (so next semester shows when asked for a date in it), meeting on that day's cycle
// day (or every day), placed in the bell schedule's order. Days off come from the school calendar.
import type { CoreContext } from "../context";
import { requireChild } from "./access";
import { addDays, dayString, parseRange } from "./dates";

/** A month is what a parent asks at most (« ce mois-ci »); longer ranges are refused, not cut. */
export const MAX_SCHEDULE_DAYS = 31;

export interface GetScheduleOptions {
  accountId: string;
  childId: string;
  /** yyyy-MM-dd, inclusive. */
  from: string;
  to: string;
}

export interface SchedulePeriod {
  periodCode: string;
  periodLabel: string;
  startTime: string | null;
  endTime: string | null;
  courseCode: string | null;
  courseTitle: string;
  room: string | null;
  teacherName: string | null;
}

export interface ScheduleDay {
  date: string;
  /** false: weekend, day off (journée pédagogique, congé), no classes. */
  schoolDay: boolean;
  cycleDay: number | null;
  /** The calendar's note: « Journée pédagogique », « Congé de l'Action de grâce »… */
  note: string | null;
  /** Why there is no school: the calendar says so, or it is a weekend. */
  noSchoolReason: "weekend" | "calendar" | null;
  periods: SchedulePeriod[];
}

export interface Schedule {
  childId: string;
  school: { code: string; name: string } | null;
  days: ScheduleDay[];
}

const enrolmentSelect = {
  beginDate: true,
  endDate: true,
  classSection: {
    select: {
      id: true,
      title: true,
      room: true,
      periods: true,
      schoolId: true,
      course: { select: { code: true, title: true } },
      terms: { select: { session: { select: { startDate: true, endDate: true } } } },
      meetings: { select: { cycleDay: true, periodCode: true, room: true } },
      enrollments: {
        where: { role: "TEACHER" as const },
        select: { primary: true, teacher: { select: { givenName: true, familyName: true } } },
      },
    },
  },
} as const;

const within = (d: Date, from: Date | null, to: Date | null) => (!from || from <= d) && (!to || d <= to);

export async function getSchedule(ctx: CoreContext, opts: GetScheduleOptions): Promise<Schedule> {
  const child = await requireChild(ctx, opts.accountId, opts.childId);
  const range = parseRange(opts.from, opts.to, MAX_SCHEDULE_DAYS);

  const [enrolments, calendar] = await Promise.all([
    ctx.prisma.enrollment.findMany({
      where: {
        studentId: child.id,
        role: "STUDENT",
        AND: [
          { OR: [{ beginDate: null }, { beginDate: { lte: range.to } }] },
          { OR: [{ endDate: null }, { endDate: { gte: range.from } }] },
        ],
      },
      select: enrolmentSelect,
    }),
    child.schoolId
      ? ctx.prisma.schoolDay.findMany({
          where: { schoolId: child.schoolId, date: { gte: range.from, lte: range.to } },
          select: { date: true, cycleDay: true, instructional: true, note: true },
        })
      : Promise.resolve([]),
  ]);
  const schoolIds = [...new Set([child.schoolId, ...enrolments.map((e) => e.classSection.schoolId)].filter((x): x is string => !!x))];
  const bells = await ctx.prisma.bellPeriod.findMany({
    where: { schoolId: { in: schoolIds } },
    select: { schoolId: true, code: true, label: true, startTime: true, endTime: true, sortOrder: true },
  });
  const bellOf = new Map(bells.map((b) => [`${b.schoolId}|${b.code}`, b]));
  const calendarOf = new Map(calendar.map((c) => [dayString(c.date), c]));

  const days: ScheduleDay[] = [];
  for (let i = 0; i < range.days; i++) {
    const date = addDays(range.from, i);
    const key = dayString(date);
    const cal = calendarOf.get(key);
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    // A weekday the calendar does not list is taken as a class day without a cycle day (schools that
    // publish no cycle): only classes meeting every day show. A listed day off wins over everything.
    const schoolDay = cal ? cal.instructional && cal.cycleDay !== null : !weekend;
    const day: ScheduleDay = {
      date: key,
      schoolDay,
      cycleDay: cal?.cycleDay ?? null,
      note: cal?.note ?? null,
      noSchoolReason: schoolDay ? null : cal ? "calendar" : "weekend",
      periods: [],
    };
    if (schoolDay) {
      const placed: { period: SchedulePeriod; sort: number }[] = [];
      for (const e of enrolments) {
        const cs = e.classSection;
        if (!within(date, e.beginDate, e.endDate)) continue;
        if (cs.terms.length > 0 && !cs.terms.some((t) => within(date, t.session.startDate, t.session.endDate))) continue;
        const meetings =
          cs.meetings.length > 0
            ? cs.meetings.filter((m) => m.cycleDay === null || m.cycleDay === day.cycleDay)
            : cs.periods.map((p) => ({ cycleDay: null, periodCode: p, room: null })); // OneRoster periods only
        const teacher = [...cs.enrollments].sort((a, b) => Number(b.primary) - Number(a.primary))[0]?.teacher;
        for (const m of meetings) {
          const bell = bellOf.get(`${cs.schoolId}|${m.periodCode}`) ?? bellOf.get(`${child.schoolId}|${m.periodCode}`);
          placed.push({
            sort: bell?.sortOrder ?? Number.MAX_SAFE_INTEGER,
            period: {
              periodCode: m.periodCode,
              periodLabel: bell?.label ?? m.periodCode,
              startTime: bell?.startTime ?? null,
              endTime: bell?.endTime ?? null,
              courseCode: cs.course?.code ?? null,
              courseTitle: cs.course?.title ?? cs.title,
              room: m.room ?? cs.room ?? null,
              teacherName: teacher ? `${teacher.givenName} ${teacher.familyName}` : null,
            },
          });
        }
      }
      placed.sort((a, b) => a.sort - b.sort || (a.period.startTime ?? "").localeCompare(b.period.startTime ?? ""));
      day.periods = placed.map((x) => x.period);
    }
    days.push(day);
  }
  return { childId: child.id, school: child.school ? { code: child.school.code, name: child.school.name } : null, days };
}
