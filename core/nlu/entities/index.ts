/**
 * Entity extraction for Aide-Portail's language understanding: which child, which school, which dates
 * or periods, which OEN a parent's message is about. Pure functions over plain data (the children,
 * the school directory and the reference instant come from the caller), deterministic, never throwing,
 * linear in the first 5,000 characters of the message.
 */
import { matchChildName, matchChildren, ChildCandidate, ChildMatch } from "./child-name";
import { matchSchool, SchoolMatch } from "./school";
import { SchoolCandidate } from "./school-index";
import { resolveDates, DateEntity, Prefer, Terms } from "./dates";
import { extractOen, OenMatch } from "./oen";

export { matchChildName, matchChildren } from "./child-name";
export type { ChildCandidate, ChildMatch } from "./child-name";
export { matchSchool } from "./school";
export type { SchoolMatch } from "./school";
export type { SchoolCandidate } from "./school-index";
export { loadSchoolDirectoryCsv, parseSchoolDirectoryCsv } from "./school-directory";
export { resolveDates, resolveDate, DEFAULT_TIME_ZONE } from "./dates";
export type { DateEntity, ResolveDatesOptions, Terms, TermSpan, Prefer } from "./dates";
export { extractOen, extractOens, oenCheckDigitValid } from "./oen";
export type { OenMatch } from "./oen";
export { fold, MAX_SCAN_CHARS } from "./fold";

export interface EntityContext {
  children?: ChildCandidate[];
  schools?: SchoolCandidate[];
  /** Reference instant for dates; without it no date is resolved. */
  ref?: Date;
  lang?: "fr" | "en";
  timeZone?: string;
  prefer?: Prefer;
  terms?: Terms;
}

export interface Entities {
  /** The one child the message is about (null when none or a tie). */
  child: ChildMatch | null;
  /** Every child mentioned (« Léa et Tom »). */
  children: ChildMatch[];
  school: SchoolMatch | null;
  dates: DateEntity[];
  oen: OenMatch | null;
}

/** Hides a matched span so a school named after a person (Louis-Riel, Rose-des-Vents) is not a child. */
function mask(text: string, span: [number, number] | undefined): string {
  return span ? text.slice(0, span[0]) + " ".repeat(span[1] - span[0]) + text.slice(span[1]) : text;
}

export function extractEntities(text: string, ctx: EntityContext = {}): Entities {
  const safe = typeof text === "string" ? text : "";
  const school = ctx.schools ? matchSchool(safe, ctx.schools) : null;
  const forChildren = mask(safe, school?.span);
  const children = ctx.children ? matchChildren(forChildren, ctx.children) : [];
  const child = ctx.children ? matchChildName(forChildren, ctx.children) : null;
  const dates = ctx.ref
    ? resolveDates(safe, { ref: ctx.ref, lang: ctx.lang, timeZone: ctx.timeZone, prefer: ctx.prefer, terms: ctx.terms })
    : [];
  return { child, children, school, dates, oen: extractOen(safe) };
}
