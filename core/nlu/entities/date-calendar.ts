/**
 * Calendar arithmetic for date resolution, in the board's time zone (America/Toronto by default):
 * « today » is the reference instant's calendar day there, not in UTC, so 2026-11-24T03:30Z is still
 * Monday 23 November. Weeks run Monday → Friday (school weeks); the school year runs 1 September →
 * 30 June with semester 1 = September → January and semester 2 = February → June, unless the caller
 * passes the real academic sessions (`terms`) from the database.
 */
import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, addYears, endOfMonth, format, isValid, startOfMonth, startOfWeek } from "date-fns";

export interface Period {
  start: TZDate;
  end: TZDate;
}

/** A session as stored in the database: ISO days, inclusive. */
export interface TermSpan {
  start: string;
  end: string;
}

export interface Terms {
  schoolYears?: TermSpan[];
  semesters?: TermSpan[];
}

export class Calendar {
  readonly today: TZDate;

  constructor(
    ref: Date,
    readonly tz: string,
    readonly terms: Terms = {},
  ) {
    const now = new TZDate(ref.getTime(), tz);
    this.today = new TZDate(now.getFullYear(), now.getMonth(), now.getDate(), tz);
  }

  static valid(ref: unknown, tz: string): boolean {
    if (!(ref instanceof Date) || !isValid(ref)) return false;
    try {
      return !Number.isNaN(new TZDate(ref.getTime(), tz).getDate());
    } catch {
      return false;
    }
  }

  /** A calendar day in the zone, or null when it does not exist (31 November). */
  day(year: number, month: number, dayOfMonth: number): TZDate | null {
    if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) return null;
    const d = new TZDate(year, month - 1, dayOfMonth, this.tz);
    return d.getMonth() === month - 1 && d.getDate() === dayOfMonth ? d : null;
  }

  parse(iso: string): TZDate | null {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? "");
    return m ? this.day(+m[1], +m[2], +m[3]) : null;
  }

  iso(d: TZDate): string {
    return format(d, "yyyy-MM-dd");
  }

  plusDays(n: number): TZDate {
    return addDays(this.today, n);
  }

  /** ISO weekday of today: 1 = Monday … 7 = Sunday. */
  weekday(d: TZDate = this.today): number {
    return ((d.getDay() + 6) % 7) + 1;
  }

  /** Monday → Friday of the week holding `d`, shifted by `weeks`. */
  schoolWeek(d: TZDate, weeks = 0): Period {
    const monday = addDays(startOfWeek<TZDate, TZDate>(d, { weekStartsOn: 1 }), 7 * weeks);
    return { start: monday, end: addDays(monday, 4) };
  }

  month(d: TZDate, months = 0): Period {
    const first = addMonths(startOfMonth<TZDate, TZDate>(d), months);
    return { start: first, end: endOfMonth(first) };
  }

  /** The school year holding today (July–August belong to the coming one), shifted by `years`. */
  schoolYear(years = 0): Period {
    const given = (this.terms.schoolYears ?? [])
      .map((t) => ({ start: this.parse(t.start), end: this.parse(t.end) }))
      .filter((p): p is Period => p.start !== null && p.end !== null)
      .sort((a, b) => a.start.getTime() - b.start.getTime());
    if (given.length > 0) {
      let idx = given.findIndex((p) => p.end.getTime() >= this.today.getTime());
      if (idx < 0) idx = given.length - 1;
      const pick = given[idx + years];
      if (pick) return pick;
    }
    const y = this.today.getMonth() >= 6 ? this.today.getFullYear() : this.today.getFullYear() - 1;
    const start = addYears(this.day(y, 9, 1)!, years);
    return { start, end: addYears(this.day(y + 1, 6, 30)!, years) };
  }

  /** Every semester known around today, in order (the DB's, else the Ontario default). */
  semesters(): Period[] {
    const given = (this.terms.semesters ?? [])
      .map((t) => ({ start: this.parse(t.start), end: this.parse(t.end) }))
      .filter((p): p is Period => p.start !== null && p.end !== null);
    if (given.length > 0) return given.sort((a, b) => a.start.getTime() - b.start.getTime());
    const out: Period[] = [];
    for (let k = -1; k <= 1; k++) {
      const sy = this.schoolYear(k);
      const y = sy.start.getFullYear();
      out.push({ start: sy.start, end: endOfMonth(this.day(y + 1, 1, 1)!) });
      out.push({ start: this.day(y + 1, 2, 1)!, end: sy.end });
    }
    return out;
  }

  /** The n-th semester (1-based) of the current school year. */
  nthSemester(n: number): Period | null {
    const sy = this.schoolYear();
    const inYear = this.semesters().filter(
      (s) => s.start.getTime() >= addDays(sy.start, -31).getTime() && s.start.getTime() <= sy.end.getTime(),
    );
    return inYear[n - 1] ?? null;
  }

  /** The semester holding today (or the next one in summer), shifted by `k`. */
  semester(k: number): Period | null {
    const all = this.semesters();
    const t = this.today.getTime();
    let idx = all.findIndex((s) => s.end.getTime() >= t);
    if (idx < 0) idx = all.length;
    // Between two semesters idx is the coming one, so idx − 1 is the one just ended: « le semestre dernier ».
    return all[idx + k] ?? null;
  }
}
