// Which of the parent's children a message is about. A name that is none of them gets one answer whatever
// the name is (another family's child and a made-up name are told exactly the same): nothing here reads
// the database, only the parent's own children and the words of the message.
import { extractEntities, foldText, type ChildSummary } from "../../core";

/** Words that follow « de / pour / of / for » without being a person. */
const NOT_NAMES = new Set(
  (
    "demain aujourd hui hier lundi mardi mercredi jeudi vendredi samedi dimanche semaine mois annee jour prochain prochaine dernier derniere " +
    "ce cette cet ces mon ma mes son sa ses notre nos votre vos leur leurs la le les l un une des du au aux mon fils ma fille garcon enfant enfants " +
    "today tomorrow yesterday monday tuesday wednesday thursday friday saturday sunday week month year day next last this that my his her our your their the a an " +
    "son daughter child children kid kids school ecole semestre semester etape term janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre " +
    "january february march april may june july august september october november december noel classe cours periode period bulletin horaire"
  ).split(" "),
);

/** Words a sentence often starts with, capitalised without being a name. */
const STARTERS = new Set(
  (
    "est es estce quel quelle quels quelles quand comment pourquoi combien ou je j on il elle nous vous tu ils elles montre montrez donne donnez " +
    "voir peux pouvez puis bonjour bonsoir salut allo merci svp oui non what when where how why which who is was are were can could would will do does did " +
    "show give tell get see please hello hi hey thanks yes no i we you he she they it there here"
  ).split(" "),
);

export type ChildMention = { kind: "child"; child: ChildSummary } | { kind: "unknownName" } | { kind: "none" };

function namedSomeone(text: string): boolean {
  const words = text
    .slice(0, 2000)
    .split(/[\s,.;:!?()«»"]+/)
    .filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const folded = foldText(words[i])
      .replace(/^(d|l)'/, "")
      .replace(/'s$/, "");
    if (folded.length < 2 || NOT_NAMES.has(folded) || /\d/.test(folded)) continue;
    const prev = foldText(words[i - 1] ?? "");
    const afterPreposition = /^(de|d'.*|pour|of|for|a)$/.test(prev) || /^d'/.test(foldText(words[i]));
    const capitalised = /^\p{Lu}\p{Ll}/u.test(words[i].replace(/^[dl]'/i, "")) && (i > 0 || !STARTERS.has(folded.replace(/[-'].*$/, "")));
    if (capitalised || (afterPreposition && /^\p{L}+$/u.test(folded))) return true;
  }
  return false;
}

export function childMention(text: string, children: ChildSummary[]): ChildMention {
  const { child } = extractEntities(text, {
    children: children.map((c) => ({ id: c.id, givenName: c.givenName, preferredName: c.preferredName })),
  });
  const found = child ? children.find((c) => c.id === child.id) : undefined;
  if (found) return { kind: "child", child: found };
  return namedSomeone(text) ? { kind: "unknownName" } : { kind: "none" };
}
