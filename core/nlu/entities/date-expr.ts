/**
 * One day, as parents name it: « demain matin », « lundi prochain », « le 6 novembre », "Nov 6th",
 * « le 6 », « 06/11 », "3 days ago" — parsed from date tokens into a spec, then resolved to a calendar
 * day. The rules for what parents leave out:
 *   - bare weekday (« lundi »): that day of the current Monday-based week; with `prefer: "past"` the
 *     latest such day up to today, with `prefer: "future"` the next one from today. Flagged `inferred`.
 *   - « lundi prochain » / "next Monday": first such day strictly after today; « lundi dernier/passé » /
 *     "last Monday": last one strictly before today.
 *   - day and month without a year: `prefer: "past"` → latest on or before today, `"future"` → next on or
 *     after today; otherwise the one inside the current school year (September → August), or in July and
 *     August the nearest one. Flagged `inferred`.
 *   - day alone (« le 6 »): this month; past/future preference moves it to the previous/next month.
 */
import { TZDate } from "@date-fns/tz";
import { addDays, differenceInCalendarDays } from "date-fns";
import { Calendar } from "./date-calendar";
import { DTok } from "./date-tokens";

export type Part = "morning" | "afternoon" | "evening";
export type Prefer = "past" | "future";

export type DaySpec =
  | { t: "abs"; y?: number; m?: number; d: number; guessed?: boolean }
  | { t: "rel"; offset: number }
  | { t: "wd"; day: number; mod: "bare" | "this" | "next" | "last" | "nextWeek" | "lastWeek" };

export interface DayParse {
  spec: DaySpec;
  part?: Part;
  next: number;
}

/** Words after a bare number that make it anything but a day: « le 6e année », "the 6th grade". */
const NOT_A_DAY = new Set(
  "annee grade niveau etape periode fois place eleve eleves enfant enfants heure heures h min minutes ans cours".split(" "),
);
const ENGLISH_ORD = new Set(["st", "nd", "rd", "th"]);

const isKw = (tok: DTok | undefined, k: string) => tok?.kw?.k === k;

function yearAt(toks: DTok[], k: number): number | undefined {
  const tok = toks[k];
  return tok?.kind === "n" && tok.t.length === 4 && tok.num! >= 1990 && tok.num! <= 2100 ? tok.num : undefined;
}

/** « le 6 novembre 2026 », "November 6th", « 06/11 », « le 6 » (with an article or after du/au/depuis). */
export function absAt(toks: DTok[], j: number, bareOk: boolean): DayParse | null {
  let k = j;
  let article = false;
  if (toks[k]?.kw?.k === "prep" && (toks[k].kw as { p: string }).p === "le") {
    article = true;
    k++;
  }
  const tok = toks[k];
  if (!tok) return null;
  if (tok.kind === "date" && tok.date) return { spec: { t: "abs", ...tok.date }, next: k + 1 };
  if (tok.kind === "n" && tok.t.length <= 2 && tok.num! >= 1 && tok.num! <= 31) {
    const month = toks[k + 1]?.kw;
    if (month?.k === "month") {
      const y = yearAt(toks, k + 2);
      return { spec: { t: "abs", d: tok.num!, m: month.month, y }, next: k + (y ? 3 : 2) };
    }
    const after = toks[k + 1];
    if (!(article || bareOk || (tok.ord && ENGLISH_ORD.has(tok.ord)))) return null;
    if (after && (isKw(after, "unit") || NOT_A_DAY.has(after.t))) return null;
    return { spec: { t: "abs", d: tok.num! }, next: k + 1 };
  }
  if (tok.kw?.k === "month") {
    let m = k + 1;
    if (toks[m]?.kw?.k === "prep" && toks[m].t === "the") m++;
    const day = toks[m];
    if (day?.kind === "n" && day.t.length <= 2 && day.num! >= 1 && day.num! <= 31) {
      const y = yearAt(toks, m + 1);
      return { spec: { t: "abs", m: tok.kw.month, d: day.num!, y }, next: m + (y ? 2 : 1) };
    }
  }
  return null;
}

/** « matin », « dans l'après-midi », "in the morning" right after a day. */
function partAt(toks: DTok[], j: number): { part?: Part; next: number } {
  let k = j;
  if (["dans", "in", "en", "au", "during", "durant"].includes(toks[k]?.t ?? "")) {
    k++;
    if (["l", "le", "la", "the"].includes(toks[k]?.t ?? "")) k++;
  }
  const kw = toks[k]?.kw;
  return kw?.k === "part" ? { part: kw.part, next: k + 1 } : { next: j };
}

/** « de la semaine prochaine », "of last week" after a weekday. */
function weekQualifier(toks: DTok[], j: number): { mod: "nextWeek" | "lastWeek"; next: number } | null {
  if (!["de", "d", "of"].includes(toks[j]?.t ?? "")) return null;
  let k = j + 1;
  if (toks[k]?.kw?.k === "prep" && (toks[k].kw as { p: string }).p === "le") k++;
  const a = toks[k]?.kw;
  const b = toks[k + 1]?.kw;
  const dir =
    a?.k === "dir" && b?.k === "unit" && b.unit === "week" ? a.dir : a?.k === "unit" && a.unit === "week" && b?.k === "dir" ? b.dir : null;
  if (dir === "next") return { mod: "nextWeek", next: k + 2 };
  if (dir === "last") return { mod: "lastWeek", next: k + 2 };
  return null;
}

/** A single day starting at token i, or null. `bareOk`: a lone number may be a day (after du, au, depuis). */
export function dayExpr(toks: DTok[], i: number, bareOk = false): DayParse | null {
  let j = i;
  if (toks[j]?.kw?.k === "prep" && (toks[j].kw as { p: string }).p === "on") j++;
  const first = toks[j]?.kw;
  const second = toks[j + 1]?.kw;
  if (first?.k === "dir" && second?.k === "weekday") {
    const p = partAt(toks, j + 2);
    return { spec: { t: "wd", day: second.day, mod: first.dir }, part: p.part, next: p.next };
  }
  if (first?.k === "weekday") {
    const dated = absAt(toks, j + 1, true);
    if (dated) {
      const p = partAt(toks, dated.next);
      return { ...dated, part: p.part, next: p.next };
    }
    let mod: "bare" | "next" | "last" | "nextWeek" | "lastWeek" = "bare";
    let next = j + 1;
    const after = toks[next]?.kw;
    const q = weekQualifier(toks, next);
    if (after?.k === "dir" && after.dir !== "this") {
      mod = after.dir;
      next++;
    } else if (q) {
      mod = q.mod;
      next = q.next;
    }
    const p = partAt(toks, next);
    return { spec: { t: "wd", day: first.day, mod }, part: p.part, next: p.next };
  }
  if (first?.k === "rel") {
    const p = partAt(toks, j + 1);
    return { spec: { t: "rel", offset: first.offset }, part: p.part, next: p.next };
  }
  return agoAt(toks, j) ?? absAt(toks, j, bareOk);
}

/** « il y a 3 jours », "3 days ago", « dans 2 jours », "in 2 weeks". */
function agoAt(toks: DTok[], j: number): DayParse | null {
  const unitDays = (tok: DTok | undefined) =>
    tok?.kw?.k === "unit" && (tok.kw.unit === "day" || tok.kw.unit === "week") ? (tok.kw.unit === "day" ? 1 : 7) : 0;
  const [a, b, c, d] = [toks[j], toks[j + 1], toks[j + 2], toks[j + 3]];
  if (a?.t === "il" && b?.t === "y" && c?.t === "a" && d?.kind === "n" && unitDays(toks[j + 4])) {
    return { spec: { t: "rel", offset: -d.num! * unitDays(toks[j + 4]) }, next: j + 5 };
  }
  if (a?.kind === "n" && unitDays(b) && c?.t === "ago") return { spec: { t: "rel", offset: -a.num! * unitDays(b) }, next: j + 3 };
  if ((a?.t === "dans" || a?.t === "in") && b?.kind === "n" && unitDays(c)) {
    return { spec: { t: "rel", offset: b.num! * unitDays(c) }, next: j + 3 };
  }
  return null;
}

function inferYear(cal: Calendar, m: number, d: number, prefer?: Prefer): TZDate | null {
  const ty = cal.today.getFullYear();
  const cands = [ty - 1, ty, ty + 1].map((y) => cal.day(y, m, d)).filter((x): x is TZDate => x !== null);
  const diff = (x: TZDate) => differenceInCalendarDays(x, cal.today);
  if (prefer === "past") return cands.filter((x) => diff(x) <= 0).pop() ?? null;
  if (prefer === "future") return cands.find((x) => diff(x) >= 0) ?? null;
  const month = cal.today.getMonth() + 1;
  if (month === 7 || month === 8) return [...cands].sort((a, b) => Math.abs(diff(a)) - Math.abs(diff(b)))[0] ?? null;
  const syStart = cal.schoolYear().start.getFullYear();
  return cal.day(m >= 9 ? syStart : syStart + 1, m, d);
}

function inferMonth(cal: Calendar, d: number, prefer?: Prefer): TZDate | null {
  const y = cal.today.getFullYear();
  const m = cal.today.getMonth() + 1;
  let shift = 0;
  if (prefer === "past" && d > cal.today.getDate()) shift = -1;
  if (prefer === "future" && d < cal.today.getDate()) shift = 1;
  const mm = m + shift;
  return cal.day(mm === 0 ? y - 1 : mm === 13 ? y + 1 : y, mm === 0 ? 12 : mm === 13 ? 1 : mm, d);
}

/** The calendar day of a spec; `inferred` when a rule filled in what the parent left out. */
export function resolveDay(spec: DaySpec, cal: Calendar, prefer?: Prefer): { date: TZDate; inferred: boolean } | null {
  if (spec.t === "rel") return { date: cal.plusDays(spec.offset), inferred: false };
  if (spec.t === "abs") {
    if (spec.y !== undefined && spec.m !== undefined) {
      const date = cal.day(spec.y, spec.m, spec.d);
      return date ? { date, inferred: !!spec.guessed } : null;
    }
    const date = spec.m !== undefined ? inferYear(cal, spec.m, spec.d, prefer) : inferMonth(cal, spec.d, prefer);
    return date ? { date, inferred: true } : null;
  }
  const today = cal.weekday();
  if (spec.mod === "next") return { date: cal.plusDays((spec.day - today + 7) % 7 || 7), inferred: false };
  if (spec.mod === "last") return { date: cal.plusDays(-((today - spec.day + 7) % 7 || 7)), inferred: false };
  const weekShift = spec.mod === "nextWeek" ? 1 : spec.mod === "lastWeek" ? -1 : 0;
  let date = addDays(cal.schoolWeek(cal.today, weekShift).start, spec.day - 1);
  if (spec.mod === "bare") {
    const diff = differenceInCalendarDays(date, cal.today);
    if (prefer === "past" && diff > 0) date = addDays(date, -7);
    if (prefer === "future" && diff < 0) date = addDays(date, 7);
  }
  return { date, inferred: spec.mod === "bare" };
}
