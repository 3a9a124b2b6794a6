/**
 * The words of dates and periods, French and English, folded (no accents), with the SMS forms and
 * common misspellings parents use. A keyword is looked up exactly, then with one typo for words of
 * six letters or more (never on the first letter), so « novmbre », "tomorow", « vendredie » still count.
 */
import { boundedDistance } from "./fuzzy";

export type Keyword =
  | { k: "rel"; offset: number } // aujourd'hui, demain, hier…
  | { k: "weekday"; day: number; abbrev?: boolean } // 1 = Monday … 7 = Sunday (ISO)
  | { k: "month"; month: number; abbrev?: boolean } // 1 … 12
  | { k: "part"; part: "morning" | "afternoon" | "evening" }
  | { k: "dir"; dir: "next" | "last" | "this" }
  | { k: "unit"; unit: "day" | "week" | "month" | "year" | "semester" }
  | { k: "ord"; n: number } // premier, deuxième, second…
  | { k: "prep"; p: "from" | "to" | "since" | "until" | "between" | "and" | "on" | "in" | "ago" | "le" };

const TABLE: Record<string, Keyword> = {};
function add(words: string, kw: Keyword): void {
  for (const w of words.split(/\s+/)) if (w) TABLE[w] = kw;
}

add("aujourdhui aujourdui auj ajd ojd auj today tday tdy 2day", { k: "rel", offset: 0 });
add("demain dmain demin tomorrow tmrw tmr tomoro tommorow tomorow", { k: "rel", offset: 1 });
add("hier yesterday yday yest", { k: "rel", offset: -1 });
add("tonight tonite", { k: "part", part: "evening" });

const WEEKDAYS = [
  "lundi monday",
  "mardi tuesday tue tues",
  "mercredi wednesday wed weds",
  "jeudi thursday thu thur thurs",
  "vendredi friday fri",
  "samedi saturday",
  "dimanche sunday",
];
WEEKDAYS.forEach((w, i) => {
  for (const word of w.split(" ")) TABLE[word] = { k: "weekday", day: i + 1, abbrev: word.length <= 4 };
});
const MONTHS = [
  "janvier janv jan january",
  "fevrier fevr fev feb february",
  "mars mar march",
  "avril avr apr april",
  "mai may",
  "juin jun june",
  "juillet juil jul july",
  "aout aug august",
  "septembre sept sep september",
  "octobre oct october",
  "novembre nov november",
  "decembre dec december",
];
MONTHS.forEach((m, i) => {
  for (const word of m.split(" ")) TABLE[word] = { k: "month", month: i + 1, abbrev: word.length <= 4 };
});

add("matin matinee morning avantmidi", { k: "part", part: "morning" });
add("apresmidi aprem apm afternoon", { k: "part", part: "afternoon" });
add("soir soiree evening", { k: "part", part: "evening" });
add("prochain prochaine prochains proch suivant suivante next coming", { k: "dir", dir: "next" });
add("dernier derniere derniers passe passee precedent precedente last past previous", { k: "dir", dir: "last" });
add("ce cet cette ces this current", { k: "dir", dir: "this" });
add("jour jours journee day days", { k: "unit", unit: "day" });
add("semaine semaines week weeks wk", { k: "unit", unit: "week" });
add("mois month months", { k: "unit", unit: "month" });
add("annee an annees ans year years", { k: "unit", unit: "year" });
add("semestre semestres semester semesters", { k: "unit", unit: "semester" });
add("premier premiere first", { k: "ord", n: 1 });
add("deuxieme deuxiemme deuzieme second seconde", { k: "ord", n: 2 });
add("troisieme third", { k: "ord", n: 3 });
add("quatrieme fourth", { k: "ord", n: 4 });
add("du from", { k: "prep", p: "from" });
add("au jusqu jusquau to till until thru through", { k: "prep", p: "to" });
add("depuis since", { k: "prep", p: "since" });
add("entre between", { k: "prep", p: "between" });
add("et and", { k: "prep", p: "and" });
add("on", { k: "prep", p: "on" });
add("en in", { k: "prep", p: "in" });
add("ago", { k: "prep", p: "ago" });
add("le la the", { k: "prep", p: "le" });

/** Suffixes written right after a day number or an ordinal: 1er, 2e, 6th, 2ème. */
export const ORDINAL_SUFFIXES = new Set("er ere re e eme ieme iem em st nd rd th".split(" "));

const FUZZY_KEYS = Object.keys(TABLE).filter((w) => w.length >= 6);

/** Exact keyword, else a one-typo match on a long keyword; abbreviations never match fuzzily. */
export function lookupKeyword(word: string, cache: Map<string, Keyword | null>): Keyword | null {
  const hit = TABLE[word];
  if (hit) return hit;
  if (word.length < 5) return null;
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  let found: Keyword | null = null;
  for (const key of FUZZY_KEYS) {
    if (key[0] === word[0] && boundedDistance(word, key, 1) <= 1) {
      found = TABLE[key];
      break;
    }
  }
  cache.set(word, found);
  return found;
}
