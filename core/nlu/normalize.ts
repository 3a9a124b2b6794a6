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
  nbsp: " ",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  rsquo: "'",
  lsquo: "'",
  laquo: '"',
  raquo: '"',
  eacute: "é",
  egrave: "è",
  ecirc: "ê",
  agrave: "à",
  acirc: "â",
  ccedil: "ç",
  ocirc: "ô",
  icirc: "î",
  iuml: "ï",
  ucirc: "û",
  ugrave: "ù",
  euml: "ë",
  Eacute: "É",
  Egrave: "È",
  Agrave: "À",
  Ccedil: "Ç",
  oelig: "œ",
  hellip: "...",
  ndash: "-",
  mdash: "-",
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
const NON_ASCII = /[^\u0000-\u007f]/;

export function fold(text: string): string {
  // Plain ASCII has no accent or ligature to remove: lowercasing is all the rest would do.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
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
  slt: "salut",
  bjr: "bonjour",
  bsr: "bonsoir",
  cc: "coucou",
  pk: "pourquoi",
  pq: "pourquoi",
  pkoi: "pourquoi",
  pcq: "parce que",
  pck: "parce que",
  jsp: "je sais pas",
  chais: "je sais",
  svp: "s il vous plait",
  stp: "s il te plait",
  svpl: "s il vous plait",
  mrc: "merci",
  mci: "merci",
  merki: "merci",
  mercii: "merci",
  merciii: "merci",
  qqn: "quelqu un",
  qqch: "quelque chose",
  qq: "quelques",
  tjrs: "toujours",
  tjs: "toujours",
  ds: "dans",
  pr: "pour",
  ke: "que",
  koi: "quoi",
  kan: "quand",
  qd: "quand",
  chu: "je suis",
  chui: "je suis",
  jsuis: "je suis",
  jai: "j ai",
  cest: "c est",
  jveux: "je veux",
  jvoudrais: "je voudrais",
  jpeux: "je peux",
  jarrive: "j arrive",
  mdp: "mot de passe",
  motdepasse: "mot de passe",
  mtp: "mot de passe",
  msg: "message",
  dsl: "desole",
  bcp: "beaucoup",
  tt: "tout",
  pb: "probleme",
  prob: "probleme",
  pbm: "probleme",
  rdv: "rendez vous",
  auj: "aujourd hui",
  ajd: "aujourd hui",
  aujourdhui: "aujourd hui",
  dmn: "demain",
  ptit: "petit",
  ptite: "petite",
  bb: "bebe",
  ya: "il y a",
  yen: "il y en",
  nn: "non",
  wi: "oui",
  ui: "oui",
  cmt: "comment",
  cmnt: "comment",
  tkt: "t inquiete",
  bn: "bonne",
  bne: "bonne",
  biz: "bisous",
  // Typos seen in parents' messages
  bulletain: "bulletin",
  buletin: "bulletin",
  bultin: "bulletin",
  bulltin: "bulletin",
  bulettin: "bulletin",
  bulletins: "bulletin",
  pase: "passe",
  passse: "passe",
  pass: "passe",
  horraire: "horaire",
  oraire: "horaire",
  horair: "horaire",
  absense: "absence",
  absenses: "absences",
  abscence: "absence",
  abcense: "absence",
  courier: "courriel",
  couriel: "courriel",
  courielle: "courriel",
  courrielle: "courriel",
  portal: "portail",
  portaille: "portail",
  compt: "compte",
  conte: "compte",
  identifient: "identifiant",
  inscripton: "inscription",
  retart: "retard",
  retards: "retard",
  // English abbreviations and typos
  pasword: "password",
  passwrd: "password",
  passowrd: "password",
  pwd: "password",
  pw: "password",
  pswd: "password",
  passw: "password",
  psw: "password",
  paswd: "password",
  thx: "thanks",
  thnx: "thanks",
  ty: "thank you",
  tks: "thanks",
  plz: "please",
  pls: "please",
  u: "you",
  ur: "your",
  r: "are",
  im: "i m",
  cant: "can t",
  dont: "don t",
  didnt: "didn t",
  doesnt: "doesn t",
  wont: "won t",
  isnt: "isn t",
  havent: "haven t",
  cannot: "can not",
  sched: "schedule",
  shedule: "schedule",
  schedual: "schedule",
  schedul: "schedule",
  attendence: "attendance",
  atendance: "attendance",
  reprot: "report",
  raport: "report",
  acount: "account",
  accout: "account",
  emial: "email",
  gonna: "going to",
  wanna: "want to",
  hrs: "hours",
  hr: "hour",
  // Anglicisms → the French verb, so « canceller » and « annuler » share a feature
  canceller: "annuler",
  cancelle: "annule",
  checker: "verifier",
  cheker: "verifier",
  checke: "verifie",
  loguer: "connecter",
  logguer: "connecter",
  loger: "connecter",
  reseter: "reinitialiser",
  resetter: "reinitialiser",
  resete: "reinitialise",
  updater: "mettre a jour",
  upgrader: "mettre a jour",
  downloader: "telecharger",
  forwarder: "transferer",
  scheduler: "horaire",
  // Québec/Ontario chat forms (« chu », « kessé », « pis », « tsé », « bin ») and their contractions
  kesse: "qu est ce",
  kes: "qu est ce",
  keske: "qu est ce que",
  kesque: "qu est ce que",
  esque: "est ce que",
  eske: "est ce que",
  estce: "est ce",
  ct: "c etait",
  cetait: "c etait",
  chuis: "je suis",
  jsui: "je suis",
  jvais: "je vais",
  jva: "je vais",
  jme: "je me",
  jte: "je te",
  jpense: "je pense",
  jtrouve: "je trouve",
  jcomprend: "je comprends",
  jcomprends: "je comprends",
  jsais: "je sais",
  jpourrais: "je pourrais",
  jaimerais: "j aimerais",
  jpeu: "je peux",
  jlai: "je l ai",
  jlui: "je lui",
  jcherche: "je cherche",
  jen: "j en",
  pis: "puis",
  pi: "puis",
  bin: "bien",
  ben: "bien",
  tse: "tu sais",
  tsais: "tu sais",
  faque: "fait que",
  fak: "fait que",
  fek: "fait que",
  pu: "plus",
  icitte: "ici",
  asteure: "maintenant",
  astheure: "maintenant",
  pantoute: "pas du tout",
  ptetre: "peut etre",
  ptete: "peut etre",
  toute: "tout",
  kom: "comme",
  koman: "comment",
  komment: "comment",
  quesque: "qu est ce que",
  cque: "ce que",
  sque: "ce que",
  ti: "petit",
  tite: "petite",
  oke: "ok",
  okay: "ok",
  okk: "ok",
  kk: "ok",
  // Anglicisms (verbs conjugated the French way) → a French verb shared with the formal phrasing
  checkes: "verifie",
  checkez: "verifiez",
  cheque: "verifie",
  printer: "imprimer",
  printe: "imprime",
  printes: "imprime",
  printez: "imprimez",
  caller: "appeler",
  callez: "appelez",
  calle: "appele",
  skipper: "skip",
  skippe: "skip",
  skipe: "skip",
  skippes: "skip",
  skipped: "skip",
  skipping: "skip",
  skippent: "skip",
  skippait: "skip",
  uploader: "televerser",
  signupe: "inscrire",
  booker: "reserver",
  cancele: "annule",
  cancellez: "annulez",
  updatee: "mis a jour",
  cedule: "horaire",
  cedules: "horaire",
  // More typos parents make
  bulltins: "bulletin",
  buletins: "bulletin",
  bultins: "bulletin",
  bulletinn: "bulletin",
  bulletn: "bulletin",
  bulletint: "bulletin",
  bulentin: "bulletin",
  bulelin: "bulletin",
  bullentin: "bulletin",
  horaires: "horaire",
  horaie: "horaire",
  hraire: "horaire",
  orraire: "horaire",
  absance: "absence",
  absances: "absences",
  absensce: "absence",
  abscences: "absences",
  absant: "absent",
  absante: "absente",
  abcent: "absent",
  abscent: "absent",
  absennt: "absent",
  retar: "retard",
  retare: "retard",
  motdpasse: "mot de passe",
  motpasse: "mot de passe",
  paiment: "paiement",
  payement: "paiement",
  paimant: "paiement",
  paiments: "paiements",
  rembourssement: "remboursement",
  formulair: "formulaire",
  formulere: "formulaire",
  formullaire: "formulaire",
  inscripion: "inscription",
  inscrption: "inscription",
  ecol: "ecole",
  ecolle: "ecole",
  couriels: "courriels",
  notif: "notification",
  notifs: "notifications",
  notifss: "notifications",
  adresee: "adresse",
  addresse: "adresse",
  adrese: "adresse",
  telephonne: "telephone",
  tel: "telephone",
  cel: "cellulaire",
  cell: "cellulaire",
  celullaire: "cellulaire",
  // English chat forms and typos
  nvm: "never mind",
  nevermind: "never mind",
  idk: "i don t know",
  dunno: "don t know",
  cuz: "because",
  bc: "because",
  bcuz: "because",
  coz: "because",
  abt: "about",
  tmrw: "tomorrow",
  tmr: "tomorrow",
  tmrow: "tomorrow",
  tomorow: "tomorrow",
  tommorow: "tomorrow",
  yday: "yesterday",
  rn: "right now",
  ive: "i ve",
  youre: "you re",
  whats: "what s",
  wheres: "where s",
  hows: "how s",
  thats: "that s",
  theres: "there s",
  couldnt: "could not",
  wouldnt: "would not",
  shouldnt: "should not",
  wasnt: "wasn t",
  arent: "aren t",
  teh: "the",
  recieve: "receive",
  recieved: "received",
  recieving: "receiving",
  enrollment: "enrolment",
  enroll: "enrol",
  enrolement: "enrolment",
  reportcard: "report card",
  reportcards: "report card",
  repot: "report",
  scedule: "schedule",
  schdule: "schedule",
  skedule: "schedule",
  shedual: "schedule",
  passord: "password",
  passwor: "password",
  passwd: "password",
  accnt: "account",
  acct: "account",
  accont: "account",
  emai: "email",
  absnt: "absent",
  attendace: "attendance",
  attendanse: "attendance",
  notfications: "notifications",
  notifcations: "notifications",
  paymnt: "payment",
  reciept: "receipt",
  receit: "receipt",
  recipt: "receipt",
  tysm: "thank you so much",
  tyvm: "thank you very much",
  thnks: "thanks",
  thanx: "thanks",
  thks: "thanks",
  cya: "see you",
  gn: "good night",
  // Québec/Franco-Ontarian oral forms (« kossé », « foxer » = skip class, « mo de pass », « lorraire »)
  kosse: "qu est ce",
  kossa: "qu est ce",
  foxe: "skip",
  foxer: "skip",
  foxes: "skip",
  foxait: "skip",
  foxent: "skip",
  foxee: "skip",
  mo: "mot",
  lorraire: "l horaire",
  lhoraire: "l horaire",
  loraire: "l horaire",
  lecole: "l ecole",
  ladresse: "l adresse",
  labsence: "l absence",
  lenseignante: "l enseignante",
  lenseignant: "l enseignant",
  jpeuxpas: "je peux pas",
  chpas: "je sais pas",
  pogne: "pris",
  pognee: "prise",
  pogner: "prendre",
  ye: "il est",
  goodnite: "good night",
  goodnight: "good night",
  nite: "night",
  morn: "morning",
  mornin: "morning",
};

/**
 * Looked up in a Map, never on the object: a plain-object lookup would find Object.prototype members
 * (« constructor », « toString ») and crash on a parent who types one of them.
 */
const REWRITE_MAP: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(REWRITES)
    .filter(([k, v]) => k !== v)
    .map(([k, v]) => [k, v.split(" ")]),
);

/** The canonical spelling of one folded token, or undefined when it has none. */
export function rewriteOf(tok: string): string | undefined {
  return REWRITE_MAP.get(tok)?.join(" ");
}

/** Every spelling that has a rewrite (« jai », « mdp »): build-corpus.ts adds them to the segmentation lexicon. */
export function rewriteKeys(): string[] {
  return [...REWRITE_MAP.keys()];
}

/** Same, as its words (no allocation: the shared array must not be modified). */
export function rewritePartsOf(tok: string): readonly string[] | undefined {
  return REWRITE_MAP.get(tok);
}

const TOKEN = /[a-z0-9]+/g;
const TRIPLE = /(.)\1\1/;
const ALL_DIGITS = /^\d+$/;
const REPEATS = /(.)\1{2,}/g;

/** Splits folded text into canonical tokens (at most MAX_TOKENS). */
export function tokenize(text: string, maxTokens: number = MAX_TOKENS): string[] {
  const folded = fold(text);
  const out: string[] = [];
  const re = TOKEN;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded)) !== null && out.length < maxTokens) {
    let tok = m[0];
    if (tok.length > 30) tok = tok.slice(0, 30); // garbage such as base64 or keyboard mashing
    // Letter repetitions (« merciiiii », « allooo ») are emphasis, not new words.
    if (tok.length >= 3 && TRIPLE.test(tok) && !ALL_DIGITS.test(tok)) tok = tok.replace(REPEATS, "$1");
    const rewrite = REWRITE_MAP.get(tok);
    if (rewrite !== undefined) {
      for (const part of rewrite) out.push(part);
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
