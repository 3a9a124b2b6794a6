// Errors of staff accounts: codes `staff.<name>`, sentences at errors:staff.<name> (core/error-codes.ts' rule).
import { AppError, type AppErrorOptions } from "../errors";
import { ERROR_CODES } from "../error-codes";

const STAFF_ERRORS_LIST = [
  "invalid_email",
  "invalid_role",
  "school_required",
  "unknown_school",
  "already_exists",
  "signin_invalid",
  "signin_locked",
  "signin_rate_limited",
  "link_invalid",
  "password_too_short",
  "password_needs_mix",
] as const;
export type StaffErrorName = (typeof STAFF_ERRORS_LIST)[number];
/** The staff errors staffError() makes (a subset of ERROR_CODES.staff, which also has `forbidden`). */
export const STAFF_ERRORS: readonly StaffErrorName[] = STAFF_ERRORS_LIST.filter((n) =>
  (ERROR_CODES.staff as readonly string[]).includes(n),
);

export function staffError(name: StaffErrorName, opts: Omit<AppErrorOptions, "userKey"> = {}): AppError {
  return new AppError(`staff.${name}`, { ...opts, log: opts.log ?? `staff: ${name}` });
}
