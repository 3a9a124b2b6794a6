/**
 * Dates and periods in a parent's message, French or English, resolved against a reference instant
 * in the board's time zone. Returns every expression found, in text order (`resolveDates`), or the
 * first (`resolveDate`). The rules for what parents leave out are in date-expr.ts (days) and
 * date-periods.ts (weeks, months, semesters, school years); numeric dates in date-tokens.ts
 * (06/11 is 6 November in French, November 6 in English when both readings exist — flagged
 * `inferred`; ISO 2026-11-06 is never ambiguous).
 */
import { differenceInCalendarDays } from "date-fns";
import { Calendar, Period, Terms } from "./date-calendar";
import { dayExpr, DayParse, Part, Prefer, resolveDay } from "./date-expr";
import { periodAt } from "./date-periods";
import { DTok, dateTokens } from "./date-tokens";
import { foldWithMap, originalSpan } from "./fold";

export type { Terms, TermSpan } from "./date-calendar";
export type { Prefer } from "./date-expr";

export interface ResolveDatesOptions {
  ref: Date;
  lang?: "fr" | "en";
  /** IANA zone; default America/Toronto. */
  timeZone?: string;
  /** Attendance and report cards look back (`past`), schedules look ahead (`future`). */
  prefer?: Prefer;
  /** Real academic sessions from the database; the Ontario defaults otherwise. */
  terms?: Terms;
}

export interface DateEntity {
  kind: "day" | "range" | "semester" | "schoolYear";
  /** yyyy-MM-dd, inclusive. */
  start: string;
  end: string;
  partOfDay?: Part;
  /** 1-based, for « 2e semestre ». */
  semester?: number;
  /** Where the period lies relative to the reference day. */
  direction: "past" | "present" | "future";
  /** A rule chose what the parent left out (bare weekday, missing year or month, 06/11 order). */
  inferred?: boolean;
  text: string;
  span: [number, number];
}

export const DEFAULT_TIME_ZONE = "America/Toronto";

const LEADING = new Set(["le", "la", "l", "the", "au"]);
const UNTIL = new Set(["jusqu", "jusquau", "until", "till"]);
const RANGE_SEP = new Set(["au", "to", "thru", "through", "jusqu", "jusquau", "until", "till"]);

interface Found {
  kind: DateEntity["kind"];
  period: Period;
  next: number;
  part?: Part;
  semester?: number;
  inferred?: boolean;
}

const isPrep = (tok: DTok | undefined, p: string) => tok?.kw?.k === "prep" && tok.kw.p === p;

function dayFound(d: DayParse, cal: Calendar, prefer?: Prefer): Found | null {
  const r = resolveDay(d.spec, cal, prefer);
  return r ? { kind: "day", period: { start: r.date, end: r.date }, next: d.next, part: d.part, inferred: r.inferred || undefined } : null;
}

/** « du 3 au 7 novembre », "Nov 3-7", « entre le 3 et le 7 », « du lundi au mercredi ». */
function rangeAt(toks: DTok[], i: number, cal: Calendar, prefer?: Prefer): Found | null {
  let j = i;
  const opener = isPrep(toks[j], "from") || isPrep(toks[j], "between");
  const between = isPrep(toks[j], "between");
  if (opener) j++;
  const a = dayExpr(toks, j, true);
  if (!a) return null;
  let k = a.next;
  const sep = toks[k];
  const sepOk = sep && (sep.kind === "sep" || RANGE_SEP.has(sep.t) || (opener && sep.t === "a") || (between && isPrep(sep, "and")));
  if (!sepOk) return null;
  k++;
  while (toks[k] && (RANGE_SEP.has(toks[k].t) || toks[k].t === "a")) k++;
  const b = dayExpr(toks, k, true);
  if (!b) return null;
  const as = a.spec;
  const bs = b.spec;
  const loose = (s: typeof as) => s.t === "abs" && s.m === undefined;
  if (!opener && loose(as) && loose(bs)) return null; // « 3-4 » alone is not a date range
  if (as.t === "abs" && bs.t === "abs") {
    if (as.m === undefined && bs.m !== undefined) Object.assign(as, { m: bs.m, y: as.y ?? bs.y });
    if (bs.m === undefined && as.m !== undefined) Object.assign(bs, { m: as.m, y: bs.y ?? as.y });
  }
  const end = resolveDay(bs, cal, prefer);
  if (!end) return null;
  if (as.t === "abs" && as.m !== undefined && as.y === undefined) {
    as.y = end.date.getFullYear();
    if (as.m > end.date.getMonth() + 1 || (as.m === end.date.getMonth() + 1 && as.d > end.date.getDate())) as.y--;
  }
  const start = resolveDay(as, cal, prefer);
  if (!start || start.date.getTime() > end.date.getTime()) return null;
  return {
    kind: "range",
    period: { start: start.date, end: end.date },
    next: b.next,
    inferred: start.inferred || end.inferred || undefined,
  };
}

/** « depuis le 1er novembre » (that day → today), « jusqu'au 6 » (today → that day). */
function sinceUntilAt(toks: DTok[], i: number, cal: Calendar): Found | null {
  const since = isPrep(toks[i], "since");
  if (!since && !UNTIL.has(toks[i]?.t ?? "")) return null;
  let j = i + 1;
  while (toks[j] && (RANGE_SEP.has(toks[j].t) || toks[j].t === "a")) j++;
  const prefer: Prefer = since ? "past" : "future";
  const p = periodAt(toks, j, cal, prefer);
  const d = p ? null : dayExpr(toks, j, true);
  const found = p ? { period: p.period, next: p.next, inferred: p.inferred } : d ? dayFound(d, cal, prefer) : null;
  if (!found) return null;
  const today = cal.today;
  const period = since ? { start: found.period.start, end: today } : { start: today, end: found.period.end };
  if (period.start.getTime() > period.end.getTime()) return null;
  return { kind: "range", period, next: found.next, inferred: found.inferred };
}

/** « ce matin », « cet après-midi », "this morning", "tonight". */
function todayPartAt(toks: DTok[], i: number, cal: Calendar): Found | null {
  const a = toks[i];
  const b = toks[i + 1];
  const day = { start: cal.today, end: cal.today };
  if (a?.kw?.k === "dir" && a.kw.dir === "this" && b?.kw?.k === "part") return { kind: "day", period: day, next: i + 2, part: b.kw.part };
  if (a?.t === "tonight" || a?.t === "tonite") return { kind: "day", period: day, next: i + 1, part: "evening" };
  return null;
}

/** Every date or period in the message, in order. Never throws; [] on bad input. */
export function resolveDates(text: string, opts: ResolveDatesOptions): DateEntity[] {
  const tz = opts?.timeZone || DEFAULT_TIME_ZONE;
  if (typeof text !== "string" || !opts || !Calendar.valid(opts.ref, tz)) return [];
  const cal = new Calendar(opts.ref, tz, opts.terms ?? {});
  const f = foldWithMap(text);
  const toks = dateTokens(f.text, opts.lang === "en" ? "en" : "fr");
  const out: DateEntity[] = [];
  for (let i = 0; i < toks.length;) {
    const found: Found | null =
      periodAt(toks, i, cal, opts.prefer) ??
      rangeAt(toks, i, cal, opts.prefer) ??
      sinceUntilAt(toks, i, cal) ??
      todayPartAt(toks, i, cal) ??
      (() => {
        const d = dayExpr(toks, i);
        return d ? dayFound(d, cal, opts.prefer) : null;
      })();
    if (!found || found.next <= i) {
      i++;
      continue;
    }
    // « la semaine passée », « l'an dernier », « au deuxième semestre »: the article belongs to the expression.
    const lead =
      i > 0 && LEADING.has(toks[i - 1].t) && (out.length === 0 || out[out.length - 1].span[1] <= f.map[toks[i - 1].start]) ? i - 1 : i;
    const span = originalSpan(f, toks[lead].start, toks[found.next - 1].end);
    const startDiff = differenceInCalendarDays(found.period.start, cal.today);
    const endDiff = differenceInCalendarDays(found.period.end, cal.today);
    const entity: DateEntity = {
      kind: found.kind,
      start: cal.iso(found.period.start),
      end: cal.iso(found.period.end),
      direction: endDiff < 0 ? "past" : startDiff > 0 ? "future" : "present",
      text: text.slice(span[0], span[1]),
      span,
    };
    if (found.part) entity.partOfDay = found.part;
    if (found.semester) entity.semester = found.semester;
    if (found.inferred) entity.inferred = true;
    out.push(entity);
    i = found.next;
  }
  return out;
}

/** The first date or period of the message, or null. */
export function resolveDate(text: string, opts: ResolveDatesOptions): DateEntity | null {
  return resolveDates(text, opts)[0] ?? null;
}
