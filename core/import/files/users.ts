// OneRoster users.csv: students, teachers, and the families — users with role parent, guardian or relative —
// linked to students through agentSourcedIds in either direction (parent → student, student → parent).
// The links are made once the whole file is read, since a parent may come before or after the children.
import crypto from "node:crypto";
import type { FileDef, RowOp } from "../file-pass";
import type { ImportState } from "../import-state";
import { addWarning, newFileReport, type FileReport } from "../summary";
import { bySourcedId } from "../sync-rows";
import { normalizeEmail } from "../../util/text";
import { emptyToNull, isDeletion, parseBool, parseGrade, parseList, required } from "../values";

const GUARDIAN_ROLES = new Set(["parent", "guardian", "relative"]);
const TEACHER_ROLES = new Set(["teacher", "aide"]);

const studentSpec = bySourcedId("student", ["givenName", "familyName", "grade", "schoolId", "email", "active"], {
  // A withdrawn student is kept (records, tickets and history hang off the row), only deactivated.
  remove: async (db, rows) =>
    (
      await db.student.updateMany({
        where: { sourcedId: { in: rows.map((r) => r.sourcedId as string) }, active: true },
        data: { active: false },
      })
    ).count,
});

const teacherSpec = bySourcedId("teacher", ["givenName", "familyName", "email"], {
  remove: async (db, rows) => (await db.teacher.deleteMany({ where: { sourcedId: { in: rows.map((r) => r.sourcedId as string) } } })).count,
});

const guardianSpec = bySourcedId("guardian", ["givenName", "familyName", "email", "phone"], {
  // The guardian row stays (an account may point at it); the portal no longer shows them any child.
  remove: async (db, rows) =>
    (await db.guardianStudent.deleteMany({ where: { guardian: { sourcedId: { in: rows.map((r) => r.sourcedId as string) } } } })).count,
});

export const usersFile: FileDef = {
  file: "users.csv",
  required: ["sourcedId", "role", "givenName", "familyName"],
  parse(row, st, rep) {
    const sourcedId = required(row.get("sourcedId"), "sourcedId");
    // A delta export's deletion may carry nothing but its sourcedId and status: the stored row says who it is.
    if (isDeletion(row.get("status"))) return removal(row.get("role").toLowerCase(), sourcedId, row.line, st, rep);
    const role = required(row.get("role"), "role").toLowerCase();
    parseBool(row.get("enabledUser"), "enabledUser", true); // validated only: a disabled SIS login is not a withdrawal
    const agents = parseList(row.get("agentSourcedIds"));
    const givenName = required(row.get("givenName"), "givenName");
    const familyName = required(row.get("familyName"), "familyName");
    const email = emptyToNull(row.get("email"));
    if (role === "student") {
      for (const g of agents) st.agentLinks.add(`${g}|${sourcedId}`);
      const orgs = parseList(row.get("orgSourcedIds"));
      const school = orgs.map((o) => st.schoolsBySourcedId.get(o)).find(Boolean);
      // A reference to an absent org is reported, and must not erase the school already stored for the student.
      if (!school && orgs.length)
        addWarning(
          rep,
          row.line,
          `student ${sourcedId}: no known school among orgSourcedIds ${orgs.join(", ")}; its stored school is kept`,
        );
      return {
        spec: studentSpec,
        data: {
          sourcedId,
          givenName,
          familyName,
          grade: parseGrade(row.get("grades")),
          ...(school ? { schoolId: school.id } : {}),
          email,
          active: true,
        },
      };
    }
    if (GUARDIAN_ROLES.has(role)) {
      st.guardianRowsSeen++;
      for (const s of agents) st.agentLinks.add(`${sourcedId}|${s}`);
      const phone = emptyToNull(row.get("phone")) ?? emptyToNull(row.get("sms"));
      return { spec: guardianSpec, data: { sourcedId, givenName, familyName, email: email ? normalizeEmail(email) : null, phone } };
    }
    if (TEACHER_ROLES.has(role)) {
      return { spec: teacherSpec, data: { sourcedId, givenName, familyName, email } };
    }
    return null; // administrators, proctors…: not people the portal shows
  },
};

/** A tobedeleted/inactive row: by its role when given, else by where its sourcedId is stored. */
function removal(role: string, sourcedId: string, line: number, st: ImportState, rep: FileReport): RowOp | null {
  st.removedUsers.add(sourcedId); // its links in agentSourcedIds elsewhere in the file are not (re)made
  const spec =
    role === "student" || (!role && st.students.has(sourcedId))
      ? studentSpec
      : GUARDIAN_ROLES.has(role) || (!role && st.guardians.has(sourcedId))
        ? guardianSpec
        : TEACHER_ROLES.has(role) || (!role && st.teachers.has(sourcedId))
          ? teacherSpec
          : null;
  if (spec === guardianSpec) st.guardianRowsSeen++;
  if (role && !spec) return null; // an administrator's deletion: nobody the portal stores
  const stored = spec === studentSpec ? st.students : spec === guardianSpec ? st.guardians : st.teachers;
  if (!spec || !stored.has(sourcedId)) {
    addWarning(rep, line, `tobedeleted: ${sourcedId} is not a stored ${role || "student, teacher or guardian"} (nothing to delete)`);
    return null;
  }
  return { spec, data: { sourcedId }, remove: true };
}

/**
 * Creates the guardian–student links read from agentSourcedIds (portalAccess true by default; guardianLinks.csv
 * says otherwise). Links an export no longer lists are kept: only a tobedeleted row removes a link.
 */
export async function linkAgents(st: ImportState): Promise<FileReport> {
  const rep = newFileReport("users.csv (agentSourcedIds links)");
  const db = st.ctx.prisma;
  const pairs: { guardianId: string; studentId: string }[] = [];
  for (const pair of st.agentLinks) {
    const [g, s] = pair.split("|");
    if (st.removedUsers.has(g) || st.removedUsers.has(s)) continue; // deleted in this very file
    const guardianId = st.guardians.get(g);
    const studentId = st.students.get(s)?.id;
    rep.read++;
    if (!guardianId || !studentId) {
      // A student's agent may be another student or a teacher (emergency contact): not a family link.
      if (!guardianId && (st.students.has(g) || st.teachers.has(g))) rep.skipped++;
      else
        addWarning(
          rep,
          0,
          `agentSourcedIds: ${!guardianId ? `guardian ${g}` : `student ${s}`} is not in users.csv (link ${g} → ${s} not made)`,
        );
      continue;
    }
    pairs.push({ guardianId, studentId });
  }
  for (let i = 0; i < pairs.length; i += 500) {
    const chunk = pairs.slice(i, i + 500);
    const stored = await db.guardianStudent.findMany({
      where: { guardianId: { in: [...new Set(chunk.map((p) => p.guardianId))] } },
      select: { guardianId: true, studentId: true },
    });
    const have = new Set(stored.map((p) => `${p.guardianId}|${p.studentId}`));
    const add = chunk.filter((p) => !have.has(`${p.guardianId}|${p.studentId}`));
    rep.unchanged += chunk.length - add.length;
    // One statement, the rows as one JSON parameter: createMany binds three parameters a row, which PGlite pays
    // about a millisecond a row for (core/db/bulk-insert.ts). ON CONFLICT keeps createMany's skipDuplicates.
    if (add.length) {
      const made = await db.$queryRawUnsafe<{ id: string }[]>(
        `INSERT INTO "GuardianStudent" ("id", "guardianId", "studentId") SELECT "id", "guardianId", "studentId" ` +
          `FROM json_populate_recordset(NULL::"GuardianStudent", $1::json) ON CONFLICT ("guardianId", "studentId") DO NOTHING RETURNING "id"`,
        JSON.stringify(add.map((p) => ({ id: crypto.randomUUID(), ...p }))),
      );
      rep.created += made.length;
    }
  }
  if (rep.read > 0) st.reports.push(rep);
  return rep;
}
