// OneRoster academicSessions.csv, courses.csv and classes.csv. A course may belong to the district org (no
// school) while its classes belong to the school; a class whose course is absent is kept without it
// (reported); a class must belong to a known school.
import type { FileDef } from "../file-pass";
import type { ImportState } from "../import-state";
import { addWarning, type FileReport } from "../summary";
import { bySourcedId } from "../sync-rows";
import { emptyToNull, isDeletion, parseDay, parseInteger, parseList, parseNumber, required, RowError } from "../values";

const sessionSpec = bySourcedId("academicSession", ["title", "type", "startDate", "endDate", "schoolYear", "parentId"], {
  remove: async (db, rows) =>
    (await db.academicSession.deleteMany({ where: { sourcedId: { in: rows.map((r) => r.sourcedId as string) } } })).count,
});

export const academicSessionsFile: FileDef = {
  file: "academicSessions.csv",
  required: ["sourcedId", "title", "type", "startDate", "endDate", "schoolYear"],
  parse(row, st) {
    const sourcedId = required(row.get("sourcedId"), "sourcedId");
    if (isDeletion(row.get("status"))) return { spec: sessionSpec, data: { sourcedId }, remove: true };
    const startDate = parseDay(row.get("startDate"), "startDate");
    const endDate = parseDay(row.get("endDate"), "endDate");
    if (endDate < startDate) throw new RowError("endDate is before startDate");
    const schoolYear = parseInteger(required(row.get("schoolYear"), "schoolYear"), "schoolYear")!;
    const parent = row.get("parentSourcedId");
    let parentId: string | null = null;
    if (parent) {
      parentId = st.sessions.get(parent) ?? null;
      if (!parentId) st.sessionParents.push({ line: row.line, sourcedId, parent });
    }
    return {
      spec: sessionSpec,
      data: {
        sourcedId,
        title: required(row.get("title"), "title"),
        type: required(row.get("type"), "type"),
        startDate,
        endDate,
        schoolYear,
        parentId,
      },
    };
  },
};

/** Parents read after their children (or absent) are linked, or reported, once every session is stored. */
export async function linkSessionParents(st: ImportState, rep: FileReport): Promise<void> {
  for (const p of st.sessionParents) {
    const parentId = st.sessions.get(p.parent);
    if (!parentId) {
      addWarning(rep, p.line, `parentSourcedId ${p.parent} is not a known academic session (kept without its parent)`);
      continue;
    }
    await st.ctx.prisma.academicSession.updateMany({
      where: { sourcedId: p.sourcedId, OR: [{ parentId: null }, { parentId: { not: parentId } }] },
      data: { parentId },
    });
  }
}

const COURSE_FIELDS = ["title", "code", "schoolId", "credit", "compulsoryCategory"];
const courseSpec = bySourcedId("course", COURSE_FIELDS, {
  remove: async (db, rows) => (await db.course.deleteMany({ where: { sourcedId: { in: rows.map((r) => r.sourcedId as string) } } })).count,
});

export const coursesFile: FileDef = {
  file: "courses.csv",
  required: ["sourcedId", "title"],
  parse(row, st, rep) {
    const sourcedId = required(row.get("sourcedId"), "sourcedId");
    if (isDeletion(row.get("status"))) return { spec: courseSpec, data: { sourcedId }, remove: true };
    const org = row.get("orgSourcedId");
    const school = org ? st.schoolsBySourcedId.get(org) : undefined;
    if (org && !school && !st.otherOrgs.has(org))
      addWarning(rep, row.line, `orgSourcedId ${org} is not in orgs.csv (course kept without a school)`);
    const data: Record<string, unknown> = {
      sourcedId,
      title: required(row.get("title"), "title"),
      code: emptyToNull(row.get("courseCode")),
      schoolId: school?.id ?? null,
    };
    // Our extra columns: written only when the export has them, never cleared by an export without them.
    if (row.has("credits")) data.credit = parseNumber(row.get("credits"), "credits");
    if (row.has("compulsoryCategory")) data.compulsoryCategory = emptyToNull(row.get("compulsoryCategory"));
    return { spec: courseSpec, data };
  },
};

const CLASS_FIELDS = ["title", "classCode", "classType", "room", "periods", "courseId", "schoolId"];
const classSpec = bySourcedId("classSection", CLASS_FIELDS, {
  remove: async (db, rows) =>
    (await db.classSection.deleteMany({ where: { sourcedId: { in: rows.map((r) => r.sourcedId as string) } } })).count,
});

export const classesFile: FileDef = {
  file: "classes.csv",
  required: ["sourcedId", "title", "schoolSourcedId"],
  parse(row, st, rep) {
    const sourcedId = required(row.get("sourcedId"), "sourcedId");
    if (isDeletion(row.get("status"))) return { spec: classSpec, data: { sourcedId }, remove: true };
    const schoolRef = required(row.get("schoolSourcedId"), "schoolSourcedId");
    const school = st.schoolsBySourcedId.get(schoolRef);
    if (!school) throw new RowError(`schoolSourcedId ${schoolRef} is not a school of orgs.csv`);
    const course = row.get("courseSourcedId");
    const courseId = course ? (st.courses.get(course) ?? null) : null;
    if (course && !courseId) addWarning(rep, row.line, `courseSourcedId ${course} is not in courses.csv (class kept without its course)`);
    const terms = row.has("termSourcedIds") ? parseList(row.get("termSourcedIds")) : undefined;
    const termIds: string[] = [];
    for (const t of terms ?? []) {
      const id = st.sessions.get(t);
      if (id) termIds.push(id);
      else addWarning(rep, row.line, `termSourcedIds: ${t} is not in academicSessions.csv`);
    }
    return {
      spec: classSpec,
      data: {
        sourcedId,
        title: required(row.get("title"), "title"),
        classCode: emptyToNull(row.get("classCode")),
        classType: emptyToNull(row.get("classType").toLowerCase()),
        room: emptyToNull(row.get("location")),
        periods: parseList(row.get("periods")),
        courseId,
        schoolId: school.id,
      },
      extra: terms ? termIds : undefined,
    };
  },
  async afterChunk(ops, ids, st) {
    // A class's terms follow the export: missing ones are added, ones it no longer lists are removed.
    const wanted = new Map<string, string[]>();
    for (const { op } of ops) {
      const id = ids.get(String(op.data.sourcedId));
      if (!op.remove && id && Array.isArray(op.extra)) wanted.set(id, op.extra as string[]);
    }
    if (wanted.size === 0) return;
    const db = st.ctx.prisma;
    const stored = await db.classTerm.findMany({ where: { classSectionId: { in: [...wanted.keys()] } } });
    const have = new Set(stored.map((t) => `${t.classSectionId}|${t.sessionId}`));
    const add: { classSectionId: string; sessionId: string }[] = [];
    for (const [classSectionId, sessions] of wanted) {
      for (const sessionId of sessions) if (!have.has(`${classSectionId}|${sessionId}`)) add.push({ classSectionId, sessionId });
    }
    const stale = stored.filter((t) => !wanted.get(t.classSectionId)!.includes(t.sessionId));
    if (add.length) await db.classTerm.createMany({ data: add, skipDuplicates: true });
    if (stale.length)
      await db.classTerm.deleteMany({ where: { OR: stale.map((t) => ({ classSectionId: t.classSectionId, sessionId: t.sessionId })) } });
  },
};
