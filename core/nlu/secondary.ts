/**
 * Secondary requests (issue 13): « le bulletin de Léa et son horaire » is a report-card request that
 * also asks for the schedule. The message's intent stays its main request; each later clause (after a
 * sentence end or a joining word: « et », « pis », « aussi », "and", "also"…) is classified on its own,
 * and a portal request found there with enough confidence, other than the main one, is returned so that
 * the bot can offer it next. Social intents and `none` are never secondary requests.
 */
import type { IntentId } from "./intents";
import type { IntentScore } from "./classifier";

const SOCIAL: ReadonlySet<IntentId> = new Set(["greeting", "thanks", "goodbye", "help", "cancel", "human", "none"]);
const JOIN =
  /[.?!;:\n]+|,\s*(?:et|pis|puis|and|also|aussi|plus)\b|\b(?:et aussi|pis aussi|et puis|and also|ainsi que|as well as|en plus|et|pis|and|also|aussi|egalement|également|autre question|another thing|another question|ps)\b/i;
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
    const { intent, confidence } = classifyClause(clause);
    if (confidence < ALSO_MIN_CONFIDENCE || SOCIAL.has(intent) || intent === main || out.includes(intent)) continue;
    out.push(intent);
  }
  return out;
}
