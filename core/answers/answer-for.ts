// answerFor: the one self-service answer to an intent, shared by the bot (chat) and the mail agent (email
// reply) so that the same question gets the same answer on both channels. The text comes from
// templates/<lang>/answers.json; when the parent is known (an active account), the lead paragraph carries
// their own data (children's first names, schools, masked login email) and nothing of anyone else.
import type { CoreContext } from "../context";
import { getI18n, translator, type Lang } from "../i18n";
import type { IntentId } from "../nlu/intents";
import { ANSWER_CATALOG, answerKey, type AnswerOffer, type AnswerSpec } from "./answer-catalog";
import { helpCentreContact } from "./help-centre-contact";
import { loadParentFacts, type ParentFacts } from "./parent-facts";

export interface Answer {
  intent: IntentId;
  lang: Lang;
  /** Plain text, paragraphs separated by a blank line, already filled with the parent's data when known. */
  text: string;
  /** The seed's numbered steps, when the intent has a flow (empty otherwise). */
  steps: string[];
  /** What the channel may offer next, most useful first. */
  offers: AnswerOffer[];
  /** True when the text alone answers the question (an email reply can stop there); false when a person or a signed-in flow is needed. */
  selfService: boolean;
  /** Whether the text carries the parent's own data (false: the generic answer anyone gets). */
  personalised: boolean;
}

export interface AnswerForOptions {
  intent: IntentId;
  lang: Lang;
  /** The parent's account when known (signed-in chat, or the sender of an email); unknown or inactive: generic. */
  accountId?: string;
}

type Lead = "generic" | "personal" | "personalNone";

function chooseLead(spec: AnswerSpec, facts: ParentFacts | null): Lead {
  if (!spec.personal || !facts) return "generic";
  const met = {
    account: true,
    children: facts.childCount > 0,
    schools: facts.schoolCount > 0,
    secondary: facts.secondaryCount > 0,
  }[spec.personal];
  if (met) return "personal";
  // « None of your children is in secondary school » only makes sense when the account shows children.
  return spec.personalNone && (spec.personal !== "secondary" || facts.childCount > 0) ? "personalNone" : "generic";
}

export async function answerFor(ctx: CoreContext, opts: AnswerForOptions): Promise<Answer> {
  const spec = ANSWER_CATALOG[opts.intent];
  if (!spec) throw new TypeError(`answerFor: unknown intent ${String(opts.intent)}`);
  const facts = opts.accountId ? await loadParentFacts(ctx, { accountId: opts.accountId, lang: opts.lang }) : null;
  const i18n = getI18n();
  const t = translator(opts.lang);
  const contact = helpCentreContact(opts.lang);
  const values = { helpEmail: contact.email, helpPhone: contact.phone, ...(facts ?? {}) };

  const lead = chooseLead(spec, facts);
  const paragraphs = [t(answerKey(opts.intent, lead), values)];
  const bodyKey = answerKey(opts.intent, "body");
  if (i18n.exists(bodyKey, { lng: opts.lang })) paragraphs.push(t(bodyKey, values));

  const stepsKey = answerKey(opts.intent, "steps");
  const steps = i18n.exists(stepsKey, { lng: opts.lang }) ? (t(stepsKey, { returnObjects: true }) as unknown) : [];
  // A parent known to have an active account is not asked to sign in again by email; chat re-checks its own session.
  const offers = facts ? spec.offers.filter((o) => o !== "sign_in") : [...spec.offers];
  return {
    intent: opts.intent,
    lang: opts.lang,
    text: paragraphs.join("\n\n"),
    steps: Array.isArray(steps) ? steps.map(String) : [],
    offers,
    selfService: spec.selfService,
    personalised: lead !== "generic",
  };
}

/** The answer as one plain text (an email reply, `aide-portail ask`): the text, then the steps numbered. */
export function answerPlainText(answer: Pick<Answer, "text" | "steps">): string {
  if (answer.steps.length === 0) return answer.text;
  return `${answer.text}\n\n${answer.steps.map((s, i) => `${i + 1}. ${s}`).join("\n")}`;
}
