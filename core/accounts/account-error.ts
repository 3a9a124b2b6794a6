// The accounts' stable error codes, kept in one list. Each has a message for people in
// templates/<lang>/accounts.json under `errors.<name>` (code `accounts.<name>`).
import { AppError } from "../errors";

export const ACCOUNT_ERRORS = [
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
] as const;

export type AccountErrorName = (typeof ACCOUNT_ERRORS)[number];

/**
 * `accounts.<name>` with its message key `accounts:errors.<name>`. The error's `message` is its code, the same for
 * everyone; `log` (what the operator needs: an account id, a state) goes to `detail`, which is logged and never
 * shown — so nothing a person can see tells an email with an account from one without.
 */
export function accountError(name: AccountErrorName, opts: { log?: string; params?: Record<string, string | number> } = {}): AppError {
  return new AppError(`accounts.${name}`, { userKey: `accounts:errors.${name}`, params: opts.params, log: `accounts.${name}`, detail: opts.log });
}
