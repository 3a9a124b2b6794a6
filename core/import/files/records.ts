// Our own record files: attendance, credits earned, diploma requirements and progress, report cards,
// documents and forms, enrolment history. Every row names its student by the users.csv sourcedId.
import type { FileDef } from "../file-pass";
import { findSchool, type ImportState, type StudentRef } from "../import-state";
import { byKeyColumn, bySourcedId, type EntitySpec } from "../sync-rows";
import { reportCardFileName, studentLevel } from "../../records/report-card-file-name";
import { emptyToNull, isDeletion, parseBool, parseDay, parseInteger, parseNumber, parseOptionalDay, required, RowError } from "../values";

function studentOf(st: ImportState, value: string, column = "studentSourcedId"): StudentRef {
  const ref = required(value, column);
  const s = st.students.get(ref);
  if (!s) throw new RowError(`student ${ref} is not in users.csv`);
  return s;
}

const deleteByKey =
  (model: "attendance" | "credit" | "enrolmentHistory") =>
  async (db: Parameters<NonNullable<EntitySpec["remove"]>>[0], rows: Record<string, unknown>[]) =>
    (
      await (db[model] as unknown as { deleteMany(a: object): Promise<{ count: number }> }).deleteMany({
        where: { key: { in: rows.map((r) => r.key as string) } },
      })
    ).count;

const ATTENDANCE_STATUS: Record<string, string> = {
  absent: "ABSENT",
  late: "LATE",
  tardy: "LATE",
  retard: "LATE",
  early_departure: "EARLY_DEPARTURE",
  depart_hatif: "EARLY_DEPARTURE",
  present: "PRESENT",
};

const attendanceSpec = byKeyColumn(
  "attendance",
  ["studentId", "date", "periodCode", "classSectionId", "status", "excused", "reason", "minutes"],
  {
    remove: deleteByKey("attendance"),
  },
);

export const attendanceFile: FileDef = {
  file: "attendance.csv",
  required: ["studentSourcedId", "date", "status"],
  parse(row, st) {
    const studentRef = row.get("studentSourcedId");
    const student = studentOf(st, studentRef);
    const date = parseDay(row.get("date"), "date");
    const periodCode = emptyToNull(row.get("periodCode"));
    const day = date.toISOString().slice(0, 10);
    const key = `${studentRef}|${day}|${periodCode ?? "DAY"}`;
    const statusText = row.get("status").toLowerCase();
    if (statusText === "tobedeleted") return { spec: attendanceSpec, data: { key }, remove: true };
    const status = ATTENDANCE_STATUS[statusText];
    if (!status) throw new RowError(`status: "${row.get("status")}" is not absent, late, early_departure or present`);
    const classRef = row.get("classSourcedId");
    const classSectionId = classRef ? st.classes.get(classRef) : null;
    if (classRef && !classSectionId) throw new RowError(`classSourcedId ${classRef} is not in classes.csv`);
    const minutes = parseInteger(row.get("minutes"), "minutes");
    if (minutes !== null && minutes < 0) throw new RowError("minutes is negative");
    return {
      spec: attendanceSpec,
      data: {
        key,
        studentId: student.id,
        date,
        periodCode,
        classSectionId: classSectionId ?? null,
        status,
        excused: parseBool(row.get("excused"), "excused", false),
        reason: emptyToNull(row.get("reason")),
        minutes,
      },
    };
  },
};

const creditSpec = byKeyColumn(
  "credit",
  ["studentId", "courseCode", "courseTitle", "value", "mark", "schoolYear", "compulsoryCategory", "schoolCode"],
  {
    remove: deleteByKey("credit"),
  },
);

export const creditsFile: FileDef = {
  file: "credits.csv",
  required: ["studentSourcedId", "courseCode", "courseTitle", "value", "schoolYear"],
  parse(row, st) {
    const studentRef = row.get("studentSourcedId");
    const student = studentOf(st, studentRef);
    const courseCode = required(row.get("courseCode"), "courseCode").toUpperCase();
    const schoolYear = required(row.get("schoolYear"), "schoolYear");
    const key = `${studentRef}|${courseCode}|${schoolYear}`;
    if (isDeletion(row.get("status"))) return { spec: creditSpec, data: { key }, remove: true };
    const value = parseNumber(required(row.get("value"), "value"), "value")!;
    if (value <= 0 || value > 4) throw new RowError(`value: ${value} is not a credit value`);
    const mark = parseInteger(row.get("mark"), "mark");
    if (mark !== null && (mark < 0 || mark > 100)) throw new RowError(`mark: ${mark} is not between 0 and 100`);
    return {
      spec: creditSpec,
      data: {
        key,
        studentId: student.id,
        courseCode,
        courseTitle: required(row.get("courseTitle"), "courseTitle"),
        value,
        mark,
        schoolYear,
        compulsoryCategory: emptyToNull(row.get("compulsoryCategory").toUpperCase()),
        schoolCode: emptyToNull(row.get("schoolCode")),
      },
    };
  },
};

const requirementSpec: EntitySpec = {
  model: "diplomaRequirement",
  idField: "code",
  generateId: false,
  keyFields: ["code"],
  fields: ["title", "totalCredits", "compulsoryCredits", "communityHours", "literacyRequired"],
  canCreate: true,
  keyOf: (r) => String(r.code),
  findWhere: (rows) => ({ code: { in: rows.map((r) => r.code as string) } }),
};

export const diplomaRequirementsFile: FileDef = {
  file: "diplomaRequirements.csv",
  required: ["code", "title", "totalCredits", "compulsoryCredits", "communityHours"],
  parse(row) {
    const num = (c: string) => parseNumber(required(row.get(c), c), c)!;
    return {
      spec: requirementSpec,
      data: {
        code: required(row.get("code"), "code").toUpperCase(),
        title: required(row.get("title"), "title"),
        totalCredits: num("totalCredits"),
        compulsoryCredits: num("compulsoryCredits"),
        communityHours: parseInteger(row.get("communityHours"), "communityHours")!,
        literacyRequired: parseBool(row.get("literacyRequired"), "literacyRequired", true),
      },
    };
  },
};

const LITERACY = ["NOT_ATTEMPTED", "PASSED", "NOT_PASSED", "OSSLC_IN_PROGRESS", "OSSLC_PASSED", "DEFERRED"];

const progressSpec: EntitySpec = {
  model: "diplomaProgress",
  idField: "studentId",
  generateId: false,
  keyFields: ["studentId"],
  fields: ["diplomaCode", "communityHours", "literacyStatus", "literacyDate"],
  canCreate: true,
  keyOf: (r) => String(r.studentId),
  findWhere: (rows) => ({ studentId: { in: rows.map((r) => r.studentId as string) } }),
};

export const diplomaProgressFile: FileDef = {
  file: "diplomaProgress.csv",
  required: ["studentSourcedId"],
  parse(row, st) {
    const student = studentOf(st, row.get("studentSourcedId"));
    const literacy = (row.get("literacyStatus") || "NOT_ATTEMPTED").toUpperCase();
    if (!LITERACY.includes(literacy))
      throw new RowError(`literacyStatus: "${row.get("literacyStatus")}" is not one of ${LITERACY.join(", ")}`);
    const hours = parseInteger(row.get("communityHours"), "communityHours") ?? 0;
    if (hours < 0) throw new RowError("communityHours is negative");
    return {
      spec: progressSpec,
      data: {
        studentId: student.id,
        diplomaCode: (row.get("diplomaCode") || "OSSD").toUpperCase(),
        communityHours: hours,
        literacyStatus: literacy,
        literacyDate: parseOptionalDay(row.get("literacyDate"), "literacyDate"),
      },
    };
  },
};

const reportCardSpec = bySourcedId(
  "reportCard",
  ["studentId", "reportName", "schoolYear", "term", "publishedAt", "fileName", "storagePath"],
  {
    remove: async (db, rows) =>
      (await db.reportCard.deleteMany({ where: { sourcedId: { in: rows.map((r) => r.sourcedId as string) } } })).count,
  },
);

export const reportCardsFile: FileDef = {
  file: "reportCards.csv",
  required: ["sourcedId", "studentSourcedId", "reportName", "schoolYear", "publishedAt"],
  parse(row, st) {
    const sourcedId = required(row.get("sourcedId"), "sourcedId");
    if (isDeletion(row.get("status"))) return { spec: reportCardSpec, data: { sourcedId }, remove: true };
    const student = studentOf(st, row.get("studentSourcedId"));
    const reportName = required(row.get("reportName"), "reportName");
    const schoolYear = required(row.get("schoolYear"), "schoolYear");
    if (!/^\d{4}-\d{4}$/.test(schoolYear)) throw new RowError(`schoolYear: "${schoolYear}" is not like 2026-2027`);
    const publishedAt = parseDay(row.get("publishedAt"), "publishedAt");
    const school = student.schoolId ? st.schoolsById.get(student.schoolId) : undefined;
    const schoolCode = emptyToNull(row.get("schoolCode")) ?? school?.code ?? "";
    const fileName =
      emptyToNull(row.get("fileName")) ??
      reportCardFileName({
        level: studentLevel(school?.level, student.grade),
        studentFamilyName: student.familyName,
        studentGivenName: student.givenName,
        schoolCode,
        oen: student.oen,
        reportName,
        schoolYear,
        publishedAt,
      });
    return {
      spec: reportCardSpec,
      data: {
        sourcedId,
        studentId: student.id,
        reportName,
        schoolYear,
        term: emptyToNull(row.get("term")),
        publishedAt,
        fileName,
        storagePath: emptyToNull(row.get("storagePath")),
      },
    };
  },
};

const DOCUMENT_KINDS = ["FORM", "CONSENT", "PERMISSION", "LETTER", "OTHER"];
const documentSpec = bySourcedId(
  "document",
  ["kind", "title", "fileName", "storagePath", "studentId", "schoolId", "dueDate", "publishedAt"],
  {
    remove: async (db, rows) =>
      (await db.document.deleteMany({ where: { sourcedId: { in: rows.map((r) => r.sourcedId as string) } } })).count,
  },
);

export const documentsFile: FileDef = {
  file: "documents.csv",
  required: ["sourcedId", "kind", "title", "fileName", "publishedAt"],
  parse(row, st) {
    const sourcedId = required(row.get("sourcedId"), "sourcedId");
    if (isDeletion(row.get("status"))) return { spec: documentSpec, data: { sourcedId }, remove: true };
    const kind = required(row.get("kind"), "kind").toUpperCase();
    if (!DOCUMENT_KINDS.includes(kind))
      throw new RowError(`kind: "${row.get("kind")}" is not one of ${DOCUMENT_KINDS.join(", ").toLowerCase()}`);
    const studentRef = row.get("studentSourcedId");
    const schoolRef = row.get("schoolCode");
    const school = schoolRef ? findSchool(st, schoolRef) : undefined;
    if (schoolRef && !school) throw new RowError(`schoolCode ${schoolRef} is not a known school`);
    if (!studentRef && !school) throw new RowError("a document needs a studentSourcedId or a schoolCode");
    return {
      spec: documentSpec,
      data: {
        sourcedId,
        kind,
        title: required(row.get("title"), "title"),
        fileName: required(row.get("fileName"), "fileName"),
        storagePath: emptyToNull(row.get("storagePath")),
        studentId: studentRef ? studentOf(st, studentRef).id : null,
        schoolId: school?.id ?? null,
        dueDate: parseOptionalDay(row.get("dueDate"), "dueDate"),
        publishedAt: parseDay(row.get("publishedAt"), "publishedAt"),
      },
    };
  },
};

const historySpec = byKeyColumn("enrolmentHistory", ["studentId", "schoolId", "grade", "startDate", "endDate", "reason"], {
  remove: deleteByKey("enrolmentHistory"),
});

export const enrolmentHistoryFile: FileDef = {
  file: "enrolmentHistory.csv",
  required: ["studentSourcedId", "schoolCode", "startDate"],
  parse(row, st) {
    const studentRef = row.get("studentSourcedId");
    const student = studentOf(st, studentRef);
    const schoolRef = required(row.get("schoolCode"), "schoolCode");
    const school = findSchool(st, schoolRef);
    if (!school) throw new RowError(`schoolCode ${schoolRef} is not a known school`);
    const startDate = parseDay(row.get("startDate"), "startDate");
    const key = `${studentRef}|${school.code}|${startDate.toISOString().slice(0, 10)}`;
    if (isDeletion(row.get("status"))) return { spec: historySpec, data: { key }, remove: true };
    const endDate = parseOptionalDay(row.get("endDate"), "endDate");
    if (endDate && endDate < startDate) throw new RowError("endDate is before startDate");
    return {
      spec: historySpec,
      data: {
        key,
        studentId: student.id,
        schoolId: school.id,
        grade: emptyToNull(row.get("grade").toUpperCase()),
        startDate,
        endDate,
        reason: emptyToNull(row.get("reason")),
      },
    };
  },
};
