// Errors of staff accounts: codes `staff.<name>`, sentences at errors:staff.<name> (core/error-codes.ts' rule).
import { AppError, type AppErrorOptions } from "../errors";
import { ERROR_CODES } from "../error-codes";

/** The staff errors staffError() makes: the staff list of core/error-codes.ts but `forbidden` (thrown by the console's role checks). */
export type StaffErrorName = Exclude<(typeof ERROR_CODES.staff)[number], "forbidden">;
export const STAFF_ERRORS: readonly StaffErrorName[] = ERROR_CODES.staff.filter((n): n is StaffErrorName => n !== "forbidden");

export function staffError(name: StaffErrorName, opts: Omit<AppErrorOptions, "userKey"> = {}): AppError {
  return new AppError(`staff.${name}`, { ...opts, log: opts.log ?? `staff: ${name}` });
}
