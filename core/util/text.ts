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
