// Sign in with email and password (bcryptjs). One neutral error for an unknown email or a wrong password;
// 5 failures lock sign-in for 15 minutes — for emails without an account too, so the lockout itself does not
// tell which emails have one.
import type { CoreContext } from "../context";
import type { Lang } from "../i18n";
import { recordAudit } from "../audit";
import { looksLikeEmail, normalizeEmail } from "../util/text";
import { ACCOUNT_POLICY } from "./account-policy";
import { accountError } from "./account-error";
import { asLang, findAccountByEmail, minutesUntil } from "./account-summary";
import { settleFailure, takeAttempt } from "./account-attempts";
import { emailKey, lockedUntil, settleKeyFailure, takeKeyAttempt } from "./rate-limit";
import { checkHash } from "./secrets";

export interface SignInOptions {
  email: string;
  password: string;
}

export interface SignedIn {
  accountId: string;
  mustChangePassword: boolean;
  lang: Lang;
}

/**
 * Checks a password against an account with the attempt limit (account-attempts.ts): 5 failures lock sign-in
 * for 15 minutes. Returns "ok", or the lock's end when the account is (or has just become) locked, or "wrong".
 */
export async function checkPasswordWithLimit(
  ctx: CoreContext,
  account: { id: string; passwordHash: string | null },
  password: string,
): Promise<"ok" | "wrong" | Date> {
  const limit = ACCOUNT_POLICY.signIn;
  const locked = await takeAttempt(ctx, "login", account.id, limit);
  if (locked) {
    return locked;
  }
  if (await checkHash(password, account.passwordHash)) {
    await ctx.prisma.account.updateMany({ where: { id: account.id }, data: { failedLoginAttempts: 0 } }); // gives the attempt back
    return "ok";
  }
  const failure = await settleFailure(ctx, "login", account.id, limit);
  if (failure.startedLock) {
    await recordAudit(ctx.prisma, {
      at: ctx.now(),
      actorType: "anonymous",
      action: "account.signin_locked",
      entityType: "account",
      entityId: account.id,
      data: { until: failure.lockedUntil!.toISOString() },
    });
    ctx.log.warn({ component: "accounts", accountId: account.id }, "sign-in locked after repeated failures");
  } else {
    await recordAudit(ctx.prisma, {
      at: ctx.now(),
      actorType: "anonymous",
      action: "account.signin_failed",
      entityType: "account",
      entityId: account.id,
      data: { attempt: failure.attempt },
    });
  }
  return failure.lockedUntil ?? "wrong";
}

/**
 * Errors: `accounts.signin_invalid` (unknown email or wrong password), `accounts.signin_locked` ({{minutes}}),
 * `accounts.account_pending_validation`, `accounts.account_pending_school`, `accounts.account_disabled`
 * and `accounts.temporary_password_expired` (these three only after a correct password).
 */
export async function signIn(ctx: CoreContext, opts: SignInOptions): Promise<SignedIn> {
  const email = normalizeEmail(opts.email);
  const account = looksLikeEmail(email) ? await findAccountByEmail(ctx, { email }) : null;
  // Read for every email (one query either way): the lock of an email without an account lives on its key.
  const key = emailKey(ctx, "signin-fail", email);
  const keyLock = await lockedUntil(ctx, key);

  if (!account) {
    if (keyLock)
      throw accountError("signin_locked", { params: { minutes: minutesUntil(ctx, keyLock) }, log: "sign-in locked, unknown email" });
    // The same writes as checkPasswordWithLimit, on the email's key: attempt taken, bcrypt, failure settled, audit.
    const limit = { ...ACCOUNT_POLICY.signIn, windowMs: ACCOUNT_POLICY.signIn.unknownWindowMs };
    const taken = await takeKeyAttempt(ctx, key, limit);
    if (taken) throw accountError("signin_locked", { params: { minutes: minutesUntil(ctx, taken) }, log: "sign-in locked, unknown email" });
    await checkHash(opts.password, null);
    const failure = await settleKeyFailure(ctx, key, limit);
    await recordAudit(ctx.prisma, {
      at: ctx.now(),
      actorType: "anonymous",
      action: failure.startedLock ? "account.signin_locked" : "account.signin_failed",
      entityType: "account",
      data: { unknownEmail: true },
    });
    if (failure.lockedUntil)
      throw accountError("signin_locked", {
        params: { minutes: minutesUntil(ctx, failure.lockedUntil) },
        log: "sign-in locked, unknown email",
      });
    throw accountError("signin_invalid", { log: "sign-in with an unknown email" });
  }

  const rowLock = account.loginLockedUntil && account.loginLockedUntil > ctx.now() ? account.loginLockedUntil : null;
  const lock = keyLock && rowLock ? (keyLock > rowLock ? keyLock : rowLock) : (keyLock ?? rowLock);
  if (lock) {
    throw accountError("signin_locked", { params: { minutes: minutesUntil(ctx, lock) }, log: `account ${account.id} locked` });
  }
  if (account.status === "PENDING_VALIDATION") {
    await checkHash(opts.password, null);
    throw accountError("account_pending_validation", { log: `account ${account.id} not validated yet` });
  }
  const checked = await checkPasswordWithLimit(ctx, account, opts.password);
  if (checked instanceof Date)
    throw accountError("signin_locked", { params: { minutes: minutesUntil(ctx, checked) }, log: `account ${account.id} locked` });
  if (checked === "wrong") throw accountError("signin_invalid", { log: `wrong password for account ${account.id}` });
  if (account.status === "PENDING_SCHOOL")
    throw accountError("account_pending_school", { log: `account ${account.id} waits for its school` });
  if (account.status === "DISABLED") throw accountError("account_disabled", { log: `account ${account.id} disabled` });
  if (account.mustChangePassword && account.temporaryPasswordExpiresAt && account.temporaryPasswordExpiresAt <= ctx.now()) {
    throw accountError("temporary_password_expired", { log: `account ${account.id}: temporary password expired` });
  }

  await ctx.prisma.$transaction(async (tx) => {
    await tx.account.update({
      where: { id: account.id },
      data: { failedLoginAttempts: 0, loginLockedUntil: null, lastLoginAt: ctx.now() },
    });
    await recordAudit(tx, {
      at: ctx.now(),
      actorType: "parent",
      actorId: account.id,
      action: "account.signed_in",
      entityType: "account",
      entityId: account.id,
    });
  });
  ctx.log.info({ component: "accounts", accountId: account.id }, "signed in");
  return { accountId: account.id, mustChangePassword: account.mustChangePassword, lang: asLang(account.lang) };
}
