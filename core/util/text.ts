// Small text helpers shared by the core: email normalisation and accent/case/space folding.

/** Trims, lower-cases and removes inner spaces of an email address (parents type « Marie.Tremblay @Gmail.com »). */
export function normalizeEmail(input: string): string {
  return input.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

/**
 * A plausible email address (the full RFC is not the point: what a parent would mistype is).
 * The length is checked first: the pattern backtracks quadratically on long dotted input, so a 80 KB
 * chat message could otherwise hold the event loop for seconds.
 */
export function looksLikeEmail(input: string): boolean {
  return typeof input === "string" && input.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(input);
}

/** Folds case, accents and runs of spaces: « Éloïse  Dubé » → « eloise dube ». */
export function foldText(input: string): string {
  return input
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "") // combining marks (accents)
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/** Folds like foldText and also drops every space and punctuation: for secret answers. */
export function foldAnswer(input: string): string {
  return foldText(input).replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * Drops NUL and the other control characters (tabs and line breaks become spaces): PostgreSQL text cannot
 * hold NUL (error 22021), and no name, subject or question needs the others.
 */
export function stripControls(input: string): string {
  return input.replace(/[\t\n\r\v\f]/g, " ").replace(/[\u0000-\u001f\u007f]/g, "");
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A string PostgreSQL can store in text and jsonb: no NUL (22021, and 22P05 in jsonb) and no lone UTF-16
 * surrogate (22P02 in jsonb; a chat client can send « \ud800 » in JSON), which becomes U+FFFD.
 */
export function storableText(input: string): string {
  return input.replace(/\u0000/g, "").replace(LONE_SURROGATE, "\ufffd");
}

/**
 * A JSON value with storableText applied to every string and key, or null when it nests deeper than
 * `maxDepth` (no activity, card value or state needs more, and the walk must not exhaust the stack).
 */
export function storableJson(value: unknown, maxDepth = 32): { value: unknown } | null {
  let tooDeep = false;
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === "string") return storableText(v);
    if (v === null || typeof v !== "object") return v;
    if (depth >= maxDepth) {
      tooDeep = true;
      return null;
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[storableText(k)] = walk(x, depth + 1);
    return out;
  };
  const cleaned = walk(value, 0);
  return tooDeep ? null : { value: cleaned };
}
