/**
 * Periods longer than a day: weeks (« la semaine passée », "next week", « la semaine du 6 novembre »),
 * months (« le mois dernier », « ce mois-ci », « en novembre »), semesters (« au deuxième semestre »,
 * « 2e semestre », "semester 2", "next semester") and school years (« cette année », « l'an dernier »,
 * « 2025-2026 »). « Cette année » means the school year: parents ask about school records.
 */
import { TZDate } from "@date-fns/tz";
import { differenceInCalendarMonths } from "date-fns";
import { Calendar, Period } from "./date-calendar";
import { dayExpr, resolveDay, Prefer } from "./date-expr";
import { DTok } from "./date-tokens";

export interface PeriodParse {
  kind: "range" | "semester" | "schoolYear";
  period: Period;
  next: number;
  semester?: number;
  inferred?: boolean;
}

type Dir = "next" | "last" | "this";
const shiftOf = (d: Dir) => (d === "next" ? 1 : d === "last" ? -1 : 0);
const unitOf = (tok: DTok | undefined) => (tok?.kw?.k === "unit" ? tok.kw.unit : null);
const dirOf = (tok: DTok | undefined): Dir | null => (tok?.kw?.k === "dir" ? tok.kw.dir : null);

/** « cette semaine », « semaine passée », "last month": [dir unit] or [unit dir]. */
function dirUnit(toks: DTok[], i: number): { unit: string; dir: Dir; next: number } | null {
  const d1 = dirOf(toks[i]);
  const u1 = unitOf(toks[i]);
  if (d1 && unitOf(toks[i + 1])) return { unit: unitOf(toks[i + 1])!, dir: d1, next: i + 2 };
  const d2 = dirOf(toks[i + 1]);
  if (u1 && d2 && d2 !== "this") return { unit: u1, dir: d2, next: i + 2 };
  return null;
}

function semesterAt(toks: DTok[], i: number, cal: Calendar): PeriodParse | null {
  const tok = toks[i];
  const nth = tok?.kw?.k === "ord" ? tok.kw.n : tok?.kind === "n" && tok.ord && tok.num! >= 1 && tok.num! <= 4 ? tok.num! : null;
  if (nth && unitOf(toks[i + 1]) === "semester") {
    const p = cal.nthSemester(nth);
    return p ? { kind: "semester", period: p, next: i + 2, semester: nth } : null;
  }
  const after = toks[i + 1];
  if (unitOf(tok) === "semester" && after?.kind === "n" && after.num! >= 1 && after.num! <= 4) {
    const p = cal.nthSemester(after.num!);
    return p ? { kind: "semester", period: p, next: i + 2, semester: after.num } : null;
  }
  const du = dirUnit(toks, i);
  if (du?.unit === "semester") {
    const p = cal.semester(shiftOf(du.dir));
    return p ? { kind: "semester", period: p, next: du.next } : null;
  }
  return null;
}

function yearAt(toks: DTok[], i: number, cal: Calendar): PeriodParse | null {
  const tok = toks[i];
  if (tok?.kind === "years") {
    const shift = tok.num! - cal.schoolYear().start.getFullYear();
    return { kind: "schoolYear", period: cal.schoolYear(shift), next: i + 1 };
  }
  const du = dirUnit(toks, i);
  let next = du?.next ?? i;
  let dir = du?.unit === "year" ? du.dir : null;
  // « l'année scolaire », "the school year" without a direction: the current one.
  if (!dir && unitOf(tok) === "year" && toks[i + 1]?.t === "scolaire") dir = "this";
  else if (!dir && tok?.t === "school" && unitOf(toks[i + 1]) === "year") {
    dir = "this";
    next = i + 2;
  }
  if (!dir) return null;
  // "this school year", « l'année scolaire dernière »
  if (toks[next]?.t === "scolaire") next++;
  if (toks[next]?.t === "school" && unitOf(toks[next + 1]) === "year") next += 2;
  if (dir === "this" && du && toks[du.next - 1]?.t === "school") next = du.next;
  return { kind: "schoolYear", period: cal.schoolYear(shiftOf(dir)), next };
}

function monthPeriod(cal: Calendar, month: number, dir: Dir | null, prefer?: Prefer): { period: Period; inferred: boolean } {
  const ty = cal.today.getFullYear();
  const firsts = [ty - 1, ty, ty + 1].map((y) => cal.day(y, month, 1)!);
  const delta = (d: TZDate) => differenceInCalendarMonths(d, cal.today);
  let first: TZDate;
  if (dir === "last") first = firsts.filter((d) => delta(d) < 0).pop()!;
  else if (dir === "next") first = firsts.find((d) => delta(d) > 0)!;
  else if (prefer === "past") first = firsts.filter((d) => delta(d) <= 0).pop()!;
  else if (prefer === "future") first = firsts.find((d) => delta(d) >= 0)!;
  else {
    const res = resolveDay({ t: "abs", m: month, d: 1 }, cal);
    first = res!.date;
  }
  return { period: cal.month(first), inferred: dir === null };
}

function monthAt(toks: DTok[], i: number, cal: Calendar, prefer?: Prefer): PeriodParse | null {
  const du = dirUnit(toks, i);
  if (du?.unit === "month") {
    const next = toks[du.next]?.t === "ci" ? du.next + 1 : du.next;
    return { kind: "range", period: cal.month(cal.today, shiftOf(du.dir)), next };
  }
  // « en novembre », "in November", « au mois de novembre », « novembre dernier », "last November".
  let j = i;
  let dir: Dir | null = null;
  if (toks[j]?.kw?.k === "prep" && (toks[j].t === "en" || toks[j].t === "in")) j++;
  else if (unitOf(toks[j]) === "month" && (toks[j + 1]?.t === "de" || toks[j + 1]?.t === "of")) j += 2;
  else if (dirOf(toks[j]) && dirOf(toks[j]) !== "this" && toks[j + 1]?.kw?.k === "month") {
    dir = dirOf(toks[j]);
    j++;
  }
  const m = toks[j]?.kw;
  if (m?.k !== "month" || (j === i && !dirOf(toks[j + 1]))) return null;
  if (m.abbrev && toks[j].t === "may" && j === i) return null;
  let next = j + 1;
  if (!dir && dirOf(toks[next]) && dirOf(toks[next]) !== "this") dir = dirOf(toks[next++]);
  const { period, inferred } = monthPeriod(cal, m.month, dir, prefer);
  return { kind: "range", period, next, inferred };
}

function weekAt(toks: DTok[], i: number, cal: Calendar, prefer?: Prefer): PeriodParse | null {
  const du = dirUnit(toks, i);
  if (du?.unit === "week") return { kind: "range", period: cal.schoolWeek(cal.today, shiftOf(du.dir)), next: du.next };
  if (unitOf(toks[i]) === "week" && ["du", "of", "de"].includes(toks[i + 1]?.t ?? "")) {
    const day = dayExpr(toks, i + 2, true);
    const res = day && resolveDay(day.spec, cal, prefer);
    if (day && res) return { kind: "range", period: cal.schoolWeek(res.date), next: day.next, inferred: res.inferred };
  }
  return null;
}

/** A week, month, semester or school year starting at token i. */
export function periodAt(toks: DTok[], i: number, cal: Calendar, prefer?: Prefer): PeriodParse | null {
  return semesterAt(toks, i, cal) ?? yearAt(toks, i, cal) ?? weekAt(toks, i, cal, prefer) ?? monthAt(toks, i, cal, prefer);
}
