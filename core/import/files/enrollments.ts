// OneRoster enrollments.csv: who is in which class. The same (class, user) pair may appear once per term with
// different sourcedIds and dates (real exports do it), so the key is the enrollment's sourcedId only.
import type { FileDef } from "../file-pass";
import { bySourcedId } from "../sync-rows";
import { isDeletion, parseBool, parseOptionalDay, required, RowError } from "../values";

const enrollmentSpec = bySourcedId("enrollment", ["classSectionId", "role", "studentId", "teacherId", "primary", "beginDate", "endDate"], {
  remove: async (db, rows) =>
    (await db.enrollment.deleteMany({ where: { sourcedId: { in: rows.map((r) => r.sourcedId as string) } } })).count,
});

export const enrollmentsFile: FileDef = {
  file: "enrollments.csv",
  required: ["sourcedId", "classSourcedId", "userSourcedId", "role"],
  parse(row, st) {
    const sourcedId = required(row.get("sourcedId"), "sourcedId");
    if (isDeletion(row.get("status"))) return { spec: enrollmentSpec, data: { sourcedId }, remove: true };
    const classRef = required(row.get("classSourcedId"), "classSourcedId");
    const userRef = required(row.get("userSourcedId"), "userSourcedId");
    const role = required(row.get("role"), "role").toLowerCase();
    const classSectionId = st.classes.get(classRef);
    if (!classSectionId) throw new RowError(`classSourcedId ${classRef} is not in classes.csv`);
    const beginDate = parseOptionalDay(row.get("beginDate"), "beginDate");
    const endDate = parseOptionalDay(row.get("endDate"), "endDate");
    if (beginDate && endDate && endDate < beginDate) throw new RowError("endDate is before beginDate");
    const common = { sourcedId, classSectionId, primary: parseBool(row.get("primary"), "primary", false), beginDate, endDate };
    if (role === "student") {
      const student = st.students.get(userRef);
      if (!student) throw new RowError(`student ${userRef} is not in users.csv`);
      return { spec: enrollmentSpec, data: { ...common, role: "STUDENT", studentId: student.id, teacherId: null } };
    }
    if (role === "teacher" || role === "aide") {
      const teacherId = st.teachers.get(userRef);
      if (!teacherId) throw new RowError(`teacher ${userRef} is not in users.csv`);
      return { spec: enrollmentSpec, data: { ...common, role: "TEACHER", studentId: null, teacherId } };
    }
    return null;
  },
};
