// Our own schedule files, for what OneRoster lacks:
// - bellSchedule.csv: a school's periods and their times;
// - schoolDays.csv: the calendar, which cycle day (Jour 1…N) each date is, or a day without classes;
// - classMeetings.csv: when a class meets (cycle day, period, room).
import type { FileDef } from "../file-pass";
import { findSchool } from "../import-state";
import type { EntitySpec, Row } from "../sync-rows";
import { emptyToNull, isDeletion, parseBool, parseDay, parseInteger, parseTime, required, RowError } from "../values";

function schoolOf(st: Parameters<FileDef["parse"]>[1], value: string) {
  const code = required(value, "schoolCode");
  const school = findSchool(st, code);
  if (!school) throw new RowError(`schoolCode ${code} is not a known school (schools.csv or orgs.csv)`);
  return school;
}

const bellSpec: EntitySpec = {
  model: "bellPeriod",
  idField: "id",
  generateId: true,
  keyFields: ["schoolId", "code"],
  fields: ["label", "startTime", "endTime", "sortOrder"],
  canCreate: true,
  keyOf: (r) => `${String(r.schoolId)}|${String(r.code)}`,
  findWhere: (rows) => ({ schoolId: { in: [...new Set(rows.map((r) => r.schoolId as string))] } }),
  remove: async (db, rows) =>
    (await db.bellPeriod.deleteMany({ where: { OR: rows.map((r) => ({ schoolId: r.schoolId as string, code: r.code as string })) } }))
      .count,
};

export const bellScheduleFile: FileDef = {
  file: "bellSchedule.csv",
  required: ["schoolCode", "periodCode", "startTime", "endTime"],
  parse(row, st) {
    const school = schoolOf(st, row.get("schoolCode"));
    const code = required(row.get("periodCode"), "periodCode");
    if (isDeletion(row.get("status"))) return { spec: bellSpec, data: { schoolId: school.id, code }, remove: true };
    const startTime = parseTime(row.get("startTime"), "startTime");
    const endTime = parseTime(row.get("endTime"), "endTime");
    if (endTime <= startTime) throw new RowError("endTime is not after startTime");
    // Without a sortOrder column, periods keep the order of the file (its line numbers).
    const sortOrder = parseInteger(row.get("sortOrder"), "sortOrder") ?? row.line;
    return { spec: bellSpec, data: { schoolId: school.id, code, label: row.get("label") || code, startTime, endTime, sortOrder } };
  },
};

const daySpec: EntitySpec = {
  model: "schoolDay",
  idField: "id",
  generateId: true,
  keyFields: ["schoolId", "date"],
  fields: ["cycleDay", "instructional", "note"],
  canCreate: true,
  keyOf: (r) => `${String(r.schoolId)}|${(r.date as Date).toISOString().slice(0, 10)}`,
  findWhere: (rows) => {
    const dates = rows.map((r) => (r.date as Date).getTime());
    return {
      schoolId: { in: [...new Set(rows.map((r) => r.schoolId as string))] },
      date: { gte: new Date(Math.min(...dates)), lte: new Date(Math.max(...dates)) },
    };
  },
  remove: async (db, rows) =>
    (await db.schoolDay.deleteMany({ where: { OR: rows.map((r) => ({ schoolId: r.schoolId as string, date: r.date as Date })) } })).count,
};

export const schoolDaysFile: FileDef = {
  file: "schoolDays.csv",
  required: ["schoolCode", "date"],
  parse(row, st) {
    const school = schoolOf(st, row.get("schoolCode"));
    const date = parseDay(row.get("date"), "date");
    if (isDeletion(row.get("status"))) return { spec: daySpec, data: { schoolId: school.id, date }, remove: true };
    const cycleDay = parseInteger(row.get("cycleDay"), "cycleDay");
    if (cycleDay !== null && cycleDay < 1) throw new RowError("cycleDay must be 1 or more");
    const instructional = parseBool(row.get("instructional"), "instructional", cycleDay !== null);
    return { spec: daySpec, data: { schoolId: school.id, date, cycleDay, instructional, note: emptyToNull(row.get("note")) } };
  },
};

const meetingSpec: EntitySpec = {
  model: "classMeeting",
  idField: "id",
  generateId: true,
  keyFields: ["classSectionId", "cycleDay", "periodCode"],
  fields: ["room"],
  canCreate: true,
  keyOf: (r) => `${String(r.classSectionId)}|${r.cycleDay ?? "*"}|${String(r.periodCode)}`,
  findWhere: (rows) => ({ classSectionId: { in: [...new Set(rows.map((r) => r.classSectionId as string))] } }),
  remove: async (db, rows) =>
    (
      await db.classMeeting.deleteMany({
        where: {
          OR: rows.map((r) => ({
            classSectionId: r.classSectionId as string,
            cycleDay: (r.cycleDay as number | null) ?? null,
            periodCode: r.periodCode as string,
          })),
        },
      })
    ).count,
};

export const classMeetingsFile: FileDef = {
  file: "classMeetings.csv",
  required: ["classSourcedId", "periodCode"],
  parse(row, st) {
    const ref = required(row.get("classSourcedId"), "classSourcedId");
    const classSectionId = st.classes.get(ref);
    if (!classSectionId) throw new RowError(`classSourcedId ${ref} is not in classes.csv`);
    const cycleDay = parseInteger(row.get("cycleDay"), "cycleDay");
    const data: Row = { classSectionId, cycleDay, periodCode: required(row.get("periodCode"), "periodCode") };
    if (isDeletion(row.get("status"))) return { spec: meetingSpec, data, remove: true };
    return { spec: meetingSpec, data: { ...data, room: emptyToNull(row.get("room")) } };
  },
};
