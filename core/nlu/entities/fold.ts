/**
 * Text folding and tokenising shared by every entity extractor.
 *
 * Parents write without accents, in any case, with stray control characters or HTML; the extractors
 * compare folded text (lower case, no diacritics, œ → oe) but must still report the span of the
 * original text, so folding keeps a map from each folded character back to its source offset.
 */

/** Longest prefix of a message the extractors look at: keeps every call linear and bounded. */
export const MAX_SCAN_CHARS = 5000;

export interface FoldedText {
  /** Lower-case, accent-free text; punctuation kept, control characters turned into spaces. */
  text: string;
  /** map[i] = offset in the original string of folded character i (map[text.length] = original length). */
  map: number[];
}

const LIGATURES: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss", ﬁ: "fi", ﬂ: "fl" };
const APOSTROPHES = /[\u2018\u2019\u02bc\u00b4`\u2032]/;
const DASHES = /[\u2010-\u2015\u2212]/;

/** Folds one character; returns "" for combining marks so accents disappear. */
function foldChar(ch: string): string {
  const lower = ch.toLowerCase();
  if (LIGATURES[lower]) return LIGATURES[lower];
  if (APOSTROPHES.test(lower)) return "'";
  if (DASHES.test(lower)) return "-";
  const code = lower.charCodeAt(0);
  // Control characters and odd spaces (NBSP, zero-width) behave as plain spaces.
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || /[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/.test(lower)) {
    return " ";
  }
  return lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

/** Folds `input` (capped to MAX_SCAN_CHARS) and keeps the offset map. Never throws. */
export function foldWithMap(input: unknown, max = MAX_SCAN_CHARS): FoldedText {
  const source = typeof input === "string" ? input.slice(0, max) : "";
  let text = "";
  const map: number[] = [];
  for (let i = 0; i < source.length; i++) {
    let ch = source[i];
    // Keep surrogate pairs (emoji) together so they fold as one unit.
    const code = ch.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < source.length) ch += source[i + 1];
    const folded = foldChar(ch);
    for (const f of folded) {
      text += f;
      map.push(i);
    }
    i += ch.length - 1;
  }
  map.push(source.length);
  return { text, map };
}

/** Plain folding when no offsets are needed (names, directory entries). */
export function fold(input: unknown): string {
  return foldWithMap(input, Number.MAX_SAFE_INTEGER).text;
}

export type TokenKind = "w" | "n" | "p";

export interface Token {
  /** Folded token text: a word ([a-z]+), a number ([0-9]+) or one punctuation mark among / - . : */
  t: string;
  kind: TokenKind;
  /** Offsets in the folded text. */
  start: number;
  end: number;
}

/** Splits folded text into words, numbers and the few punctuation marks dates need. Linear. */
export function tokenize(folded: string): Token[] {
  const tokens: Token[] = [];
  const re = /[a-z]+|[0-9]+|[/\-.:]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded)) !== null) {
    const t = m[0];
    const kind: TokenKind = /[a-z]/.test(t[0]) ? "w" : /[0-9]/.test(t[0]) ? "n" : "p";
    tokens.push({ t, kind, start: m.index, end: m.index + t.length });
  }
  return tokens;
}

/** Word tokens only (names and schools ignore numbers and punctuation). */
export function wordTokens(folded: string): Token[] {
  return tokenize(folded).filter((tok) => tok.kind === "w");
}

/** Original-text span [start, end) of folded offsets [start, end). */
export function originalSpan(f: FoldedText, start: number, end: number): [number, number] {
  const s = f.map[Math.max(0, Math.min(start, f.map.length - 1))];
  const lastChar = Math.max(start, end - 1);
  const e = end > start ? f.map[Math.min(lastChar, f.map.length - 1)] + 1 : s;
  return [s, e];
}

/** True when the original text at a folded offset starts with an upper-case letter. */
export function isCapitalized(original: string, f: FoldedText, foldedOffset: number): boolean {
  const ch = original[f.map[foldedOffset]] ?? "";
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** True when most letters are upper case: capitals then carry no signal about proper names. */
export function isShouting(original: string): boolean {
  let upper = 0;
  let letters = 0;
  for (const ch of original.slice(0, MAX_SCAN_CHARS)) {
    if (ch.toLowerCase() === ch.toUpperCase()) continue;
    letters++;
    if (ch === ch.toUpperCase()) upper++;
  }
  return letters >= 6 && upper / letters > 0.6;
}
