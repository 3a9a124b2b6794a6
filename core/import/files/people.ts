// Details OneRoster lacks, in our own files, and OneRoster demographics.csv:
// - demographics.csv: birth date, sex and the rest as given, on the student;
// - students.csv: OEN (NISO), preferred name, home address and phone, photo, emergency contacts;
// - guardians.csv: a guardian's civic number, address and preferred language (seed 1 §1.2 checks the civic number);
// - guardianLinks.csv: relationship, portalAccess (false: « je ne vois pas tous mes enfants ») and livesWith.
// These files only add details: a row for a person users.csv does not have is an error. A column the file does
// not have is left alone; an empty value clears it.
import type { FileDef, RowOp } from "../file-pass";
import { bySourcedId, type EntitySpec } from "../sync-rows";
import { emptyToNull, isDeletion, parseBool, parseDay, required, RowError } from "../values";

const notFound = (op: RowOp) => `${op.spec.model} ${String(op.data.sourcedId)} is not in users.csv`;

const studentDetails = bySourcedId(
  "student",
  [
    "birthDate",
    "gender",
    "demographics",
    "oen",
    "preferredName",
    "homePhone",
    "streetAddress",
    "city",
    "postalCode",
    "photoFile",
    "emergencyContacts",
  ],
  { canCreate: false },
);

const DEMOGRAPHIC_OWN = new Set(["sourcedid", "status", "datelastmodified", "birthdate", "sex"]);

export const demographicsFile: FileDef = {
  file: "demographics.csv",
  required: ["sourcedId"],
  notFoundMessage: notFound,
  parse(row, st) {
    const sourcedId = required(row.get("sourcedId"), "sourcedId");
    if (!st.students.has(sourcedId)) {
      if (st.teachers.has(sourcedId) || st.guardians.has(sourcedId)) return null; // not a child's record
      throw new RowError(`student ${sourcedId} is not in users.csv`);
    }
    if (isDeletion(row.get("status")))
      return { spec: studentDetails, data: { sourcedId, birthDate: null, gender: null, demographics: null } };
    const rest: Record<string, string> = {};
    for (const [k, v] of Object.entries(row.all())) if (v !== "" && !DEMOGRAPHIC_OWN.has(k.toLowerCase())) rest[k] = v;
    const birth = row.get("birthDate");
    return {
      spec: studentDetails,
      data: {
        sourcedId,
        birthDate: birth ? parseDay(birth, "birthDate") : null,
        gender: emptyToNull(row.get("sex").toLowerCase()),
        demographics: Object.keys(rest).length ? rest : null,
      },
    };
  },
};

const STUDENT_COLUMNS: [string, string][] = [
  ["preferredName", "preferredName"],
  ["homePhone", "homePhone"],
  ["streetAddress", "streetAddress"],
  ["city", "city"],
  ["postalCode", "postalCode"],
  ["photoFile", "photoFile"],
];

/** OEN (NISO): 9 digits, written with or without dashes or spaces. */
export function parseOen(value: string): string | null {
  const v = value.trim();
  if (v === "") return null;
  const digits = v.replace(/[\s-]/g, "");
  if (!/^\d{9}$/.test(digits)) throw new RowError(`oen: "${value}" is not a 9-digit Ontario Education Number`);
  return digits;
}

export const studentsFile: FileDef = {
  file: "students.csv",
  required: ["sourcedId"],
  notFoundMessage: notFound,
  parse(row) {
    const sourcedId = required(row.get("sourcedId"), "sourcedId");
    const data: Record<string, unknown> = { sourcedId };
    if (row.has("oen")) data.oen = parseOen(row.get("oen"));
    for (const [field, col] of STUDENT_COLUMNS) if (row.has(col)) data[field] = emptyToNull(row.get(col));
    if (row.has("postalCode") && data.postalCode) data.postalCode = String(data.postalCode).toUpperCase();
    if (row.has("emergencyContact1Name")) {
      const contacts = [];
      for (let i = 1; i <= 3; i++) {
        const name = row.get(`emergencyContact${i}Name`);
        if (!name) continue;
        contacts.push({
          name,
          relationship: emptyToNull(row.get(`emergencyContact${i}Relationship`)),
          phone: emptyToNull(row.get(`emergencyContact${i}Phone`)),
        });
      }
      data.emergencyContacts = contacts.length ? contacts : null;
    }
    return { spec: studentDetails, data };
  },
};

const guardianDetails = bySourcedId("guardian", ["civicNumber", "streetAddress", "city", "postalCode", "preferredLang"], {
  canCreate: false,
});

export function parseLang(value: string): string {
  const v = value.trim().toLowerCase();
  if (v === "" || v === "fr" || v.startsWith("fran") || v === "french") return "fr";
  if (v === "en" || v.startsWith("angl") || v === "english") return "en";
  throw new RowError(`preferredLanguage: "${value}" is not fr or en`);
}

export const guardiansFile: FileDef = {
  file: "guardians.csv",
  required: ["sourcedId"],
  notFoundMessage: notFound,
  parse(row) {
    const sourcedId = required(row.get("sourcedId"), "sourcedId");
    const data: Record<string, unknown> = { sourcedId };
    if (row.has("civicNumber")) data.civicNumber = emptyToNull(row.get("civicNumber"));
    if (row.has("streetAddress")) data.streetAddress = emptyToNull(row.get("streetAddress"));
    if (row.has("city")) data.city = emptyToNull(row.get("city"));
    if (row.has("postalCode")) data.postalCode = emptyToNull(row.get("postalCode").toUpperCase());
    if (row.has("preferredLanguage")) data.preferredLang = parseLang(row.get("preferredLanguage"));
    return { spec: guardianDetails, data };
  },
};

const linkSpec: EntitySpec = {
  model: "guardianStudent",
  idField: "id",
  generateId: true,
  keyFields: ["guardianId", "studentId"],
  fields: ["relationship", "portalAccess", "livesWith"],
  canCreate: true,
  keyOf: (r) => `${String(r.guardianId)}|${String(r.studentId)}`,
  findWhere: (rows) => ({ guardianId: { in: [...new Set(rows.map((r) => r.guardianId as string))] } }),
  remove: async (db, rows) =>
    (
      await db.guardianStudent.deleteMany({
        where: { OR: rows.map((r) => ({ guardianId: r.guardianId as string, studentId: r.studentId as string })) },
      })
    ).count,
};

export const guardianLinksFile: FileDef = {
  file: "guardianLinks.csv",
  required: ["guardianSourcedId", "studentSourcedId"],
  parse(row, st) {
    const g = required(row.get("guardianSourcedId"), "guardianSourcedId");
    const s = required(row.get("studentSourcedId"), "studentSourcedId");
    const guardianId = st.guardians.get(g);
    const studentId = st.students.get(s)?.id;
    if (!guardianId) throw new RowError(`guardian ${g} is not in users.csv`);
    if (!studentId) throw new RowError(`student ${s} is not in users.csv`);
    if (isDeletion(row.get("status"))) return { spec: linkSpec, data: { guardianId, studentId }, remove: true };
    const data: Record<string, unknown> = { guardianId, studentId };
    if (row.has("relationship")) data.relationship = emptyToNull(row.get("relationship").toLowerCase());
    data.portalAccess = parseBool(row.get("portalAccess"), "portalAccess", true);
    data.livesWith = parseBool(row.get("livesWith"), "livesWith", true);
    return { spec: linkSpec, data };
  },
};
