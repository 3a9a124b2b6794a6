/**
 * Which of the parent's children a message is about.
 *
 * Names are compared folded (no accents, no case) token by token against the children the caller
 * passes in, so « zoe », « d'Émile », "Noah's" and « marie eve » all find their child. Typos are
 * tolerated in proportion to the name's length (see fuzzy.ts) but never against a common word, so a
 * child named Max is not found in « maximum » nor Paul in « pour ». A name that is itself a common word
 * (Rose, Claire, Will) needs evidence: a capital letter, a kinship word before it (« ma fille rose »),
 * or the message being only that name (the answer to « lequel de vos enfants ? »).
 *
 * Ties: `matchChildren` lists every child mentioned (« Léa et Tom »); `matchChildName` returns the
 * single best child, or null when two different children share the best score — the caller then asks.
 */
import { allowedEdits, boundedDistance } from "./fuzzy";
import { foldWithMap, fold, wordTokens, originalSpan, isCapitalized, isShouting, Token } from "./fold";
import { isCommonWord } from "./lexicon";

export interface ChildCandidate {
  id: string;
  givenName: string;
  preferredName?: string | null;
}

export interface ChildMatch {
  id: string;
  givenName: string;
  /** 1 exact, −0.1 per typo, 0.7 for the first part of a compound name alone. */
  score: number;
  /** The words of the message that matched, as written. */
  text: string;
  /** [start, end) offsets in the original message. */
  span: [number, number];
}

/** Words that, just before a name, say « this is one of my children ». */
const KINSHIP = new Set(
  "fille fils enfant garcon cadette cadet ainee aine petite petit eleve daughter son child kid boy girl student".split(" "),
);

/** « l'horaire de rose », « les absences de max »: a record word then « de » points at a person. */
const RECORD_NOUNS = new Set(
  "horaire horaires bulletin bulletins absence absences retard retards notes note cours dossier credits resultats schedule report attendance".split(
    " ",
  ),
);

const PARTIAL_SCORE = 0.7;

interface Hit {
  child: ChildCandidate;
  score: number;
  from: number; // token index, inclusive
  to: number; // token index, exclusive
}

/** Distance of one text token to one name token, or Infinity when not close enough. */
function tokenDistance(textTok: string, nameTok: string): number {
  if (textTok === nameTok) return 0;
  const max = allowedEdits(nameTok.length);
  // Typos only on words that are not ordinary vocabulary, and never on the first letter of short names.
  if (max === 0 || textTok.length < 3 || isCommonWord(textTok)) return Infinity;
  if (nameTok.length < 7 && textTok[0] !== nameTok[0]) return Infinity;
  const d = boundedDistance(textTok, nameTok, max);
  return d <= max ? d : Infinity;
}

/** Distance of the name (all its parts) to the text starting at token i; also tries « marieeve ». */
function nameAt(tokens: Token[], i: number, parts: string[]): { d: number; to: number } | null {
  // A name that is an everyday word (Rose, Will) only matches as written: « roses » is not Rose.
  if (parts.length === 1 && isCommonWord(parts[0])) return tokens[i].t === parts[0] ? { d: 0, to: i + 1 } : null;
  if (i + parts.length <= tokens.length) {
    let total = 0;
    for (let k = 0; k < parts.length && Number.isFinite(total); k++) total += tokenDistance(tokens[i + k].t, parts[k]);
    if (Number.isFinite(total) && total <= 2) return { d: total, to: i + parts.length };
  }
  if (parts.length > 1) {
    const d = tokenDistance(tokens[i].t, parts.join(""));
    if (Number.isFinite(d)) return { d, to: i + 1 };
  }
  return null;
}

/** A name that is also a common word needs a capital, a kinship word, or to stand alone. */
function hasNameEvidence(
  text: string,
  f: ReturnType<typeof foldWithMap>,
  tokens: Token[],
  from: number,
  to: number,
  shouting: boolean,
): boolean {
  if (from === 0 && to === tokens.length) return true;
  if (!shouting && isCapitalized(text, f, tokens[from].start)) return true;
  for (let k = Math.max(0, from - 2); k < from; k++) if (KINSHIP.has(tokens[k].t)) return true;
  const prep = tokens[from - 1]?.t;
  if ((prep === "de" || prep === "d" || prep === "of") && RECORD_NOUNS.has(tokens[from - 2]?.t ?? "")) return true;
  // English possessive « max's »: the apostrophe sits right between the name and « s ».
  const next = tokens[to];
  return next?.t === "s" && next.start === tokens[to - 1].end + 1 && f.text[tokens[to - 1].end] === "'";
}

function collectHits(text: string, children: ChildCandidate[]): { hits: Hit[]; tokens: Token[]; f: ReturnType<typeof foldWithMap> } {
  const f = foldWithMap(text);
  const tokens = wordTokens(f.text);
  const shouting = isShouting(text);
  const variants = children.flatMap((child) =>
    [child.givenName, child.preferredName]
      .filter((n): n is string => typeof n === "string" && n.trim().length > 0)
      .map((n) => ({ child, parts: wordTokens(fold(n)).map((t) => t.t) }))
      .filter((v) => v.parts.length > 0),
  );
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const { child, parts } of variants) {
      const full = nameAt(tokens, i, parts);
      if (full) {
        const common = full.d === 0 && isCommonWord(parts.join(" ")) && parts.length === 1;
        if (!common || hasNameEvidence(text, f, tokens, i, full.to, shouting)) {
          hits.push({ child, score: 1 - 0.1 * full.d, from: i, to: full.to });
        }
        continue;
      }
      // « Marie » for Marie-Ève: only exact, and only when the first part is not an everyday word.
      if (parts.length > 1 && parts[0].length >= 3 && tokens[i].t === parts[0]) {
        if (!isCommonWord(parts[0]) || hasNameEvidence(text, f, tokens, i, i + 1, shouting)) {
          hits.push({ child, score: PARTIAL_SCORE, from: i, to: i + 1 });
        }
      }
    }
  }
  return { hits, tokens, f };
}

/** Every child mentioned, best score each, in order of first mention. Never throws. */
export function matchChildren(text: string, children: ChildCandidate[]): ChildMatch[] {
  if (typeof text !== "string" || !Array.isArray(children) || children.length === 0) return [];
  const { hits, tokens, f } = collectHits(text, children);
  // Overlapping hits compete: best score, then the longer span (Marie-Ève beats Marie); a tie between
  // two different children on the same words means we cannot tell, so that mention is dropped.
  hits.sort((a, b) => a.from - b.from || b.score - a.score || b.to - b.from - (a.to - a.from));
  const winners: Hit[] = [];
  let group: Hit[] = [];
  let groupEnd = -1;
  const flush = () => {
    if (group.length === 0) return;
    group.sort((a, b) => b.score - a.score || b.to - b.from - (a.to - a.from));
    const [best, second] = group;
    const tied =
      second && second.child.id !== best.child.id && second.score === best.score && second.to - second.from === best.to - best.from;
    if (!tied) winners.push(best);
    group = [];
  };
  for (const h of hits) {
    if (h.from >= groupEnd) {
      flush();
      groupEnd = h.to;
    } else groupEnd = Math.max(groupEnd, h.to);
    group.push(h);
  }
  flush();
  const byChild = new Map<string, ChildMatch>();
  for (const w of winners) {
    const span = originalSpan(f, tokens[w.from].start, tokens[w.to - 1].end);
    const prev = byChild.get(w.child.id);
    if (!prev || w.score > prev.score) {
      const match = {
        id: w.child.id,
        givenName: w.child.givenName,
        score: Math.round(w.score * 100) / 100,
        text: text.slice(span[0], span[1]),
        span,
      };
      byChild.set(w.child.id, prev ? { ...match, span: prev.span, text: prev.text } : match);
    }
  }
  return [...byChild.values()];
}

/** The one child the message is about; null when none, or when two children tie for best. */
export function matchChildName(text: string, children: ChildCandidate[]): ChildMatch | null {
  const all = matchChildren(text, children);
  if (all.length === 0) return null;
  const sorted = [...all].sort((a, b) => b.score - a.score);
  if (sorted.length > 1 && sorted[1].score === sorted[0].score) return null;
  return sorted[0];
}
