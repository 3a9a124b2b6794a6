// The answer catalog: for each of the 26 intents of SPEC §6, what a channel may offer next and whether the
// text alone answers the question. The sentences themselves live in templates/<lang>/answers.json under
// `intents.<intent id>` (generic, personal, personalNone, body, steps) — this file holds no sentence.
import type { IntentId } from "../nlu/intents";

/** What a channel may offer after an answer (a button in chat, a line in an email): stable ids. */
export const ANSWER_OFFERS = [
  "reset_password",
  "sign_in",
  "create_account",
  "new_family",
  "resend_validation",
  "login_id",
  "change_password",
  "change_secret_question",
  "open_ticket",
  "help_centre",
  "show_schedule",
  "show_attendance",
  "show_report_cards",
  "show_credits",
  "show_enrolment",
  "show_documents",
  "show_details",
  "manage_notifications",
] as const;

export type AnswerOffer = (typeof ANSWER_OFFERS)[number];

/**
 * What the personalised lead paragraph needs: an active account (its masked email), at least one child the
 * account shows, at least one school among those children, or at least one secondary-school child. Without
 * it the generic lead is used, or `personalNone` when the account is known but shows no such child and the
 * intent has that variant.
 */
export type PersonalNeed = "account" | "children" | "schools" | "secondary";

export interface AnswerSpec {
  offers: readonly AnswerOffer[];
  /** True when the text alone answers (an email reply can stop there); false when a person must act. */
  selfService: boolean;
  personal?: PersonalNeed;
  /** Whether templates hold a `personalNone` variant (account known, requirement not met). */
  personalNone?: boolean;
}

// The records intents are self-service: their text says where the portal shows it, and the offer lets a
// signed-in chat show it at once. A person is needed where the school must change or check a record.
const MENU: readonly AnswerOffer[] = ["show_schedule", "show_attendance", "show_report_cards", "reset_password", "open_ticket"];

export const ANSWER_CATALOG: Readonly<Record<IntentId, AnswerSpec>> = {
  greeting: { offers: MENU, selfService: true, personal: "children" },
  thanks: { offers: [], selfService: true },
  goodbye: { offers: [], selfService: true },
  help: { offers: MENU, selfService: true },
  cancel: { offers: MENU, selfService: true },
  human: { offers: ["open_ticket", "help_centre"], selfService: false, personal: "schools" },
  "account.create": { offers: ["create_account", "new_family", "help_centre"], selfService: true, personal: "account" },
  "account.activate": { offers: ["resend_validation", "create_account", "open_ticket"], selfService: true },
  "account.login_id": { offers: ["login_id", "reset_password", "sign_in"], selfService: true, personal: "account" },
  "account.password_reset": { offers: ["reset_password", "login_id", "open_ticket"], selfService: true, personal: "account" },
  "account.password_change": { offers: ["change_password", "reset_password"], selfService: true },
  "account.secret_question_change": { offers: ["change_secret_question", "reset_password"], selfService: true },
  "account.email_change": { offers: ["open_ticket", "show_details"], selfService: false, personal: "schools" },
  "account.email_not_recognized": { offers: ["open_ticket", "help_centre", "new_family"], selfService: false, personal: "schools" },
  "account.info_mismatch": { offers: ["open_ticket", "help_centre"], selfService: false },
  "children.missing": { offers: ["open_ticket", "help_centre"], selfService: false, personal: "children", personalNone: true },
  "records.schedule": { offers: ["show_schedule", "sign_in"], selfService: true, personal: "children" },
  "records.attendance": { offers: ["show_attendance", "sign_in"], selfService: true, personal: "children" },
  "records.report_card": { offers: ["show_report_cards", "sign_in", "open_ticket"], selfService: true, personal: "children" },
  "records.credits": { offers: ["show_credits", "sign_in"], selfService: true, personal: "secondary", personalNone: true },
  "records.enrolment": { offers: ["show_enrolment", "sign_in"], selfService: true, personal: "children" },
  "records.documents": { offers: ["show_documents", "sign_in"], selfService: true, personal: "children" },
  "records.details": { offers: ["show_details", "sign_in", "open_ticket"], selfService: true, personal: "children" },
  "notifications.manage": { offers: ["manage_notifications", "sign_in"], selfService: true },
  payments: { offers: ["open_ticket", "help_centre"], selfService: false },
  none: { offers: ["open_ticket"], selfService: false },
};

/** The i18n key of one part of an intent's answer: `answers:intents.account.create.steps`. */
export function answerKey(intent: IntentId, part: "generic" | "personal" | "personalNone" | "body" | "steps"): string {
  return `answers:intents.${intent}.${part}`;
}
