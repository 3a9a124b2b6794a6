/**
 * Date tokens: the folded message cut into words (with their date keyword), day numbers (with their
 * ordinal suffix: 1er, 6th) and whole numeric dates (2026-11-06, 06/11, 06/11/2026) already read,
 * so the grammar in date-expr.ts and dates.ts only walks a short list. Times (8:30, 8h30) and long
 * digit runs are dropped: they are never days.
 */
import { Token, tokenize } from "./fold";
import { Keyword, lookupKeyword, ORDINAL_SUFFIXES } from "./date-words";

export interface DTok {
  t: string;
  kind: "w" | "n" | "sep" | "date" | "years";
  start: number;
  end: number;
  kw: Keyword | null;
  num?: number;
  /** Written with an ordinal suffix (1er, 2e, 6th). */
  ord?: string;
  /** A numeric date: year may be missing (06/11). `swapped` = day/month order was a guess. */
  date?: { y?: number; m: number; d: number; guessed?: boolean };
}

const adjacent = (a: Token | undefined, b: Token | undefined) => !!a && !!b && a.end === b.start;

/** dd/mm[/yyyy] in French; mm/dd[/yyyy] in English when both parts could be a month. */
function slashDate(a: number, b: number, y: number | undefined, lang: "fr" | "en"): DTok["date"] | null {
  const asDm = a >= 1 && a <= 31 && b >= 1 && b <= 12;
  const asMd = b >= 1 && b <= 31 && a >= 1 && a <= 12;
  if (asDm && asMd && a !== b) return lang === "en" ? { y, m: a, d: b, guessed: true } : { y, m: b, d: a, guessed: true };
  if (asDm) return { y, m: b, d: a };
  if (asMd) return { y, m: a, d: b };
  return null;
}

function year(t: Token | undefined): number | undefined {
  if (!t || t.kind !== "n") return undefined;
  if (t.t.length === 4) return +t.t;
  if (t.t.length === 2) return 2000 + +t.t;
  return undefined;
}

export function dateTokens(folded: string, lang: "fr" | "en"): DTok[] {
  const raw = tokenize(folded);
  const out: DTok[] = [];
  const cache = new Map<string, Keyword | null>();
  for (let i = 0; i < raw.length; i++) {
    const tok = raw[i];
    const [n1, n2, n3, n4] = [raw[i + 1], raw[i + 2], raw[i + 3], raw[i + 4]];
    if (tok.kind === "n") {
      // 2026-11-06 (ISO), and 2025-2026 (a school year).
      if (tok.t.length === 4 && n1?.t === "-" && n2?.kind === "n" && adjacent(tok, n1) && adjacent(n1, n2)) {
        if (n3?.t === "-" && n4?.kind === "n" && adjacent(n2, n3) && adjacent(n3, n4) && n2.t.length <= 2 && n4.t.length <= 2) {
          out.push({
            t: folded.slice(tok.start, n4.end),
            kind: "date",
            start: tok.start,
            end: n4.end,
            kw: null,
            date: { y: +tok.t, m: +n2.t, d: +n4.t },
          });
          i += 4;
          continue;
        }
        if (n2.t.length === 4 && +n2.t === +tok.t + 1) {
          out.push({ t: `${tok.t}-${n2.t}`, kind: "years", start: tok.start, end: n2.end, kw: null, num: +tok.t });
          i += 2;
          continue;
        }
      }
      // 06/11 and 06/11/2026.
      if (tok.t.length <= 2 && n1?.t === "/" && n2?.kind === "n" && n2.t.length <= 2 && adjacent(tok, n1) && adjacent(n1, n2)) {
        const withYear = n3?.t === "/" && adjacent(n2, n3) && adjacent(n3, n4) ? year(n4) : undefined;
        const date = slashDate(+tok.t, +n2.t, withYear, lang);
        const end = withYear !== undefined ? n4!.end : n2.end;
        if (date) out.push({ t: folded.slice(tok.start, end), kind: "date", start: tok.start, end, kw: null, date });
        i += withYear !== undefined ? 4 : 2;
        continue;
      }
      const prev = raw[i - 1];
      const isTime =
        (n1 && adjacent(tok, n1) && (n1.t === ":" || n1.t === "h")) || (prev && adjacent(prev, tok) && (prev.t === ":" || prev.t === "h"));
      if (tok.t.length > 4 || isTime || (prev && adjacent(prev, tok) && prev.kind === "w")) continue;
      const suffix = n1 && n1.kind === "w" && adjacent(tok, n1) && ORDINAL_SUFFIXES.has(n1.t) ? n1 : undefined;
      out.push({ t: tok.t, kind: "n", start: tok.start, end: suffix ? suffix.end : tok.end, kw: null, num: +tok.t, ord: suffix?.t });
      if (suffix) i++;
      continue;
    }
    if (tok.kind === "p") {
      // A dash between numbers or dates is a range (« 3-7 novembre »); elsewhere it only joins words.
      const last = out[out.length - 1];
      if (tok.t === "-" && last && (last.kind === "n" || last.kind === "date") && n1?.kind === "n") {
        out.push({ t: "-", kind: "sep", start: tok.start, end: tok.end, kw: null });
      }
      continue;
    }
    if (n1 && n1.kind === "n" && adjacent(tok, n1)) continue; // « s2 », « abc123 »: not a date word
    out.push({ t: tok.t, kind: "w", start: tok.start, end: tok.end, kw: lookupKeyword(tok.t, cache) });
  }
  return mergeWords(out);
}

const MERGES: Array<[string[], Keyword]> = [
  [["aujourd", "hui"], { k: "rel", offset: 0 }],
  [["apres", "demain"], { k: "rel", offset: 2 }],
  [["avant", "hier"], { k: "rel", offset: -2 }],
  [["day", "after", "tomorrow"], { k: "rel", offset: 2 }],
  [["day", "before", "yesterday"], { k: "rel", offset: -2 }],
  [["apres", "midi"], { k: "part", part: "afternoon" }],
  [["avant", "midi"], { k: "part", part: "morning" }],
];

/** Multi-word keywords (« après-demain », "day after tomorrow") become one token. */
function mergeWords(toks: DTok[]): DTok[] {
  const out: DTok[] = [];
  for (let i = 0; i < toks.length; i++) {
    const merge = MERGES.find(([words]) => words.every((w, k) => toks[i + k]?.kind === "w" && toks[i + k].t === w));
    if (merge) {
      const last = toks[i + merge[0].length - 1];
      out.push({ t: merge[0].join(" "), kind: "w", start: toks[i].start, end: last.end, kw: merge[1] });
      i += merge[0].length - 1;
    } else out.push(toks[i]);
  }
  return out;
}
