// Attendance (the « Assiduité » sub-tab of Détails): absences, lates and early departures over a period,
// with totals, and the yes/no question parents ask most (« Léa était-elle absente lundi? »).
import type { CoreContext } from "../context";
import type { AttendanceStatus } from "../db/generated/enums";
import { requireChild } from "./access";
import { dayString, parseDay, parseRange } from "./dates";

/** A school year and a bit: « depuis le début de l'année » must fit. */
export const MAX_ATTENDANCE_DAYS = 400;

export interface GetAttendanceOptions {
  accountId: string;
  childId: string;
  from: string;
  to: string;
}

export interface AttendanceEntry {
  date: string;
  /** null: the whole day. */
  periodCode: string | null;
  periodLabel: string | null;
  wholeDay: boolean;
  status: Exclude<AttendanceStatus, "PRESENT">;
  excused: boolean;
  reason: string | null;
  minutes: number | null;
  courseTitle: string | null;
}

export interface AttendanceTotals {
  /** Distinct days with a whole-day absence. */
  daysAbsent: number;
  /** Period absences (a whole-day absence is not counted again per period). */
  periodsAbsent: number;
  lates: number;
  earlyDepartures: number;
  excused: number;
  unexcused: number;
}

export interface Attendance {
  childId: string;
  from: string;
  to: string;
  entries: AttendanceEntry[];
  totals: AttendanceTotals;
}

const attendanceSelect = {
  date: true,
  periodCode: true,
  status: true,
  excused: true,
  reason: true,
  minutes: true,
  classSection: { select: { title: true, course: { select: { title: true } } } },
} as const;

async function loadEntries(
  ctx: CoreContext,
  child: { id: string; schoolId: string | null },
  from: Date,
  to: Date,
): Promise<AttendanceEntry[]> {
  const [rows, bells] = await Promise.all([
    ctx.prisma.attendance.findMany({
      where: { studentId: child.id, date: { gte: from, lte: to }, status: { not: "PRESENT" } },
      select: attendanceSelect,
      orderBy: [{ date: "asc" }, { periodCode: "asc" }],
    }),
    child.schoolId
      ? ctx.prisma.bellPeriod.findMany({ where: { schoolId: child.schoolId }, select: { code: true, label: true, sortOrder: true } })
      : Promise.resolve([]),
  ]);
  const bell = new Map(bells.map((b) => [b.code, b]));
  const order = (code: string | null) => (code === null ? -1 : (bell.get(code)?.sortOrder ?? Number.MAX_SAFE_INTEGER));
  return rows
    .map((r) => ({
      date: dayString(r.date),
      periodCode: r.periodCode,
      periodLabel: r.periodCode === null ? null : (bell.get(r.periodCode)?.label ?? r.periodCode),
      wholeDay: r.periodCode === null,
      status: r.status as AttendanceEntry["status"],
      excused: r.excused,
      reason: r.reason,
      minutes: r.minutes,
      courseTitle: r.classSection?.course?.title ?? r.classSection?.title ?? null,
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || order(a.periodCode) - order(b.periodCode));
}

export function attendanceTotals(entries: AttendanceEntry[]): AttendanceTotals {
  const wholeDayAbsences = new Set(entries.filter((e) => e.wholeDay && e.status === "ABSENT").map((e) => e.date));
  return {
    daysAbsent: wholeDayAbsences.size,
    periodsAbsent: entries.filter((e) => !e.wholeDay && e.status === "ABSENT" && !wholeDayAbsences.has(e.date)).length,
    lates: entries.filter((e) => e.status === "LATE").length,
    earlyDepartures: entries.filter((e) => e.status === "EARLY_DEPARTURE").length,
    excused: entries.filter((e) => e.excused).length,
    unexcused: entries.filter((e) => !e.excused).length,
  };
}

export async function getAttendance(ctx: CoreContext, opts: GetAttendanceOptions): Promise<Attendance> {
  const child = await requireChild(ctx, opts.accountId, opts.childId);
  const range = parseRange(opts.from, opts.to, MAX_ATTENDANCE_DAYS);
  const entries = await loadEntries(ctx, child, range.from, range.to);
  return { childId: child.id, from: dayString(range.from), to: dayString(range.to), entries, totals: attendanceTotals(entries) };
}

export interface WasAbsentOnOptions {
  accountId: string;
  childId: string;
  date: string;
}

export interface AbsenceOnDay {
  date: string;
  /** Absent the whole day or at least one period. */
  absent: boolean;
  absentWholeDay: boolean;
  late: boolean;
  entries: AttendanceEntry[];
}

export async function wasAbsentOn(ctx: CoreContext, opts: WasAbsentOnOptions): Promise<AbsenceOnDay> {
  const child = await requireChild(ctx, opts.accountId, opts.childId);
  const day = parseDay(opts.date);
  const entries = await loadEntries(ctx, child, day, day);
  return {
    date: dayString(day),
    absent: entries.some((e) => e.status === "ABSENT"),
    absentWholeDay: entries.some((e) => e.status === "ABSENT" && e.wholeDay),
    late: entries.some((e) => e.status === "LATE"),
    entries,
  };
}
