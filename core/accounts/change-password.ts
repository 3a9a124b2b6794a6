// Change the password of a signed-in parent (« Changer mon mot de passe »): the current one is checked (and its
// failures count toward the sign-in lockout), the new one follows the policy; clears mustChangePassword.
import type { CoreContext } from "../context";
import { recordAudit } from "../audit";
import { accountError } from "./account-error";
import { ACCOUNT_AUTH_SELECT, getAccountSummary, minutesUntil, type AccountAuth, type AccountSummary } from "./account-summary";
import { checkPasswordWithLimit } from "./sign-in";
import { assertPasswordPolicy, checkHash, hashPassword } from "./secrets";
import { assertPasswordProof } from "./password-proof";

export interface ChangePasswordOptions {
  accountId: string;
  /** The current password, or … */
  currentPassword?: string;
  /** … a proof from confirmAccountPassword, made a moment ago (a conversation keeps that, never the password). */
  currentPasswordProof?: string;
  newPassword: string;
  /** The chat conversation the change is made from stays signed in; every other session is closed. */
  keepChannelKey?: string;
}

/** Loads an active account and checks its password; shared by the changes a signed-in parent makes. */
export async function verifyAccountPassword(ctx: CoreContext, accountId: string, password: string): Promise<AccountAuth> {
  const account = await ctx.prisma.account.findUnique({ where: { id: accountId }, select: ACCOUNT_AUTH_SELECT });
  if (!account) throw accountError("account_not_found", { log: `no account ${accountId}` });
  if (account.status !== "ACTIVE") throw accountError("account_disabled", { log: `account ${accountId} is ${account.status}` });
  if (account.loginLockedUntil && account.loginLockedUntil > ctx.now()) {
    throw accountError("signin_locked", { params: { minutes: minutesUntil(ctx, account.loginLockedUntil) } });
  }
  const checked = await checkPasswordWithLimit(ctx, account, password);
  if (checked instanceof Date) throw accountError("signin_locked", { params: { minutes: minutesUntil(ctx, checked) } });
  if (checked === "wrong") throw accountError("password_wrong", { log: `wrong current password for account ${accountId}` });
  return account;
}

/** The current password checked now, or a proof that it was checked a moment ago (`accounts.password_proof_expired`). */
export async function verifyPasswordOrProof(ctx: CoreContext, accountId: string, password?: string, proof?: string): Promise<AccountAuth> {
  if (password !== undefined || proof === undefined) return verifyAccountPassword(ctx, accountId, String(password ?? ""));
  const account = await ctx.prisma.account.findUnique({ where: { id: accountId }, select: ACCOUNT_AUTH_SELECT });
  if (!account) throw accountError("account_not_found", { log: `no account ${accountId}` });
  if (account.status !== "ACTIVE") throw accountError("account_disabled", { log: `account ${accountId} is ${account.status}` });
  assertPasswordProof(ctx, account, proof);
  return account;
}

/**
 * Errors: the policy's (`password_too_short`, `password_too_long`, `password_needs_letter`,
 * `password_needs_digit`), `accounts.password_wrong`, `accounts.password_same_as_current`,
 * `accounts.password_proof_expired`, `accounts.signin_locked`, `accounts.account_not_found`, `accounts.account_disabled`.
 */
export async function changePassword(ctx: CoreContext, opts: ChangePasswordOptions): Promise<AccountSummary> {
  assertPasswordPolicy(opts.newPassword);
  const account = await verifyPasswordOrProof(ctx, opts.accountId, opts.currentPassword, opts.currentPasswordProof);
  if (
    opts.currentPassword !== undefined ? opts.newPassword === opts.currentPassword : await checkHash(opts.newPassword, account.passwordHash)
  ) {
    throw accountError("password_same_as_current");
  }
  const passwordHash = await hashPassword(opts.newPassword);
  await ctx.prisma.$transaction(async (tx) => {
    await tx.account.update({
      where: { id: account.id },
      data: { passwordHash, mustChangePassword: false, temporaryPasswordExpiresAt: null, failedLoginAttempts: 0, loginLockedUntil: null },
    });
    await tx.session.deleteMany({
      where: { accountId: account.id, ...(opts.keepChannelKey ? { NOT: { channelKey: opts.keepChannelKey } } : {}) },
    });
    await recordAudit(tx, {
      at: ctx.now(),
      actorType: "parent",
      actorId: account.id,
      action: "account.password_changed",
      entityType: "account",
      entityId: account.id,
      data: { wasTemporary: account.mustChangePassword },
    });
  });
  ctx.log.info({ component: "accounts", accountId: account.id }, "password changed");
  return getAccountSummary(ctx, { accountId: account.id });
}
