// Errors of staff accounts: codes `staff.<name>`, sentences in templates/<lang>/triage.json under `errors.<name>`.
import { AppError, type AppErrorOptions } from "../errors";

export const STAFF_ERRORS = [
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
export type StaffErrorName = (typeof STAFF_ERRORS)[number];

export function staffError(name: StaffErrorName, opts: Omit<AppErrorOptions, "userKey"> = {}): AppError {
  return new AppError(`staff.${name}`, { ...opts, userKey: `triage:errors.${name}`, log: opts.log ?? `staff: ${name}` });
}
