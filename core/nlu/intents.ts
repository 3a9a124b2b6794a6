/**
 * The 26 intent ids of SPEC §6 — the single list every other module (classifier, corpus, eval,
 * bot routing, mail templates) relies on. Order is the order of the spec table.
 */
export const INTENTS = [
  "greeting",
  "thanks",
  "goodbye",
  "help",
  "cancel",
  "human",
  "account.create",
  "account.activate",
  "account.login_id",
  "account.password_reset",
  "account.password_change",
  "account.secret_question_change",
  "account.email_change",
  "account.email_not_recognized",
  "account.info_mismatch",
  "children.missing",
  "records.schedule",
  "records.attendance",
  "records.report_card",
  "records.credits",
  "records.enrolment",
  "records.documents",
  "records.details",
  "notifications.manage",
  "payments",
  "none",
] as const;

export type IntentId = (typeof INTENTS)[number];

const INTENT_SET: ReadonlySet<string> = new Set(INTENTS);

/** Type guard used wherever an intent id arrives as untrusted text (eval files, corpus, model). */
export function isIntentId(value: unknown): value is IntentId {
  return typeof value === "string" && INTENT_SET.has(value);
}
