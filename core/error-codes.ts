// Every error code of the core, one list per domain. The rule, for all of them: a code is
// `<domain>.<snake_name>`, and what a person reads is the template `errors:<domain>.<snake_name>`
// (templates/fr/errors.json first, templates/en/errors.json beside it, same placeholders). AppError only
// takes a code from these lists (checked by the compiler), and test/core/error-codes.test.ts checks that
// every code has its message in both languages. A channel that needs a new error adds it here.
export const ERROR_CODES = {
  accounts: [
  "invalid_email",
  "email_not_in_contacts",
  "account_already_active",
  "account_already_pending",
  "email_known_use_standard_creation",
  "creation_info_mismatch",
  "creation_locked",
  "token_invalid",
  "token_expired",
  "password_too_short",
  "password_too_long",
  "password_needs_letter",
  "password_needs_digit",
  "password_same_as_current",
  "password_wrong",
  "password_proof_expired",
  "secret_question_invalid",
  "secret_answer_too_short",
  "secret_answer_wrong",
  "secret_locked",
  "signin_invalid",
  "signin_locked",
  "temporary_password_expired",
  "account_pending_validation",
  "account_pending_school",
  "account_disabled",
  "account_not_found",
  "new_family_field_missing",
  "new_family_field_too_long",
  "postal_code_invalid",
  "phone_invalid",
  "province_invalid",
  "school_unknown",
  "email_not_validated",
  "staff_not_allowed",
  "code_invalid",
  "code_rate_limited",
  "code_locked",
],
  records: [
    "account_not_found",
    "child_not_found",
    "invalid_date",
    "invalid_range",
    "range_too_long",
    "invalid_topic",
    "link_expired",
    "not_secondary",
    "report_card_not_found",
  ],
  tickets: [
    "not_found",
    "empty_subject",
    "empty_body",
    "invalid_message",
    "invalid_status",
    "invalid_transition",
    "invalid_viewer",
    "unknown_school",
    "invalid_form",
    "not_requester",
  ],
  mail: ["quarantine_not_found"],
  import: ["dir_not_found"],
  db: ["corrupt_data_dir", "unreachable", "migration_failed", "in_use"],
  http: ["port_in_use", "listen_failed"],
  state: ["etag_conflict"],
} as const;

type Codes = typeof ERROR_CODES;
/** `accounts.signin_locked`, `records.child_not_found`, … */
export type ErrorCode = { [D in keyof Codes]: `${D & string}.${Codes[D][number]}` }[keyof Codes];

export function allErrorCodes(): ErrorCode[] {
  return Object.entries(ERROR_CODES).flatMap(([domain, names]) => names.map((n) => `${domain}.${n}` as ErrorCode));
}
