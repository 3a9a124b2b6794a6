// Calendar days of the records: "yyyy-MM-dd" strings in and out, UTC-midnight Dates for @db.Date columns.
// A school day is a calendar day in America/Toronto, never an instant: keeping days as strings means no
// time-zone shift can move an absence to the day before.
import { TZDate } from "@date-fns/tz";
import { AppError } from "../errors";

export const SCHOOL_TZ = "America/Toronto";
const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-11-23" → Date at 2026-11-23T00:00Z (how Prisma reads and writes @db.Date), or records.invalid_date. */
export function parseDay(s: string, field = "date"): Date {
  const m = ISO_DAY.exec(typeof s === "string" ? s.trim() : "");
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])) return d;
  }
  throw new AppError("records.invalid_date", {
    params: { field },
    log: `invalid ${field}: expected yyyy-MM-dd`,
  });
}

/** A @db.Date value (UTC midnight) → "yyyy-MM-dd". */
export function dayString(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * DAY_MS);
}

/** The calendar day an instant falls on in Toronto (what « aujourd'hui » means to a parent). */
export function torontoDay(instant: Date): string {
  const z = new TZDate(instant.getTime(), SCHOOL_TZ);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${z.getFullYear()}-${p(z.getMonth() + 1)}-${p(z.getDate())}`;
}

/** Validates a from–to range of days (inclusive, to ≥ from, at most maxDays days). */
export function parseRange(from: string, to: string, maxDays: number): { from: Date; to: Date; days: number } {
  const f = parseDay(from, "from");
  const t = parseDay(to, "to");
  const days = Math.round((t.getTime() - f.getTime()) / DAY_MS) + 1;
  if (days < 1) {
    throw new AppError("records.invalid_range", { log: "range ends before it starts" });
  }
  if (days > maxDays) {
    throw new AppError("records.range_too_long", {
      params: { max: maxDays },
      log: `range of ${days} days, more than ${maxDays}`,
    });
  }
  return { from: f, to: t, days };
}
