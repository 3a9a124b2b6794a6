/**
 * What a request is ABOUT, as features for the in-scope / out-of-scope decision (issue 13). The portal's
 * words are shared with the rest of a parent's life: « horaire » of a bus, « bulletin » météo, a Gmail
 * « compte », an Office 365 « mot de passe », « crédits » d'impôt. So each anchor word (schedule, report,
 * account, password, credits, payment…) is paired with the content words around it — its object — and
 * those objects are also reduced to a class: another organisation or service (Gmail, Hydro, a university,
 * a bank, a sports team), a child of the family, the portal or the school board. Context signals count on
 * their own: a child's first name (the caller's list of the parent's children, or common first names), a
 * school of the board, a portal tab. All keys start with "s:" and form their own feature group.
 */

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Anchor word (folded, after normalize.ts rewrites) → the portal notion it names. */
const ANCHORS: Record<string, string> = {};
const anchor = (name: string, list: string) => list.split(" ").forEach((w) => (ANCHORS[w] = name));
anchor("sched", "horaire horaires schedule schedules timetable calendrier calendar heure heures");
anchor("report", "bulletin bulletins report notes note marks grades resultats");
anchor("account", "compte comptes account accounts identifiant username login connecter connexion");
anchor("password", "passe password pw");
anchor("credits", "credit credits diplome diploma diplomas benevolat volunteer volunteering hours");
anchor(
  "pay",
  "payer paye paiement paiements payment payments pay paid facture factures bill bills frais fees charge charged rembourser remboursement refund carte card",
);
anchor("enrol", "inscription inscrire inscrit inscrite register registration enrol enroll enrolment enrollment");
anchor("email", "courriel courriels email emails adresse address");
anchor("app", "application app appli apps installer install telecharger download");
anchor("form", "formulaire formulaires form forms lettre letter");
anchor("course", "cours course courses examen examens exam exams classe class");
anchor("absence", "absence absences absent absente retard late");
anchor("person", "secretaire secretary enseignante enseignant prof teacher directrice directeur principal appelez rappelez rappeler");
anchor("activate", "activer activation active activate");
anchor("contact", "telephone cell cellulaire phone coordonnees numero numeros number numbers urgence emergency");

/** Other organisations, services and domains of life: the object of an out-of-scope request. */
const EXTERNAL = words(`
gmail hotmail outlook yahoo icloud apple google facebook instagram netflix amazon spotify tiktok snapchat whatsapp
messenger zoom microsoft office 365 onedrive teams minecraft roblox fortnite xbox playstation nintendo iphone ipad
android samsung chromebook tablette wifi internet routeur imprimante printer ordinateur laptop cellulaire
banque bank desjardins rbc td bmo scotia visa mastercard amex costco walmart tim epicerie grocery magasin store
hydro enbridge bell rogers videotron electricite electricity gaz chauffage loyer rent hypotheque mortgage assurance insurance
impot impots tax taxes arc cra revenu gouvernement government federal provincial passeport passport ohip sante health
hopital hospital clinique clinic medecin doctor dentiste dentist pharmacie pharmacy vaccin
universite university college cegep uottawa carleton algonquin laurentienne mcgill
autobus bus oc transpo octranspo stm metro train via taxi uber route chauffeur
hockey soccer baseball basketball natation piscine pool equipe team club ligue league tournoi match game entraineur coach
musique music piano guitare violon flute solfege chorale chant danse karate
meteo weather infolettre newsletter journal nouvelles news radio tele television
ville city municipal municipale municipalite bibliotheque library parc ordures garbage recyclage vidanges
stationnement parking contravention permis licence license voiture car auto garage
restaurant pizza recette recipe film movie jeu jeux video
emploi job cv resume travail work patron boss
garderie daycare camp tuteur tutor tutorat adultes adult soir evening
maroc algerie tunisie liban haiti france etranger abroad pays country immigration citoyennete citizenship
`);

/** A child of the family: a relation word (the caller's children names count too). */
const CHILD = words(
  "fille fils enfant enfants gars garcon ado fillette daughter son child children kid kids boy girl teen teenager cocotte",
);

/** The portal and the board: the object is ours. */
const PORTAL = words("portail portal famille family cepeo onglet tab site conseil board ecole school secretariat");

/** Distinctive words of the board's school names (prisma/reference/ecoles-cepeo.csv), ambiguous ones left out. */
const SCHOOLS = words(`
lemieux sentiers francojeunesse gabrielle sauve payette odyssee prelude mauril belanger curie michaelle riverside
seraphin marion trille mamawi arbour visionnaires gisele lalonde riel lapointe deslauriers blois seigneurie castor
heritage roybon garneau equinoxe jeunesse omer
`);

/** Common first names of the families (plus the caller's own list of children). */
const FIRST_NAMES = words(`
zoe matheo lea noah emma liam chloe olivia william jacob alice felix mia nathan sofia eloise thomas amira youssef aicha
kevin jade raphael gabriel rosalie ethan maelle samuel charlotte adam ines logan emile juliette olivier beatrice noemie
leo hugo louis arthur jules lucas theo mila florence victoria eva alexis antoine benjamin elliot mathis xavier laurie
sarah sophie megane camille justin jayden aiden mason lily ava ella grace omar karim yasmine fatima ali mohamed
`);

/**
 * What the parent says happened to the password or account: lost (forgotten, locked, expired, a temporary
 * one) is a reset whatever verb follows (« j'ai oublié mon mot de passe, je veux le changer »); a password the
 * parent still has (current, logged in) is a change. SPEC §6 draws the line there, not at the verb.
 */
const LOST = words(
  "oublie oublier oubliee oubli oublies forgot forget forgotten forgetting bloque bloquee barre barree locked lock lockout expire expired expiree temporaire temporary perdu lost",
);
const KNOWN = words("actuel actuelle current connecte connectee logged signed");

/** Words that say nothing about the object (skipped when looking for it). */
const STOP = words(`
le la les l un une des du de d au aux a et ou en dans sur pour par avec sans mon ma mes ton ta tes son sa ses notre nos
votre vos leur leurs ce cet cette ces que qui quoi est sont c ca je j tu il elle on nous vous ils elles me m te t se s y
ne n pas plus the an of for to my your his her our their is are be it this that in on at with from and or i you we
quel quelle quels quelles what which how where when ai as mais donc
`);

/** Does this token list name one of the portal's notions (an anchor word)? secondary.ts asks it of later clauses. */
export function hasAnchor(tokens: readonly string[]): boolean {
  for (const t of tokens) if (ANCHORS[t] !== undefined) return true;
  return false;
}

const WINDOW_AFTER = 3;
const WINDOW_BEFORE = 2;

/** Scope features of a token list (featureTokens' output); `names` are the parent's children, folded. */
export function scopeFeatures(tokens: readonly string[], names?: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  let external = 0;
  let child = false;
  let school = false;
  let portal = false;
  const n = Math.min(tokens.length, 120);
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (EXTERNAL.has(t)) external++;
    if (CHILD.has(t) || FIRST_NAMES.has(t) || names?.has(t)) child = true;
    if (SCHOOLS.has(t)) school = true;
    if (PORTAL.has(t)) portal = true;
    if (LOST.has(t)) out.add("s:cue:lost");
    if (KNOWN.has(t)) out.add("s:cue:known");
    const a = ANCHORS[t];
    if (a === undefined) continue;
    out.add("s:a:" + a);
    let seen = 0;
    for (let j = i + 1; j < n && seen < WINDOW_AFTER; j++) {
      const w = tokens[j];
      if (STOP.has(w) || ANCHORS[w] === a) continue;
      seen++;
      objectOf(out, a, w, names);
    }
    seen = 0;
    for (let j = i - 1; j >= 0 && seen < WINDOW_BEFORE; j--) {
      const w = tokens[j];
      if (STOP.has(w) || ANCHORS[w] === a) continue;
      seen++;
      objectOf(out, a, w, names);
    }
  }
  if (external > 0) out.add(external > 1 ? "s:ext2" : "s:ext");
  if (child) out.add("s:child");
  if (school) out.add("s:school");
  if (portal) out.add("s:portal");
  if (out.size === 0) out.add("s:nothing");
  return [...out];
}

function objectOf(out: Set<string>, a: string, w: string, names?: ReadonlySet<string>): void {
  if (w.charCodeAt(0) === 35 /* '#' */) return;
  out.add("s:o:" + a + ":" + w);
  if (EXTERNAL.has(w)) out.add("s:oc:" + a + ":ext");
  else if (CHILD.has(w) || FIRST_NAMES.has(w) || names?.has(w)) out.add("s:oc:" + a + ":child");
  else if (PORTAL.has(w) || SCHOOLS.has(w)) out.add("s:oc:" + a + ":portal");
}
