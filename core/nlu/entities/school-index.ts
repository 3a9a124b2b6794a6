/**
 * Turns the board's school directory into what the school matcher compares against.
 *
 * Each official or former name is reduced to its distinctive phrase (« École secondaire publique De La
 * Salle » → « de la salle ») and its core without articles (« salle »). A core of a single everyday
 * word, a short word or a city name is « weak »: it only counts with evidence (see school.ts).
 * Built once per directory array and cached, since the directory changes only on import.
 */
import { fold, wordTokens } from "./fold";
import { isCommonWord } from "./lexicon";

export interface SchoolCandidate {
  code: string;
  name: string;
  formerNames?: string[];
  city?: string | null;
  /** Free text from the directory (« secondaire (7-12) », « élémentaire »); used only to disambiguate. */
  level?: string | null;
}

export interface SchoolAlias {
  school: SchoolCandidate;
  phrase: string[];
  core: string[];
  weak: boolean;
  /** The weak core is a city name (« Kanata »): it needs a school word right next to it. */
  cityName: boolean;
}

export interface SchoolIndex {
  aliases: SchoolAlias[];
  /** City token → schools located there (« ottawa (vanier) » gives ottawa and vanier). */
  cities: Map<string, SchoolCandidate[]>;
  /** Core token → codes of the schools whose core holds it (« carrefour » → two schools). */
  sharedBy: Map<string, Set<string>>;
}

/** Words that say « a school » and never distinguish one. */
export const SCHOOL_CUES = new Set(
  "ecole ecoles elementaire secondaire publique esp eep eesp ea ep academie school high elementary secondary public primaire college".split(
    " ",
  ),
);
const LEADING_GENERIC = new Set("ecole elementaire secondaire publique et academie".split(" "));
export const ARTICLES = new Set("le la les l de du des d et a au aux en".split(" "));

/** « École des adultes Le Carrefour » → [le, carrefour]; « L'Académie de la Seigneurie » → [de, la, seigneurie]. */
export function distinctivePhrase(name: string): string[] {
  const toks = wordTokens(fold(name)).map((t) => t.t);
  let i = 0;
  while (i < toks.length) {
    if (LEADING_GENERIC.has(toks[i])) i++;
    else if (toks[i] === "des" && toks[i + 1] === "adultes") i += 2;
    else if (toks[i] === "l" && toks[i + 1] === "academie") i += 1;
    else break;
  }
  return toks.slice(i);
}

export function levelOf(school: SchoolCandidate): { elementary: boolean; secondary: boolean } | null {
  if (!school.level) return null;
  const l = fold(school.level);
  return { elementary: /elementaire|primaire|elementary/.test(l), secondary: /secondaire|secondary|high/.test(l) };
}

const cache = new WeakMap<readonly SchoolCandidate[], SchoolIndex>();

export function buildSchoolIndex(schools: readonly SchoolCandidate[]): SchoolIndex {
  const cached = cache.get(schools);
  if (cached) return cached;
  const cities = new Map<string, SchoolCandidate[]>();
  for (const s of schools) {
    for (const t of wordTokens(fold(s.city ?? ""))) {
      const list = cities.get(t.t) ?? [];
      if (!list.includes(s)) list.push(s);
      cities.set(t.t, list);
    }
  }
  const aliases: SchoolAlias[] = [];
  const sharedBy = new Map<string, Set<string>>();
  for (const s of schools) {
    if (!s || typeof s.name !== "string") continue;
    const names = [s.name, ...(Array.isArray(s.formerNames) ? s.formerNames : [])];
    const seen = new Set<string>();
    for (const n of names) {
      const phrase = distinctivePhrase(n);
      const core = phrase.filter((t) => !ARTICLES.has(t));
      const key = phrase.join(" ");
      if (core.length === 0 || seen.has(key)) continue;
      seen.add(key);
      const cityName = core.length === 1 && cities.has(core[0]);
      const weak = core.length === 1 && (cityName || isCommonWord(core[0]) || core[0].length <= 4);
      aliases.push({ school: s, phrase, core, weak, cityName });
      for (const t of core) {
        const set = sharedBy.get(t) ?? new Set<string>();
        set.add(s.code);
        sharedBy.set(t, set);
      }
    }
  }
  const index = { aliases, cities, sharedBy };
  cache.set(schools, index);
  return index;
}
