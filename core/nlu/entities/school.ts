/**
 * Which school of the board a message names, matched against the directory the caller passes in
 * (DB-driven, so renamed or new schools need no code change).
 *
 * A name counts when its distinctive phrase (« de la salle ») or its core (« gisele lalonde », « riviere
 * castor ») appears, accent- and case-insensitively with a typo or two on long words, or, at a lower
 * score, when only the last word of a multi-word core (« Lalonde ») does. Weak cores — one everyday
 * word or a city (« Le Sommet », « De La Salle », former name « Kanata ») — need evidence: a school word
 * next to them (« école Kanata », "Louis Riel high school"), a capital letter, or the school's city in
 * the message. When no name is found, a city with a school word may still decide (« l'école à Embrun »,
 * « l'école secondaire à Kanata ») if exactly one school of the stated level is there.
 * Ties between two schools give null: the dialog asks rather than guesses.
 */
import { allowedEdits, boundedDistance } from "./fuzzy";
import { foldWithMap, wordTokens, originalSpan, isCapitalized, isShouting, Token, FoldedText } from "./fold";
import { isCommonWord } from "./lexicon";
import { buildSchoolIndex, levelOf, SchoolAlias, SchoolCandidate, SchoolIndex, SCHOOL_CUES, ARTICLES } from "./school-index";

export type { SchoolCandidate } from "./school-index";

export interface SchoolMatch {
  code: string;
  name: string;
  /** 1 full phrase, 0.95 core, −0.05 per typo, 0.7 last word only, 0.6 ambiguous word or city only. */
  score: number;
  text: string;
  span: [number, number];
}

interface Hit {
  school: SchoolCandidate;
  score: number;
  from: number;
  to: number;
}

const SECONDARY_WORDS = new Set(["secondaire", "secondary", "high"]);
const ELEMENTARY_WORDS = new Set(["elementaire", "elementary", "primaire"]);

function tokenDistance(textTok: string, nameTok: string): number {
  if (textTok === nameTok) return 0;
  const max = nameTok.length >= 5 ? allowedEdits(nameTok.length) : 0;
  if (max === 0 || isCommonWord(textTok) || textTok[0] !== nameTok[0]) return Infinity;
  const d = boundedDistance(textTok, nameTok, max);
  return d <= max ? d : Infinity;
}

/** Total typo distance of `words` at token i, or null. */
function seqAt(tokens: Token[], i: number, words: string[]): number | null {
  if (i + words.length > tokens.length) return null;
  let d = 0;
  for (let k = 0; k < words.length; k++) {
    d += tokenDistance(tokens[i + k].t, words[k]);
    if (!Number.isFinite(d) || d > 2) return null;
  }
  return d;
}

/** A level word among the school words next to a name that the school does not teach. */
function levelConflict(school: SchoolCandidate, word: string): boolean {
  const level = levelOf(school);
  if (!level) return false;
  return (SECONDARY_WORDS.has(word) && !level.secondary) || (ELEMENTARY_WORDS.has(word) && !level.elementary);
}

/** A school word just before the name (over articles, or over l/le/la only for a city-like name) or just after. */
function hasCue(tokens: Token[], from: number, to: number, alias: SchoolAlias): boolean {
  let cue = false;
  for (let k = from - 1, steps = 0; k >= 0 && steps < 5; k--, steps++) {
    const t = tokens[k].t;
    if (SCHOOL_CUES.has(t)) {
      if (levelConflict(alias.school, t)) return false;
      cue = true;
    } else if (!(alias.cityName ? t === "l" || t === "le" || t === "la" : ARTICLES.has(t))) break;
  }
  for (let k = to; k < Math.min(tokens.length, to + 3) && SCHOOL_CUES.has(tokens[k].t); k++) {
    if (levelConflict(alias.school, tokens[k].t)) return false;
    cue = true;
  }
  return cue;
}

function cityMentioned(school: SchoolCandidate, index: SchoolIndex, tokens: Token[], from: number, to: number): boolean {
  return tokens.some((t, k) => (k < from || k >= to) && (index.cities.get(t.t) ?? []).includes(school));
}

interface Ctx {
  text: string;
  f: FoldedText;
  tokens: Token[];
  index: SchoolIndex;
  shouting: boolean;
}

function evidenceFor(ctx: Ctx, alias: SchoolAlias, from: number, to: number): boolean {
  if (!alias.weak) return true;
  if (hasCue(ctx.tokens, from, to, alias)) return true;
  if (alias.cityName) return false;
  const coreTok = ctx.tokens.slice(from, to).find((t) => t.t === alias.core[0] || !ARTICLES.has(t.t));
  if (!ctx.shouting && coreTok && isCapitalized(ctx.text, ctx.f, coreTok.start)) return true;
  return cityMentioned(alias.school, ctx.index, ctx.tokens, from, to);
}

function hitsAt(ctx: Ctx, i: number, alias: SchoolAlias, out: Hit[]): void {
  const { tokens, index } = ctx;
  const full = alias.phrase.length > alias.core.length ? seqAt(tokens, i, alias.phrase) : null;
  if (full !== null && evidenceFor(ctx, alias, i, i + alias.phrase.length)) {
    out.push({ school: alias.school, score: 1 - 0.05 * full, from: i, to: i + alias.phrase.length });
    return;
  }
  const core = seqAt(tokens, i, alias.core);
  if (core !== null && evidenceFor(ctx, alias, i, i + alias.core.length)) {
    const sharers = alias.core.length === 1 ? index.sharedBy.get(alias.core[0]) : undefined;
    if (sharers && sharers.size > 1) {
      // « école Carrefour »: Le Carrefour or Carrefour Jeunesse — every school holding the word ties.
      for (const a of index.aliases) if (sharers.has(a.school.code)) out.push({ school: a.school, score: 0.6, from: i, to: i + 1 });
      return;
    }
    const exactPhrase = alias.phrase.length === alias.core.length;
    out.push({ school: alias.school, score: (exactPhrase ? 1 : 0.95) - 0.05 * core, from: i, to: i + alias.core.length });
    return;
  }
  const last = alias.core[alias.core.length - 1];
  if (
    alias.core.length >= 2 &&
    last.length >= 5 &&
    !isCommonWord(last) &&
    !index.cities.has(last) &&
    index.sharedBy.get(last)?.size === 1
  ) {
    if (Number.isFinite(tokenDistance(tokens[i].t, last))) out.push({ school: alias.school, score: 0.7, from: i, to: i + 1 });
  }
}

/** « l'école à Embrun », « l'école secondaire à Kanata »: one school of that level in that city. */
function cityOnly(ctx: Ctx): Hit | null {
  const { tokens, index } = ctx;
  if (!tokens.some((t) => SCHOOL_CUES.has(t.t))) return null;
  const wantSecondary = tokens.some((t) => SECONDARY_WORDS.has(t.t));
  const wantElementary = tokens.some((t) => ELEMENTARY_WORDS.has(t.t));
  const found = new Map<string, Hit>();
  tokens.forEach((t, k) => {
    for (const s of index.cities.get(t.t) ?? []) {
      const level = levelOf(s);
      if (level && ((wantSecondary && !level.secondary) || (wantElementary && !level.elementary))) continue;
      if (!found.has(s.code)) found.set(s.code, { school: s, score: 0.6, from: k, to: k + 1 });
    }
  });
  return found.size === 1 ? [...found.values()][0] : null;
}

/** The school the message names, or null when none or when two schools tie. Never throws. */
export function matchSchool(text: string, schools: readonly SchoolCandidate[]): SchoolMatch | null {
  if (typeof text !== "string" || !Array.isArray(schools) || schools.length === 0) return null;
  const f = foldWithMap(text);
  const tokens = wordTokens(f.text);
  if (tokens.length === 0) return null;
  const ctx: Ctx = { text, f, tokens, index: buildSchoolIndex(schools), shouting: isShouting(text) };
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; i++) for (const alias of ctx.index.aliases) hitsAt(ctx, i, alias, hits);
  for (const h of hits) {
    // The school's own city elsewhere in the message settles « l'Héritage à Cornwall »-style ties.
    if (cityMentioned(h.school, ctx.index, tokens, h.from, h.to)) h.score = Math.min(1, h.score + 0.03);
  }
  hits.sort((a, b) => b.score - a.score || b.to - b.from - (a.to - a.from));
  let best: Hit | null = hits[0] ?? null;
  if (best) {
    const b = best;
    const rival = hits.find((h) => h.school.code !== b.school.code && h.score === b.score && h.to - h.from === b.to - b.from);
    if (rival) return null;
  } else best = cityOnly(ctx);
  if (!best) return null;
  const span = originalSpan(f, tokens[best.from].start, tokens[best.to - 1].end);
  return {
    code: best.school.code,
    name: best.school.name,
    score: Math.round(best.score * 100) / 100,
    text: text.slice(span[0], span[1]),
    span,
  };
}
