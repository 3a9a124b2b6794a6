/**
 * Reads the board's school directory CSV (code, nom, niveau, ville, anciens_noms) into the shape the
 * school matcher takes. Former names may be several, separated by « ; » or « | ».
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { SchoolCandidate } from "./school-index";

interface DirectoryRow {
  code?: string;
  nom?: string;
  niveau?: string;
  ville?: string;
  anciens_noms?: string;
}

export function parseSchoolDirectoryCsv(csv: string): SchoolCandidate[] {
  const rows = parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as DirectoryRow[];
  return rows
    .filter((r) => r.code && r.nom)
    .map((r) => ({
      code: r.code as string,
      name: r.nom as string,
      level: r.niveau || null,
      city: r.ville || null,
      formerNames: (r.anciens_noms ?? "")
        .split(/[;|]/)
        .map((n) => n.trim())
        .filter((n) => n.length > 0),
    }));
}

export function loadSchoolDirectoryCsv(path: string): SchoolCandidate[] {
  return parseSchoolDirectoryCsv(readFileSync(path, "utf8"));
}
