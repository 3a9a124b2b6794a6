// Password reset by secret question, step 2 (seed 1 §3.1): a right answer (compared after folding case,
// accents, spaces and punctuation) gets a temporary password, emailed with the seed's wording and to be changed
// at the next sign-in. 5 wrong answers lock the reset for 30 minutes, and 10 in a day for 24 hours (the owner
// is told by email); an email without an account (decoy question) fails and locks exactly the same way, with
// the same answers and the same work. The temporary password lives only in the outbox row.
import type { CoreContext } from "../context";
import { recordAudit } from "../audit";
import { enqueueEmail } from "../outbox/enqueue-email";
import { afterReply } from "../util/after-reply";
import { looksLikeEmail, normalizeEmail } from "../util/text";
import { ACCOUNT_POLICY } from "./account-policy";
import { accountError } from "./account-error";
import { asLang, findAccountByEmail, maskEmail, minutesUntil, type AccountAuth } from "./account-summary";
import { settleFailure, takeAttempt } from "./account-attempts";
import { clearRateLimit, emailKey, latestLock, recordFailure, settleKeyFailure, takeKeyAttempt } from "./rate-limit";
import { isSecretQuestionId } from "./secret-questions";
import { checkSecretAnswer, generateTemporaryPassword, hashPassword } from "./secrets";

export interface ResetPasswordWithSecretAnswerOptions {
  email: string;
  answer: string;
}

export interface PasswordResetDone {
  /** Masked, e.g. « m•••••@gmail.com »: the temporary password itself is only in the email. */
  emailedTo: string;
}

const SHORT = ACCOUNT_POLICY.secretReset;
const DAILY = ACCOUNT_POLICY.secretResetDaily;
/** The short limit of emails without an account, on their key; their failures are forgotten after a day. */
const KEY_LIMIT = { maxFailures: SHORT.maxFailures, lockMs: SHORT.lockMs, windowMs: SHORT.unknownWindowMs };

const lockError = (ctx: CoreContext, until: Date, detail: string) =>
  accountError("secret_locked", { params: { minutes: minutesUntil(ctx, until) }, log: detail });

/** After a wrong answer (or any answer for an email without an account): count it on both limits, same work for both. */
async function fail(ctx: CoreContext, keys: { short: string; day: string }, account: AccountAuth | null): Promise<never> {
  const daily = await recordFailure(ctx, keys.day, DAILY);
  const f = account ? await settleFailure(ctx, "secret", account.id, SHORT) : await settleKeyFailure(ctx, keys.short, KEY_LIMIT);
  const short = { ...f, remaining: Math.max(1, SHORT.maxFailures - f.attempt) };
  const lockedUntil = daily.locked ? daily.lockedUntil : short.lockedUntil;
  const startedLock = daily.locked || short.startedLock;
  await recordAudit(ctx.prisma, {
    at: ctx.now(),
    actorType: "anonymous",
    action: startedLock ? "account.secret_locked" : "account.secret_answer_failed",
    entityType: "account",
    entityId: account?.id ?? null,
    data: startedLock
      ? { until: lockedUntil!.toISOString(), daily: daily.locked, ...(account ? {} : { withoutSecret: true }) }
      : account
        ? { attempt: short.attempt }
        : { withoutSecret: true },
  });
  if (daily.locked && account) {
    ctx.log.warn(
      { component: "accounts", accountId: account.id },
      "password reset locked for a day after repeated wrong answers; owner notified",
    );
    // Queued after the reply: the caller waits the same time whether or not an owner is told.
    const owner = { to: account.email, lang: asLang(account.lang) };
    afterReply(ctx, "secret lock notice", async () => {
      await enqueueEmail(ctx, {
        template: "accounts:email.secretLocked",
        lang: owner.lang,
        to: owner.to,
        params: { failures: DAILY.maxFailures, hours: DAILY.lockMs / 3_600_000 },
      });
    });
  } else if (short.startedLock && account) {
    ctx.log.warn({ component: "accounts", accountId: account.id }, "password reset locked after repeated wrong answers");
  }
  const detail = account ? `wrong secret answer for account ${account.id}` : "secret answer for an email without an active account";
  if (lockedUntil) throw lockError(ctx, lockedUntil, detail);
  throw accountError("secret_answer_wrong", { params: { attemptsLeft: Math.min(short.remaining, daily.remaining) }, log: detail });
}

/**
 * Errors: `accounts.invalid_email`, `accounts.secret_answer_wrong` ({{attemptsLeft}}), `accounts.secret_locked`
 * ({{minutes}}; every attempt during the lock gets it, right or wrong). Code, message key and params are the
 * same for an email without an account; only the error's `detail` (logs) differs.
 */
export async function resetPasswordWithSecretAnswer(
  ctx: CoreContext,
  opts: ResetPasswordWithSecretAnswerOptions,
): Promise<PasswordResetDone> {
  const email = normalizeEmail(opts.email);
  if (!looksLikeEmail(email)) throw accountError("invalid_email");
  const found = await findAccountByEmail(ctx, { email });
  const account = found?.status === "ACTIVE" && found.secretAnswerHash && isSecretQuestionId(found.secretQuestionId) ? found : null;
  // Keyed by email for every email: the daily cap, and the short lock of emails without an account (an
  // account's short lock is on its row). One query either way.
  const keys = { short: emailKey(ctx, "secret-fail", email), day: emailKey(ctx, "secret-fail-day", email) };
  const keyLock = await latestLock(ctx, [keys.short, keys.day]);
  const rowLock = account?.secretLockedUntil && account.secretLockedUntil > ctx.now() ? account.secretLockedUntil : null;
  const lock = keyLock && rowLock ? (keyLock > rowLock ? keyLock : rowLock) : (keyLock ?? rowLock);
  if (lock) throw lockError(ctx, lock, account ? `account ${account.id} reset locked` : "reset locked, email without an active account");

  // Take the attempt before comparing: on the account's row, or on the email's key (same writes, same limit).
  const locked = account ? await takeAttempt(ctx, "secret", account.id, SHORT) : await takeKeyAttempt(ctx, keys.short, KEY_LIMIT);
  if (locked)
    throw lockError(ctx, locked, account ? `account ${account.id} reset locked` : "reset locked, email without an active account");
  const right = await checkSecretAnswer(opts.answer, account?.secretAnswerHash ?? null); // a real bcrypt compare either way
  if (!account || !right) return fail(ctx, keys, account);

  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await ctx.prisma.$transaction(async (tx) => {
    await tx.account.update({
      where: { id: account.id },
      data: {
        passwordHash,
        mustChangePassword: true,
        temporaryPasswordExpiresAt: new Date(ctx.now().getTime() + ACCOUNT_POLICY.temporaryPasswordTtlMs),
        failedSecretAttempts: 0,
        secretLockedUntil: null,
        failedLoginAttempts: 0,
        loginLockedUntil: null,
      },
    });
    // Whoever held a chat session under the old password loses it: a reset means the parent lost control.
    await tx.session.deleteMany({ where: { accountId: account.id } });
    await enqueueEmail(
      ctx,
      { template: "accounts:email.passwordReset", lang: asLang(account.lang), to: account.email, params: { password: temporaryPassword } },
      tx,
    );
    await recordAudit(tx, {
      at: ctx.now(),
      actorType: "parent",
      actorId: account.id,
      action: "account.password_reset",
      entityType: "account",
      entityId: account.id,
      data: { method: "secret_question" },
    });
  });
  await clearRateLimit(ctx, keys.day);
  ctx.log.info({ component: "accounts", accountId: account.id }, "password reset by secret question, temporary password emailed");
  return { emailedTo: maskEmail(account.email) };
}
