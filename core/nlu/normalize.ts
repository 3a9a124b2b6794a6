/**
 * Text folding for the classifier and the language detector: strips HTML and control characters,
 * lowercases, removes accents, and rewrites the SMS abbreviations, frequent typos and anglicisms that
 * parents actually type into one canonical spelling, so that « slt jsp ou est le bulletain » and
 * « Salut, je ne sais pas où est le bulletin » end up sharing most of their features.
 */

/** Work is capped so that classification time stays linear and bounded for huge inputs. */
export const MAX_INPUT_CHARS = 20_000;
export const MAX_TOKENS = 400;

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", rsquo: "'", lsquo: "'", laquo: '"',
  raquo: '"', eacute: "é", egrave: "è", ecirc: "ê", agrave: "à", acirc: "â", ccedil: "ç", ocirc: "ô",
  icirc: "î", iuml: "ï", ucirc: "û", ugrave: "ù", euml: "ë", Eacute: "É", Egrave: "È", Agrave: "À",
  Ccedil: "Ç", oelig: "œ", hellip: "...", ndash: "-", mdash: "-",
};

/** Removes tags (and the content of script/style blocks) and decodes character entities. */
export function stripHtml(text: string): string {
  if (!/[<&]/.test(text)) return text;
  return text
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, "\n")
    .replace(/<[^>]{0,2000}>/g, " ")
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, h: string) => safeCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]{1,7});/g, (_, d: string) => safeCodePoint(parseInt(d, 10)))
    .replace(/&([a-zA-Z]{2,8});/g, (m, n: string) => NAMED_ENTITIES[n] ?? m);
}

function safeCodePoint(cp: number): string {
  return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : " ";
}

/** Raw clean-up shared by every entry point: bounded length, no HTML, no control characters. */
export function cleanText(text: unknown): string {
  if (typeof text !== "string") return "";
  const bounded = text.length > MAX_INPUT_CHARS ? text.slice(0, MAX_INPUT_CHARS) : text;
  // Keep \n and \t (paragraph structure matters for emails); every other control char becomes a space.
  return stripHtml(bounded).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\ufeff]/g, " ");
}

/** Lowercase + strip diacritics + unify apostrophes; keeps only [a-z0-9] as word characters. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss");
}

/**
 * One token → its canonical spelling (possibly several words). Only unambiguous forms are listed:
 * a rewrite that is sometimes wrong costs more than the n-gram features it would help.
 */
const REWRITES: Record<string, string> = {
  // SMS and chat abbreviations (French)
  slt: "salut", bjr: "bonjour", bsr: "bonsoir", cc: "coucou", pk: "pourquoi", pq: "pourquoi",
  pkoi: "pourquoi", pcq: "parce que", pck: "parce que", jsp: "je sais pas", chais: "je sais",
  svp: "s il vous plait", stp: "s il te plait", svpl: "s il vous plait", mrc: "merci", mci: "merci",
  merki: "merci", mercii: "merci", merciii: "merci", qqn: "quelqu un", qqch: "quelque chose",
  qq: "quelques", tjrs: "toujours", tjs: "toujours", ds: "dans", pr: "pour", ke: "que", koi: "quoi",
  kan: "quand", qd: "quand", chu: "je suis", chui: "je suis", jsuis: "je suis", jai: "j ai",
  cest: "c est", jveux: "je veux", jvoudrais: "je voudrais", jpeux: "je peux", jarrive: "j arrive",
  mdp: "mot de passe", motdepasse: "mot de passe", mtp: "mot de passe", msg: "message", dsl: "desole",
  bcp: "beaucoup", tt: "tout", pb: "probleme", prob: "probleme", pbm: "probleme", rdv: "rendez vous",
  auj: "aujourd hui", ajd: "aujourd hui", aujourdhui: "aujourd hui", dmn: "demain", ptit: "petit",
  ptite: "petite", bb: "bebe", ya: "il y a", yen: "il y en", nn: "non", wi: "oui", ui: "oui",
  cmt: "comment", cmnt: "comment", tkt: "t inquiete", bn: "bonne", bne: "bonne", biz: "bisous",
  // Typos seen in parents' messages
  bulletain: "bulletin", buletin: "bulletin", bultin: "bulletin", bulltin: "bulletin", bulettin: "bulletin",
  bulletins: "bulletin", pase: "passe", passse: "passe", pass: "passe", horraire: "horaire",
  oraire: "horaire", horair: "horaire", absense: "absence", absenses: "absences", abscence: "absence",
  abcense: "absence", courier: "courriel", couriel: "courriel", courielle: "courriel", courrielle: "courriel",
  portal: "portail", portaille: "portail", compt: "compte", conte: "compte", identifient: "identifiant", inscripton: "inscription", retart: "retard", retards: "retard",
  // English abbreviations and typos
  pasword: "password", passwrd: "password", passowrd: "password", pwd: "password", pw: "password",
  pswd: "password", passw: "password", psw: "password", paswd: "password", thx: "thanks", thnx: "thanks",
  ty: "thank you", tks: "thanks", plz: "please", pls: "please", u: "you", ur: "your", r: "are",
  im: "i m", cant: "can t", dont: "don t", didnt: "didn t", doesnt: "doesn t", wont: "won t",
  isnt: "isn t", havent: "haven t", cannot: "can not", sched: "schedule", shedule: "schedule",
  schedual: "schedule", schedul: "schedule", attendence: "attendance", atendance: "attendance",
  reprot: "report", raport: "report", acount: "account", accout: "account", emial: "email",
  gonna: "going to", wanna: "want to", hrs: "hours", hr: "hour",
  // Anglicisms → the French verb, so « canceller » and « annuler » share a feature
  canceller: "annuler", cancelle: "annule", checker: "verifier", cheker: "verifier",
  checke: "verifie", loguer: "connecter", logguer: "connecter", loger: "connecter", reseter: "reinitialiser",
  resetter: "reinitialiser", resete: "reinitialise",
  updater: "mettre a jour", upgrader: "mettre a jour", downloader: "telecharger", forwarder: "transferer",
  scheduler: "horaire",
};

/** Splits folded text into canonical tokens (at most MAX_TOKENS). */
export function tokenize(text: string, maxTokens: number = MAX_TOKENS): string[] {
  const folded = fold(text);
  const out: string[] = [];
  const re = /[a-z0-9]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded)) !== null && out.length < maxTokens) {
    let tok = m[0];
    if (tok.length > 30) tok = tok.slice(0, 30); // garbage such as base64 or keyboard mashing
    // Letter repetitions (« merciiiii », « allooo ») are emphasis, not new words.
    if (/(.)\1\1/.test(tok) && !/^\d+$/.test(tok)) tok = tok.replace(/(.)\1{2,}/g, "$1");
    const rewrite = REWRITES[tok];
    if (rewrite !== undefined && rewrite !== tok) {
      for (const part of rewrite.split(" ")) out.push(part);
    } else {
      out.push(tok);
    }
  }
  return out;
}

/** Convenience for callers that want one normalised string (e.g. secret-answer comparison, logs). */
export function normalizeText(text: unknown): string {
  return tokenize(cleanText(text)).join(" ");
}
