// The answer catalog the bot speaks from (core/answers, built on the wt/answers branch): what to say for an
// intent, its steps, and what the bot can offer next. Until that branch lands, a minimal catalog from the
// bot's own templates stands in, with the same contract, so the dialogs never change when it does.
import { translator, type CoreContext, type IntentId, type Lang } from "../core";

export type AnswerOffer =
  | "reset_password"
  | "sign_in"
  | "create_account"
  | "new_family"
  | "resend_validation"
  | "login_id"
  | "change_password"
  | "change_secret_question"
  | "open_ticket"
  | "help_centre"
  | "show_schedule"
  | "show_attendance"
  | "show_report_cards"
  | "show_credits"
  | "show_enrolment"
  | "show_documents"
  | "show_details"
  | "manage_notifications";

export interface Answer {
  intent: IntentId;
  lang: Lang;
  text: string;
  steps: string[];
  offers: AnswerOffer[];
  selfService: boolean;
}

export interface AnswerCatalog {
  answerFor(ctx: CoreContext, opts: { intent: IntentId; lang: Lang; accountId?: string }): Promise<Answer>;
  helpCentreContact(lang: Lang): { text: string };
}

const OFFERS: Partial<Record<IntentId, AnswerOffer[]>> = {
  none: ["help_centre"],
  human: ["open_ticket", "help_centre"],
  payments: ["open_ticket"],
  "account.email_change": ["open_ticket"],
  "account.email_not_recognized": ["create_account", "open_ticket"],
  "account.info_mismatch": ["open_ticket"],
  "children.missing": ["open_ticket"],
  "account.activate": ["resend_validation"],
  "account.create": ["create_account", "new_family"],
};

export const templateCatalog: AnswerCatalog = {
  async answerFor(_ctx, { intent, lang }) {
    const t = translator(lang);
    const key = `bot:catalog.${intent.replace(/\./g, "_")}`;
    const text = String(t(key, { defaultValue: String(t("bot:catalog.default")) }));
    return { intent, lang, text, steps: [], offers: OFFERS[intent] ?? [], selfService: false };
  },
  helpCentreContact(lang) {
    return { text: String(translator(lang)("bot:catalog.helpCentre")) };
  },
};
