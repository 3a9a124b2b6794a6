// A short-lived proof that a signed-in parent has just typed their current password (« confirmez votre mot de
// passe »), so that a conversation asking several questions keeps this proof between turns instead of the
// password. Stateless: an HMAC (server secret) over the account, its current password hash and the expiry, so
// it dies with the password it proved and after PROOF_MINUTES. Error: `accounts.password_proof_expired`.
import type { CoreContext } from "../context";
import { keyedHash } from "./app-secret";
import { accountError } from "./account-error";
import type { AccountAuth } from "./account-summary";
import { verifyAccountPassword } from "./change-password";
import { sameDigest } from "./secrets";

export const PROOF_MINUTES = 10;

function sign(ctx: CoreContext, account: Pick<AccountAuth, "id" | "passwordHash">, expiresMs: number): string {
  return keyedHash(ctx, "password-proof", `${account.id}:${account.passwordHash ?? ""}:${expiresMs}`);
}

/** Checks the password now (its failures count toward the lockout, as any sign-in) and returns the proof. */
export async function confirmAccountPassword(
  ctx: CoreContext,
  opts: { accountId: string; password: string },
): Promise<{ proof: string; expiresAt: Date }> {
  const account = await verifyAccountPassword(ctx, opts.accountId, opts.password);
  const expiresMs = ctx.now().getTime() + PROOF_MINUTES * 60_000;
  return { proof: `${expiresMs}.${sign(ctx, account, expiresMs)}`, expiresAt: new Date(expiresMs) };
}

/** Throws `accounts.password_proof_expired` unless the proof was made for this account and password, and is still valid. */
export function assertPasswordProof(ctx: CoreContext, account: Pick<AccountAuth, "id" | "passwordHash">, proof: string): void {
  const [ms, mac] = String(proof).split(".");
  const expiresMs = Number(ms);
  if (!Number.isFinite(expiresMs) || expiresMs <= ctx.now().getTime() || !mac || !sameDigest(mac, sign(ctx, account, expiresMs))) {
    throw accountError("password_proof_expired", { log: `password proof refused for account ${account.id}` });
  }
}
