/**
 * Turns a message into the sparse feature vector the linear model scores: word unigrams and bigrams
 * (with start/end markers, which matter for one-word messages such as « merci » or « annule »), character
 * 3–5-grams inside words (robust to typos and missing accents: « bulletain » still shares « bul », « ull »,
 * « llet » with « bulletin »), and a length bucket. Tokens are weighted down with their position, so that
 * the first request of a message or of an email outweighs what comes after it.
 */
import { rewritePartsOf, tokenize, MAX_TOKENS } from "./normalize";
import { segmentToken } from "./segment";
import { scopeFeatures } from "./scope-features";

export interface FeatureVector {
  keys: string[];
  values: number[];
}

/** Tokens up to this index count fully; later ones fade (weight halves every FULL_WEIGHT_TOKENS more). */
const FULL_WEIGHT_TOKENS = 25;
export const CHAR_MIN = 3;
export const CHAR_MAX = 5;
export const CHAR_GROUP_WEIGHT = 0.9;
/** Weight of the scope group (scope-features.ts: the object of the request and the context signals). */
export const SCOPE_GROUP_WEIGHT = 1.4;

export function positionWeight(i: number): number {
  return i < FULL_WEIGHT_TOKENS ? 1 : 1 / (1 + (i - FULL_WEIGHT_TOKENS) / FULL_WEIGHT_TOKENS);
}

/**
 * Words that introduce a second, lesser request (« aussi », "also", « autre question », "PS"). What follows
 * them weighs less, so the first request stays the message's intent even in a short chat line.
 */
const SECONDARY_MARKERS = new Set([
  "aussi",
  "also",
  "egalement",
  "ps",
  "autre",
  "another",
  "besides",
  "sinon",
  "meanwhile",
  "passant",
  "btw",
]);
const AFTER_MARKER_WEIGHT = 0.4;

/** Weight of each token: position decay, and less after a secondary-request marker (not at the very start). */
export function tokenWeights(tokens: readonly string[]): Float64Array {
  const out = new Float64Array(tokens.length);
  let factor = 1;
  for (let i = 0; i < tokens.length; i++) {
    if (factor === 1 && i >= 3 && SECONDARY_MARKERS.has(tokens[i])) factor = AFTER_MARKER_WEIGHT;
    out[i] = positionWeight(i) * factor;
  }
  return out;
}

export function lengthBucket(n: number): string {
  if (n <= 1) return "len:1";
  if (n <= 2) return "len:2";
  if (n <= 4) return "len:3-4";
  if (n <= 10) return "len:5-10";
  return "len:11+";
}

const ALL_DIGITS = /^\d+$/;
const DICTATION_HINT = /virgule|point|ligne|paragraph|guillemets|question mark|exclamation|full stop|new line/i;

/** Numbers only matter by kind (a 9-digit OEN, a phone or a date), never by value. */
/**
 * Punctuation spoken to a dictation app and typed out as words (« virgule », « point d'interrogation »,
 * "question mark"): noise, removed. « point » alone only at the very end (« …mot de passe point »), where
 * it cannot be « point de vue ».
 */
const DICTATION =
  /\b(virgule|point[- ]?virgule|points? d['’ ]?(interrogation|exclamation)|point final|deux[- ]points|(a|à) la ligne|nouveau paragraphe|nouvelle ligne|ouvrez? les guillemets|fermez? les guillemets|question mark|exclamation (mark|point)|full stop|new paragraph|new line)\b|\bpoint\s*[.!?]*\s*$/gi;

export function featureTokens(text: string): string[] {
  const tokens = tokenize(DICTATION_HINT.test(text) ? text.replace(DICTATION, " ") : text, MAX_TOKENS);
  let glued = false;
  for (let i = 0; i < tokens.length; i++) {
    const c = tokens[i].charCodeAt(0);
    if (c >= 48 && c <= 57 && ALL_DIGITS.test(tokens[i])) tokens[i] = tokens[i].length === 9 ? "#oen" : "#num";
    else if (tokens[i].length >= 8 && segmentToken(tokens[i]) !== undefined) glued = true;
  }
  return glued ? unglue(tokens) : tokens;
}

/** Words typed without spaces become the known words they are made of (segment.ts), each rewritten as usual. */
function unglue(tokens: string[]): string[] {
  const out: string[] = [];
  for (const tok of tokens) {
    const pieces = tok.length >= 8 ? segmentToken(tok) : undefined;
    if (pieces === undefined) {
      out.push(tok);
      continue;
    }
    for (const p of pieces) {
      const rw = rewritePartsOf(p);
      if (rw === undefined) out.push(p);
      else for (const q of rw) out.push(q);
    }
  }
  return out.length > MAX_TOKENS ? out.slice(0, MAX_TOKENS) : out;
}

/** Character n-grams of one token, with word-boundary marks. */
export function charNgrams(tok: string): string[] {
  const padded = "<" + tok + ">";
  const out: string[] = [];
  for (let n = CHAR_MIN; n <= CHAR_MAX; n++) {
    for (let s = 0; s + n <= padded.length; s++) out.push("c:" + padded.substr(s, n));
  }
  return out;
}

/**
 * Reference implementation, used for training. The classifier scores the same vector through a faster
 * path (score.ts) that works on model indices; a test keeps the two in agreement.
 */
export function extractFeatures(text: string, names?: ReadonlySet<string>): FeatureVector {
  const tokens = featureTokens(text);
  const words = new Map<string, number>();
  const chars = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

  const weights = tokenWeights(tokens);
  add(words, lengthBucket(tokens.length), 1);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const w = weights[i];
    add(words, "w:" + tok, w);
    add(words, "b:" + (i === 0 ? "^" : tokens[i - 1]) + "_" + tok, w);
    if (tok.charCodeAt(0) === 35 /* '#' */) continue;
    for (const g of charNgrams(tok)) add(chars, g, w);
  }
  if (tokens.length > 0) add(words, "b:" + tokens[tokens.length - 1] + "_$", weights[tokens.length - 1]);

  const keys: string[] = [];
  const values: number[] = [];
  pushNormalized(words, 1, keys, values);
  pushNormalized(chars, CHAR_GROUP_WEIGHT, keys, values);
  const scope = scopeFeatures(tokens, names);
  const scale = SCOPE_GROUP_WEIGHT / Math.sqrt(scope.length);
  for (const key of scope) {
    keys.push(key);
    values.push(scale);
  }
  return { keys, values };
}

/** Sub-linear counts, then L2 per group so a long email and a short chat line live on the same scale. */
function pushNormalized(m: Map<string, number>, groupWeight: number, keys: string[], values: number[]): void {
  let norm = 0;
  for (const v of m.values()) norm += v; // (sqrt v)² summed
  if (norm === 0) return;
  const scale = groupWeight / Math.sqrt(norm);
  for (const [k, v] of m) {
    keys.push(k);
    values.push(Math.sqrt(v) * scale);
  }
}
