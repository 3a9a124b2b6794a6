/**
 * Common French and English words (folded) that a first name or a school name must never be
 * fuzzy-matched against, and that only match a name spelled exactly the same when something
 * else says it is a name (a capital letter, « ma fille Rose »). Kept short and hand-picked: the
 * words parents actually write in portal questions.
 */

const FRENCH = `a ai au aux avec avoir bon bonne ce ces cet cette chez classe comme dans de des du elle elles en
est et etre eu fait faire il ils je la le les leur lui ma mais me meme mes moi mon ne nous on ou par pas
pour qu que qui sa se ses si son sur ta te tes toi ton tu un une vos votre vous y ca cela ceci aussi
alors apres avant bien car deja donc encore ici jamais juste lors mal moins peu plus puis quand sans sous
tard tot tout tous toute toutes tres trop vers voici voila oui non merci bonjour salut allo svp stp slt
rose rouge blanc blanche vert verte bleu claire clair noir noire belle beau grand grande petit petite
jour jours matin soir nuit semaine mois annee an heure heures date temps fois rien reve leve sel
lundi mardi mercredi jeudi vendredi samedi dimanche demain hier aujourd hui
horaire bulletin absence absences absent absente retard notes note cours ecole eleve enfant enfants fille fils
garcon mot passe courriel compte portail acces aide parent parents mere pere famille nom prenom numero
max maximum minimum grace
salle sommet carrefour heritage prelude odyssee alternative horizon jeunesse sentiers visionnaires
equinoxe seigneurie bois castor vents terre jeunes mille iles nouvel cite trille trillium riviere sud sauve
lieu foi paix joie douce aime jolie reine prince roi vie mai juin juillet aout mars avril`;

const ENGLISH = `the a an and or of to in on at for from by with my our your his her their its is are was were be
been am do does did have has had not no yes please thanks thank hi hello hey can could will would may
might must shall should this that these those what when where who why how which it he she they we you me
him them us i up down out off over under again here there all any some more most much many very just
only also too so than then now today tomorrow yesterday week month year day days morning afternoon
evening night school class report card absent late grade grades password account email login portal
help kid kids child children son daughter boy girl name first last next past mark marks sunny summer
june april august hope faith joy rose will may mark`;

/** Folded common words; membership means « not a name unless proven ». */
export const COMMON_WORDS: ReadonlySet<string> = new Set(`${FRENCH} ${ENGLISH}`.split(/\s+/).filter((w) => w.length > 0));

export function isCommonWord(foldedWord: string): boolean {
  return COMMON_WORDS.has(foldedWord);
}
