// The accounts' errors: `accounts.<name>`, with the message a person reads at `errors:accounts.<name>`
// (templates/<lang>/errors.json). The list itself is core/error-codes.ts, with every other domain's.
import { AppError } from "../errors";
import { ERROR_CODES } from "../error-codes";

export const ACCOUNT_ERRORS = ERROR_CODES.accounts;
export type AccountErrorName = (typeof ACCOUNT_ERRORS)[number];

/**
 * `accounts.<name>`. The error's `message` is its code, the same for everyone; `log` (what the operator needs: an
 * account id, a state) goes to `detail`, which is logged and never shown — so nothing a person can see tells an
 * email with an account from one without.
 */
export function accountError(name: AccountErrorName, opts: { log?: string; params?: Record<string, string | number> } = {}): AppError {
  return new AppError(`accounts.${name}`, { params: opts.params, log: `accounts.${name}`, detail: opts.log });
}
