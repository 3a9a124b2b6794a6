// Parsing of the values real exports carry: dates with or without a time, booleans in any case, lists with
// or without spaces, OneRoster statuses. A bad value throws RowError, which rejects that row only.

export class RowError extends Error {}

/** "" and "active" keep a row; "tobedeleted" (and the non-1.1 "inactive") remove or deactivate it. */
export function isDeletion(status: string): boolean {
  const s = status.trim().toLowerCase();
  if (s === "" || s === "active") return false;
  if (s === "tobedeleted" || s === "inactive") return true;
  throw new RowError(`unknown status "${status}" (expected active, tobedeleted or empty)`);
}

/**
 * A calendar day: "2023-05-01" or "2023-05-01T18:25:43.511Z" (the day as written, never shifted by a time
 * zone). Returned as a Date at 00:00 UTC, the way Prisma reads @db.Date columns back.
 */
export function parseDay(value: string, column: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!m) throw new RowError(`${column}: "${value}" is not a date (expected YYYY-MM-DD)`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new RowError(`${column}: "${value}" is not a real date`);
  }
  return date;
}

export function parseOptionalDay(value: string, column: string): Date | null {
  return value.trim() === "" ? null : parseDay(value, column);
}

const TRUE = new Set(["true", "1", "yes", "y", "oui", "o", "t"]);
const FALSE = new Set(["false", "0", "no", "n", "non", "f"]);

export function parseBool(value: string, column: string, fallback: boolean): boolean {
  const v = value.trim().toLowerCase();
  if (v === "") return fallback;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw new RowError(`${column}: "${value}" is not true or false`);
}

/** "a,b", "a, b" and "{LDAP:12},{LTI:15}" alike; empty items dropped. */
export function parseList(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

export function parseNumber(value: string, column: string): number | null {
  const v = value.trim().replace(",", ".");
  if (v === "") return null;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new RowError(`${column}: "${value}" is not a number`);
  return n;
}

export function parseInteger(value: string, column: string): number | null {
  const n = parseNumber(value, column);
  if (n !== null && !Number.isInteger(n)) throw new RowError(`${column}: "${value}" is not a whole number`);
  return n;
}

/** "8:05" or "08:05" → "08:05" (local time of the school, America/Toronto). */
export function parseTime(value: string, column: string): string {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(value.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new RowError(`${column}: "${value}" is not a time (HH:MM)`);
  return `${m[1].padStart(2, "0")}:${m[2]}`;
}

/** Grades kept as the SIS writes them ("09" stays "09", "KG" stays "KG"), upper-cased. */
export function parseGrade(value: string): string | null {
  const first = parseList(value)[0];
  return first ? first.toUpperCase() : null;
}

export function required(value: string, column: string): string {
  if (value.trim() === "") throw new RowError(`${column} is empty`);
  return value.trim();
}

export function emptyToNull(value: string): string | null {
  const v = value.trim();
  return v === "" ? null : v;
}
