/**
 * Secondary requests (issue 13): « le bulletin de Léa et son horaire » is a report-card request that
 * also asks for the schedule. The message's intent stays its main request; each later clause (after a
 * sentence end or a joining word: « et », « pis », « aussi », "and", "also"…) is classified on its own,
 * and a portal request found there with enough confidence, other than the main one, is returned so that
 * the bot can offer it next. Social intents (but a person) and `none` are never secondary requests. Only a clause that
 * names a portal notion of its own (an anchor of scope-features.ts: « horaire », « identifiant »,
 * « absence »…) is classified: the others cannot be a request of ours, and skipping them keeps classify()
 * at one scoring for most messages.
 */
import { NOT_REQUESTS, type IntentId } from "./intents";
import type { IntentScore } from "./classifier";
import { featureTokens } from "./features";
import { hasAnchor } from "./scope-features";

/** « …appelez-moi svp » after a request is a second request: a person. The other social intents never are. */
const SOCIAL = NOT_REQUESTS;
const JOIN =
  /[.?!;:\n]+|,\s*(?:et|pis|puis|and|also|aussi|plus)\b|\b(?:et aussi|pis aussi|et puis|and also|ainsi que|as well as|en plus|et|pis|and|also|aussi|egalement|également|autre question|another thing|another question|en passant|by the way|btw|ps)\b/i;
/** Portal notions beyond the scope anchors that a second request may name on its own (« …et ma question secrète »). */
const NOTIONS = new Set(
  "question questions secrete secret security notification notifications avis alertes alerts rappels reminders dossier record records documents document historique history".split(
    " ",
  ),
);
const namesNotion = (tokens: readonly string[]) => hasAnchor(tokens) || tokens.some((t) => NOTIONS.has(t));
const MAX_CLAUSES = 5;
const MIN_WORDS = 2;
/** A clause must be this sure of itself to count: a lone « je le connais » is not a request. */
export const ALSO_MIN_CONFIDENCE = 0.6;

export function secondaryRequests(prepared: string, main: IntentId, classifyClause: (clause: string) => IntentScore): IntentId[] {
  if (prepared.length > 2000) prepared = prepared.slice(0, 2000);
  const clauses = prepared.split(new RegExp(JOIN.source, "gi")).filter((c) => c !== undefined && c.trim().split(/\s+/).length >= MIN_WORDS);
  if (clauses.length < 2) return [];
  const out: IntentId[] = [];
  for (const clause of clauses.slice(1, MAX_CLAUSES)) {
    if (!namesNotion(featureTokens(clause))) continue;
    const { intent, confidence } = classifyClause(clause);
    if (confidence < ALSO_MIN_CONFIDENCE || SOCIAL.has(intent) || intent === main || out.includes(intent)) continue;
    out.push(intent);
  }
  return out;
}
