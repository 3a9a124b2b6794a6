// The answer catalog the bot speaks from: the core's (core/answers), behind a small port so that a test may
// hand the dialogs another one. What to say for an intent, its steps, and what the bot can offer next.
import { answerFor, helpCentreContact, type Answer, type AnswerOffer, type CoreContext, type IntentId, type Lang } from "../core";

export type { Answer, AnswerOffer };

export interface AnswerCatalog {
  answerFor(ctx: CoreContext, opts: { intent: IntentId; lang: Lang; accountId?: string }): Promise<Answer>;
  helpCentreContact(lang: Lang): { text: string };
}

export const coreCatalog: AnswerCatalog = { answerFor, helpCentreContact };
