/**
 * Makes the templates sound like real messages: template expansion, then the noise parents add
 * (no accents, no capitals, no punctuation, SMS abbreviations, anglicisms, one-letter typos), and
 * wrappers that turn a request into a multi-paragraph email with greeting, context, signature and
 * sometimes a quoted earlier reply. Deterministic: every choice comes from the seeded generator.
 */
import type { Rng } from "../../util/random";
import { SLOTS } from "./slots";

export { seededRng, type Rng } from "../../util/random";

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];

/** Expands `[a|b|]` choices and `{slot}` fillers (slots may themselves contain slots). */
export function expand(template: string, rng: Rng): string {
  let out = template.replace(/\[([^\]]*)\]/g, (_, body: string) => pick(rng, body.split("|")));
  for (let round = 0; round < 3 && out.includes("{"); round++) {
    out = out.replace(/\{(\w+)\}/g, (m, name: string) => (SLOTS[name] ? pick(rng, SLOTS[name]) : m));
  }
  return out.replace(/\s{2,}/g, " ").trim();
}

const SMS_FR: [RegExp, string[]][] = [
  [/s'il vous pla[iî]t/gi, ["svp", "svp", "s.v.p."]],
  [/s'il te pla[iî]t/gi, ["stp"]],
  [/\bbonjour\b/gi, ["bjr", "bonjour", "bonjours"]],
  [/\bsalut\b/gi, ["slt"]],
  [/\bje (ne )?sais pas\b/gi, ["jsp", "j'sais pas", "chais pas"]],
  [/\bpourquoi\b/gi, ["pk", "pq", "pourquoi"]],
  [/\bmerci\b/gi, ["mrc", "merci", "mci", "merciii"]],
  [/\bmot de passe\b/gi, ["mdp", "mot de pase", "mot de passe", "motdepasse"]],
  [/\bbulletin\b/gi, ["bulletain", "buletin", "bulletin"]],
  [/\bquelqu'un\b/gi, ["qqn", "quelqu un"]],
  [/\best-ce que\b/gi, ["est ce que", "esque", "estce que"]],
  [/\baujourd'hui\b/gi, ["auj", "ajd", "aujourdhui"]],
  [/\bje suis\b/gi, ["chu", "jsuis", "je suis"]],
  [/\bje veux\b/gi, ["jveux", "je veux", "j'veux"]],
  [/\bparce que\b/gi, ["pcq", "parce que"]],
  [/\bhoraire\b/gi, ["horaire", "horraire", "schedule"]],
  [/\bvérifier\b/gi, ["checker", "vérifier"]],
  [/\bme connecter\b/gi, ["me loguer", "me connecter", "me logger"]],
  [/\bréinitialiser\b/gi, ["reseter", "réinitialiser", "reset"]],
  [/\bannuler\b/gi, ["canceller", "annuler"]],
  [/\bcourriel\b/gi, ["courriel", "email", "mail", "couriel"]],
  [/\bne (\w+) pas\b/gi, ["$1 pas"]],
  [/\bje n'(\w+) pas\b/gi, ["j'$1 pas"]],
  [/\bil y a\b/gi, ["ya", "y'a"]],
];
const SMS_EN: [RegExp, string[]][] = [
  [/\bplease\b/gi, ["pls", "plz", "please"]],
  [/\bthanks\b/gi, ["thx", "thanks"]],
  [/\bthank you\b/gi, ["ty", "thank you"]],
  [/\bpassword\b/gi, ["pasword", "pw", "password", "passwrd"]],
  [/\byou\b/gi, ["u", "you"]],
  [/\bI'm\b/g, ["im", "i'm", "I am"]],
  [/\bcan't\b/gi, ["cant", "can't", "cannot"]],
  [/\bdon't\b/gi, ["dont", "don't"]],
  [/\bschedule\b/gi, ["schedule", "shedule", "sched"]],
];

export function stripAccents(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

function typo(word: string, rng: Rng): string {
  if (word.length < 5 || /\d/.test(word)) return word;
  const i = 1 + Math.floor(rng() * (word.length - 2));
  const kind = rng();
  if (kind < 0.35) return word.slice(0, i) + word.slice(i + 1); // dropped letter
  if (kind < 0.7) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // swapped letters
  return word.slice(0, i) + word[i] + word.slice(i); // doubled letter
}

/** Applies a random mix of the noise real messages carry. */
export function noisy(text: string, lang: "fr" | "en", rng: Rng): string {
  let s = text;
  for (const [re, subs] of lang === "fr" ? SMS_FR : SMS_EN) {
    if (re.test(s) && rng() < 0.35) s = s.replace(re, pick(rng, subs));
    re.lastIndex = 0;
  }
  if (rng() < 0.45) s = stripAccents(s);
  if (rng() < 0.5) s = s.toLowerCase();
  if (rng() < 0.35) s = s.replace(/[?!.,;:]/g, "");
  if (rng() < 0.3) s = s.replace(/'/g, pick(rng, [" ", "", "’"]));
  if (rng() < 0.25) {
    const words = s.split(" ");
    const j = Math.floor(rng() * words.length);
    words[j] = typo(words[j], rng);
    s = words.join(" ");
  }
  if (rng() < 0.1) s = s.toUpperCase();
  if (rng() < 0.15) s += pick(rng, ["?", "??", " ?", "!", " svp", "...", " 🙏", " :("]);
  return s;
}
