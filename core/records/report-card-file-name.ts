// File names of report cards (bulletins), as the portal's Documents tab shows them (seed 2, FAQ « Où vais-je
// trouver le bulletin… »). Shared by the SIS importer (which stores ReportCard.fileName) and the records
// services, so a parent reading a name in chat sees exactly the file they will download.
//
//   elementary: Nom et prénom de l'élève_NISO_Nom du rapport_Année scolaire_Date de publication
//   secondary:  Code de l'école_NISO_Nom du rapport_Année scolaire_Date de publication
//
// The publication date is written yyyy-MM-dd (sorts well, no locale ambiguity). Parts never contain the
// "_" separator nor characters that file systems refuse.

export type ReportCardLevel = "ELEMENTARY" | "SECONDARY";

export interface ReportCardFileNameInput {
  level: ReportCardLevel;
  studentFamilyName: string;
  studentGivenName: string;
  schoolCode: string;
  /** Ontario Education Number (NISO); an empty part when unknown. */
  oen?: string | null;
  /** The report's name in the SIS (Aspen), e.g. « Bulletin de progrès ». */
  reportName: string;
  /** "2025-2026". */
  schoolYear: string;
  /** A Date (its UTC calendar day: @db.Date columns) or already "yyyy-MM-dd". */
  publishedAt: Date | string;
}

/** Removes the separator and characters Windows/macOS/Linux refuse in file names; collapses spaces. */
function part(s: string | null | undefined): string {
  return (s ?? "")
    .replace(/[_/\\:*?"<>|\u0000-\u001f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function isoDay(d: Date | string): string {
  if (typeof d === "string") return d.slice(0, 10);
  return d.toISOString().slice(0, 10);
}

export function reportCardFileName(input: ReportCardFileNameInput): string {
  const head = input.level === "ELEMENTARY" ? part(`${input.studentFamilyName} ${input.studentGivenName}`) : part(input.schoolCode);
  return [head, part(input.oen), part(input.reportName), part(input.schoolYear), isoDay(input.publishedAt)].join("_") + ".pdf";
}

/**
 * The level a report card (and the records' answers) follows: by grade when known (9–12 secondary, JK–8
 * elementary, even in a 7–12 school), otherwise by the school's level.
 */
export function studentLevel(schoolLevel: string | null | undefined, grade: string | null | undefined): ReportCardLevel {
  const g = (grade ?? "").trim().toUpperCase();
  if (/^\d+$/.test(g)) return Number(g) >= 9 ? "SECONDARY" : "ELEMENTARY";
  if (g === "JK" || g === "SK" || g === "PK" || g === "KG" || g === "TK") return "ELEMENTARY";
  return schoolLevel === "SECONDARY" || schoolLevel === "ADULT" ? "SECONDARY" : "ELEMENTARY";
}
