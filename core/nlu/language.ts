/**
 * Per-message language detection: French or English, the two languages the assistant answers in.
 * Anything else (Spanish, Arabic script, …) is reported as French with `otherLanguage: true`, because
 * the board answers those parents in French with one English line. Function words decide, since they
 * are frequent even in a three-word message; domain words break ties (« password » vs « mot de passe »).
 * Ambiguous or empty text defaults to French, the board's language.
 */
import { cleanText, fold, rewritePartsOf } from "./normalize";

export type Lang = "fr" | "en";

const FR = new Set(
  (
    "a le la les un une des du de au aux et ou mais donc je j tu il elle on nous vous ils elles me m te t se s " +
    "mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ce cet cette ces qui que qu quoi quand comment " +
    "pourquoi est sont suis ai as avons avez ont pas ne n plus pour par sur dans avec sans chez y en aussi tres " +
    "bonjour salut allo merci oui non fille fils enfant enfants ecole mot passe courriel compte bulletin horaire " +
    "absence absences retard veux voudrais peux pouvez svp bonne journee soiree aide aider annuler besoin ete " +
    "c ca cela voir trouver acceder recu recois jamais encore toujours faut dois doit quel quelle quels quelles " +
    "demain hier aujourd hui semaine lundi mardi mercredi jeudi vendredi adresse changer oublie bonsoir coucou " +
    "parler quelqu personne appelez madame monsieur cordialement remercie plait inscrire inscription rien " +
    // Québec/Ontario chat French and the domain words parents use (after normalize.ts rewrites)
    "puis bien fait tout ici maintenant peut etre gars garcon fille ado cours notes periode salle jour jours " +
    "heure finit commence absente motivee retards dossier urgence numero telephone cellulaire formulaire imprimer " +
    "telecharger paiement payer frais solde recu remboursement lien activer jamais recu nouveau nouvelle autre " +
    "deux trois premier deuxieme mes apparait liste conjoint conjointe chum blonde nuit soir laisse arrete tantot " +
    "benevolat diplome semestre etape quelqu un avoir etre faire savoir aimerais voudrais veut fais fait dit marche"
  ).split(" "),
);

const EN = new Set(
  (
    "the a an and or but so i you he she it we they me my your his her our their this that these those who what " +
    "when where why how is are am was were be been do does did don t can could would should will not no yes " +
    "to for of on in at with without from about please thanks thank hi hello hey daughter son child children kids " +
    "school password email account report card schedule attendance absent late want need help cancel good " +
    "morning evening night see find access got get never still again anyone someone talk call forgot change " +
    "which there here have has had just any some because if up out i m s d ll ve re tomorrow today yesterday " +
    "week monday tuesday wednesday thursday friday address reset sign login log doesn isn didn won ossd progress " +
    // Words that are only English, so that a two-word message (« timetable », « nvm », « ty ») is recognised
    "never mind night goodnight goodbye timetable grades marks teacher office thank thanks anymore " +
    "only show shows showing listed missing wrong right works working work know tell give let like able unable " +
    "error says said receive received send sent update updated phone number emergency form forms print slip " +
    "consent permission pay paid payment charged twice fee fees refund receipt unsubscribe many much every " +
    "time marked skip skipped kid kid's boy girl wife husband new old other another second first link expired " +
    "activate enrol enrolment enrollment credits hours volunteer diploma literacy keep getting stuff lot thx ty " +
    "yo after before care weather lunch order photo day bullied bullying snow closed open"
  ).split(" "),
);

// Distinctive function words of the other languages parents of the board sometimes write in.
const OTHER = new Set(
  (
    "el los las mi mis por para como hola gracias hijo hija necesito puedo tengo contrasena cuenta escuela " +
    "estoy esta usted buenos buenas dias senha obrigado obrigada meu minha filho filha voce nao escola " +
    "ich und nicht mein meine das ist bitte danke hallo kind passwort schule ein eine der die " +
    "della grazie mio figlio sono buongiorno scuola vorrei ciao " +
    "nini habari asante shule"
  ).split(" "),
);

/**
 * Words a parent borrows from the other language without switching (issue 13): greetings and closings
 * (« Bonjour / Hello », "merci"), the portal's nouns (« le schedule », "the bulletin"). They count half,
 * so that the grammar of the request — its function words — says which language to answer in.
 */
const LIGHT = new Set(
  (
    "bonjour salut allo merci bonsoir coucou hi hello hey thanks thank thx ty bye cordialement regards " +
    "bulletin horaire courriel compte mot passe schedule password email account report card school attendance"
  ).split(" "),
);

// Words in both lists ("a", "me", "on", "an") count for neither; the remaining overlap is tiny.
const SHARED = new Set([...FR].filter((w) => EN.has(w) || OTHER.has(w)));

/** Fraction of letters outside the Latin script above which the text is not French or English. */
const NON_LATIN_RATIO = 0.3;
const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/gu;

const HAS_LETTER = /\p{L}/u;
const LETTERS = /\p{L}/gu;
const BEYOND_LATIN = /[^\u0000-\u024f]/;
const WORD = /[a-z]+/g;
const ELISION = /\b(l|j|d|qu|n|c|s)'[a-z]/g;
const MAX_WORDS = 300;

export function detectLanguage(text: string): { lang: Lang; otherLanguage: boolean } {
  const clean = cleanText(text).slice(0, 4000);
  if (!HAS_LETTER.test(clean)) return { lang: "fr", otherLanguage: false };
  // Fast path: text with no character past Latin Extended-B cannot be in another script.
  if (BEYOND_LATIN.test(clean)) {
    const letters = (clean.match(LETTERS) ?? []).length;
    const nonLatin = (clean.match(NON_LATIN_LETTER) ?? []).length;
    if (nonLatin / letters > NON_LATIN_RATIO) return { lang: "fr", otherLanguage: true };
  }

  const counts = { fr: 0, en: 0, other: 0 };
  const count = (w: string) => {
    if (SHARED.has(w)) return;
    const f = FR.has(w);
    const e = EN.has(w);
    const weight = LIGHT.has(w) ? 0.5 : 1;
    if (f) counts.fr += weight;
    if (e) counts.en += weight;
    if (!f && !e && OTHER.has(w)) counts.other++;
  };
  const folded = fold(clean);
  // A word in neither list is read through normalize.ts rewrites (« ty » → "thank you", « chu » → « je
  // suis »); « ya » is both Québec French (« il y a ») and English ("see ya"), so it counts for neither.
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  for (let n = 0; n < MAX_WORDS && (m = WORD.exec(folded)) !== null; n++) {
    const raw = m[0];
    const rw = FR.has(raw) || EN.has(raw) || OTHER.has(raw) || raw === "ya" ? undefined : rewritePartsOf(raw);
    if (rw === undefined) count(raw);
    else for (const part of rw) count(part);
  }
  let { fr } = counts;
  const { en, other } = counts;
  // French apostrophe elisions (l', j', d', qu') are a strong French cue that the word lists miss.
  if (folded.includes("'")) fr += (folded.match(ELISION) ?? []).length * 0.5;
  if (other >= 2 && other > fr + en) return { lang: "fr", otherLanguage: true };
  if (en > fr) return { lang: "en", otherLanguage: false };
  return { lang: "fr", otherLanguage: false };
}
