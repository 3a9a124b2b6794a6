// The board's schools, for what a parent types as a school name (« Gisèle-Lalonde », « de la salle »):
// the reference directory shipped in prisma/reference, read once.
import path from "node:path";
import { loadSchoolDirectoryCsv, matchSchool, type SchoolCandidate } from "../core";

let directory: SchoolCandidate[] | undefined;

export function schoolCodeOf(text: string): { code: string; name: string } | null {
  directory ??= loadSchoolDirectoryCsv(path.resolve(__dirname, "../prisma/reference/ecoles-cepeo.csv"));
  const m = matchSchool(text.slice(0, 300), directory);
  return m ? { code: m.code, name: m.name } : null;
}
