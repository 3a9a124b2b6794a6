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

/** Not a request about the portal: small talk, help, cancel and `none` — never offered as another request. */
export const NOT_REQUESTS: ReadonlySet<IntentId> = new Set<IntentId>(["greeting", "thanks", "goodbye", "help", "cancel", "none"]);

/**
 * Never offered as the runner-up of an out-of-scope answer (index.ts runnerUpOffer): what is not a request, and
 * `human`, whose help-centre contact the out-of-scope answer already gives.
 */
export const NOT_OFFERED_AS_RUNNER_UP: ReadonlySet<IntentId> = new Set<IntentId>([...NOT_REQUESTS, "human"]);

/** Type guard used wherever an intent id arrives as untrusted text (eval files, corpus, model). */
export function isIntentId(value: unknown): value is IntentId {
  return typeof value === "string" && INTENT_SET.has(value);
}
