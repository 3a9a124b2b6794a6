/**
 * Splits words typed without spaces (« jaioubliemonmotdepasse », « jpeuxpasmeconnecter ») into known
 * words. The lexicon is the folded vocabulary of the training corpus plus the spellings normalize.ts
 * rewrites (« jai », « mdp », « cest »), written by build-corpus.ts to data/lexicon.txt, so training and
 * classification read the same list. A long token the lexicon does not know is cut by dynamic
 * programming into the fewest known words (one-letter pieces such as the elided « l » or « j » cost more);
 * a cut that needs too many short pieces is refused, so a typo or a name stays one token.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const LEXICON_PATH = join(__dirname, "data", "lexicon.txt");

/** Only tokens at least this long are candidates (shorter unknown tokens are typos or abbreviations). */
const MIN_GLUED_LENGTH = 8;
const MAX_WORD_LENGTH = 16;
/** Single letters that stand alone in French or English writing (elisions « l' j' d' c' », « a », « y », "i"). */
const SINGLE_LETTERS = new Set(["a", "y", "l", "j", "d", "c", "s", "m", "t", "n", "i"]);
const CACHE_MAX = 5_000;
const LETTERS_ONLY = /^[a-z]+$/;

let lexicon: Set<string> | undefined;
const cache = new Map<string, readonly string[] | null>();

export function getLexicon(): ReadonlySet<string> {
  if (!lexicon) {
    lexicon = new Set(
      existsSync(LEXICON_PATH)
        ? readFileSync(LEXICON_PATH, "utf8")
            .split("\n")
            .filter((w) => w.length > 1)
        : [],
    );
    for (const l of SINGLE_LETTERS) lexicon.add(l);
  }
  return lexicon;
}

/** Replaces the lexicon (tests, and build-corpus before it writes the file). */
export function setLexicon(words: Iterable<string> | undefined): void {
  lexicon = words === undefined ? undefined : new Set(words);
  if (lexicon) for (const l of SINGLE_LETTERS) lexicon.add(l);
  cache.clear();
}

/** The known words a glued token is made of, or undefined when it is not one (or is itself a word). */
export function segmentToken(tok: string): readonly string[] | undefined {
  if (tok.length < MIN_GLUED_LENGTH || !LETTERS_ONLY.test(tok)) return undefined;
  const cached = cache.get(tok);
  if (cached !== undefined) return cached ?? undefined;
  const lex = getLexicon();
  const result = lex.has(tok) ? null : cut(tok, lex);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(tok, result);
  return result ?? undefined;
}

function pieceCost(len: number): number {
  return len === 1 ? 2.2 : len === 2 ? 1.4 : 1;
}

function cut(tok: string, lex: ReadonlySet<string>): readonly string[] | null {
  const n = tok.length;
  const cost = new Float64Array(n + 1).fill(Infinity);
  const from = new Int32Array(n + 1).fill(-1);
  cost[0] = 0;
  for (let end = 1; end <= n; end++) {
    for (let start = Math.max(0, end - MAX_WORD_LENGTH); start < end; start++) {
      if (cost[start] === Infinity) continue;
      const c = cost[start] + pieceCost(end - start);
      if (c < cost[end] && lex.has(tok.slice(start, end))) {
        cost[end] = c;
        from[end] = start;
      }
    }
  }
  if (cost[n] === Infinity) return null;
  const pieces: string[] = [];
  for (let end = n; end > 0; end = from[end]) pieces.unshift(tok.slice(from[end], end));
  // Trust a cut only when it is made mostly of real words: at least one long word, few one-letter pieces.
  const singles = pieces.filter((p) => p.length === 1).length;
  const longest = Math.max(...pieces.map((p) => p.length));
  if (pieces.length < 2 || longest < 4 || singles * 3 > pieces.length || n / pieces.length < 3) return null;
  // A one-letter piece is an elision or « a »/« y »/"i": never the last piece of a word.
  if (pieces[pieces.length - 1].length === 1) return null;
  return pieces;
}
