// schools.csv (our school directory: stable code, level, city, former names, office email/phone) and
// OneRoster orgs.csv. An org of type school maps to a school by, in order: a schools.csv row naming its
// sourcedId, its `identifier` (= our code), or its sourcedId. schools.csv owns the directory columns;
// orgs.csv owns the link (sourcedId) and, for schools schools.csv does not describe, the name and level.
import fs from "node:fs";
import path from "node:path";
import { parse as parseSync } from "csv-parse/sync";
import type { FileDef } from "../file-pass";
import type { EntitySpec, Row } from "../sync-rows";
import { addWarning, type FileReport } from "../summary";
import type { ImportState } from "../import-state";
import { emptyToNull, isDeletion, required, RowError } from "../values";

const REFERENCE = path.resolve(__dirname, "../../../prisma/reference/ecoles-cepeo.csv");

interface Reference {
  name: string;
  level: string;
  city: string | null;
  formerNames: string[];
}

let reference: Map<string, Reference> | undefined;

/** The board's public directory (prisma/reference): defaults for orgs whose identifier is one of our codes. */
export function referenceDirectory(): Map<string, Reference> {
  if (reference) return reference;
  const rows = parseSync(fs.readFileSync(REFERENCE), { columns: true, bom: true, trim: true }) as Record<string, string>[];
  reference = new Map(
    rows.map((r) => [
      r.code,
      {
        name: r.nom,
        level: parseLevel(r.niveau) ?? "ELEMENTARY",
        city: emptyToNull(r.ville),
        formerNames: splitNames(r.anciens_noms),
      },
    ]),
  );
  return reference;
}

/** "secondary", "SECONDARY", « secondaire (7-12) », « élémentaire et secondaire (M-12) », « adultes »… */
export function parseLevel(value: string): string | null {
  const v = value
    .trim()
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "");
  if (v === "") return null;
  if (/elementa\w* (et|and|&) second|elementary_secondary/.test(v)) return "ELEMENTARY_SECONDARY";
  if (/^adult/.test(v)) return "ADULT";
  if (/^second|high school/.test(v)) return "SECONDARY";
  if (/^elementa/.test(v)) return "ELEMENTARY";
  return null;
}

/** Level guessed from an org's name when nothing else says it. */
function levelFromName(name: string): string {
  return (
    parseLevel(name.replace(/^(ecole|école)\s+/i, "").replace(/\s+publique.*$/i, "")) ??
    (/secondaire|secondary|high school/i.test(name) ? "SECONDARY" : /adulte|adult/i.test(name) ? "ADULT" : "ELEMENTARY")
  );
}

function splitNames(v: string | undefined): string[] {
  return (v ?? "")
    .split("|")
    .map((s) => s.trim())
    .filter(Boolean);
}

const SCHOOL_FIELDS = ["sourcedId", "name", "level", "city", "formerNames", "email", "phone", "active"];

const schoolSpec: EntitySpec = {
  model: "school",
  idField: "id",
  generateId: true,
  keyFields: ["code"],
  fields: SCHOOL_FIELDS,
  canCreate: true,
  keyOf: (r) => String(r.code),
  findWhere: (rows) => ({ code: { in: rows.map((r) => r.code as string) } }),
  remove: async (db, rows) =>
    (await db.school.updateMany({ where: { code: { in: rows.map((r) => r.code as string) }, active: true }, data: { active: false } }))
      .count,
};

export const schoolsFile: FileDef = {
  file: "schools.csv",
  required: ["code", "name"],
  parse(row, st) {
    const code = required(row.get("code"), "code").toUpperCase();
    st.describedSchools.add(code);
    if (isDeletion(row.get("status"))) return { spec: schoolSpec, data: { code }, remove: true };
    const ref = referenceDirectory().get(code);
    const levelText = row.get("level");
    const level = parseLevel(levelText) ?? ref?.level;
    if (levelText && !parseLevel(levelText))
      throw new RowError(`level: "${levelText}" is not elementary, secondary, elementary_secondary or adult`);
    const data: Row = { code, name: required(row.get("name"), "name"), level: level ?? levelFromName(row.get("name")), active: true };
    const opt: [string, string][] = [
      ["city", "city"],
      ["email", "email"],
      ["phone", "phone"],
      ["sourcedId", "orgSourcedId"],
    ];
    for (const [field, col] of opt)
      if (row.has(col)) data[field] = field === "email" ? emptyToNull(row.get(col).toLowerCase()) : emptyToNull(row.get(col));
    if (row.has("formerNames")) data.formerNames = splitNames(row.get("formerNames"));
    return { spec: schoolSpec, data };
  },
};

export const orgsFile: FileDef = {
  file: "orgs.csv",
  required: ["sourcedId", "name", "type"],
  parse(row, st, rep) {
    const sourcedId = required(row.get("sourcedId"), "sourcedId");
    const type = row.get("type").toLowerCase();
    const parent = row.get("parentSourcedId");
    if (parent) st.orgParents.push({ line: row.line, parent });
    st.orgIds.add(sourcedId);
    if (type !== "school") {
      st.otherOrgs.add(sourcedId);
      return null;
    }
    const identifier = row.get("identifier");
    const code = st.schoolsBySourcedId.get(sourcedId)?.code ?? (identifier ? identifier.toUpperCase() : sourcedId);
    if (isDeletion(row.get("status"))) return { spec: schoolSpec, data: { code }, remove: true };
    const data: Row = { code, sourcedId, active: true };
    if (!st.describedSchools.has(code)) {
      const ref = referenceDirectory().get(code);
      const name = required(row.get("name"), "name");
      data.name = name;
      data.level = ref?.level ?? levelFromName(name);
      if (ref) data.formerNames = ref.formerNames;
      const city = emptyToNull(row.get("metadata.city")) ?? ref?.city ?? null;
      if (city) data.city = city;
      if (!ref && !identifier)
        addWarning(
          rep,
          row.line,
          `school org ${sourcedId} has no identifier and no schools.csv row: stored under code ${code}, level ${String(data.level)} (guessed)`,
        );
    }
    return { spec: schoolSpec, data };
  },
};

/** An org's parent that is in neither this file nor the database is reported, not fatal. */
export function checkOrgParents(st: ImportState, rep: FileReport): void {
  for (const p of st.orgParents) {
    if (!st.orgIds.has(p.parent) && !st.schoolsBySourcedId.has(p.parent)) {
      addWarning(rep, p.line, `parentSourcedId ${p.parent} is not in orgs.csv (kept without its parent)`);
    }
  }
}
