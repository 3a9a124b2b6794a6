// Password reset by secret question, step 2 (seed 1 §3.1): a right answer (compared after folding case,
// accents, spaces and punctuation) gets a temporary password, emailed with the seed's wording and to be changed
// at the next sign-in. 5 wrong answers lock the reset for 30 minutes; an email without an account (decoy
// question) fails and locks exactly the same way. The temporary password lives only in the outbox row.
import type { CoreContext } from "../context";
import { recordAudit } from "../audit";
import { enqueueEmail } from "../outbox/enqueue-email";
import { looksLikeEmail, normalizeEmail } from "../util/text";
import { ACCOUNT_POLICY } from "./account-policy";
import { accountError } from "./account-error";
import { asLang, findAccountByEmail, maskEmail, minutesUntil } from "./account-summary";
import { settleFailure, takeAttempt } from "./account-attempts";
import { emailKey, lockedUntil, recordFailure } from "./rate-limit";
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

const { maxFailures, lockMs, unknownWindowMs } = ACCOUNT_POLICY.secretReset;

async function failUnknown(ctx: CoreContext, email: string, accountId: string | null): Promise<never> {
  const failure = await recordFailure(ctx, emailKey(ctx, "secret-fail", email), { maxFailures, lockMs, windowMs: unknownWindowMs });
  await recordAudit(ctx.prisma, {
    at: ctx.now(),
    actorType: "anonymous",
    action: failure.locked ? "account.secret_locked" : "account.secret_answer_failed",
    entityType: "account",
    entityId: accountId,
    data: { withoutSecret: true },
  });
  if (failure.locked) throw accountError("secret_locked", { params: { minutes: minutesUntil(ctx, failure.lockedUntil!) } });
  throw accountError("secret_answer_wrong", { params: { attemptsLeft: failure.remaining }, log: "secret answer for an email without an active account" });
}

async function failKnown(ctx: CoreContext, accountId: string): Promise<never> {
  const failure = await settleFailure(ctx, "secret", accountId, { maxFailures, lockMs });
  if (failure.startedLock) {
    await recordAudit(ctx.prisma, { at: ctx.now(), actorType: "anonymous", action: "account.secret_locked", entityType: "account", entityId: accountId, data: { until: failure.lockedUntil!.toISOString() } });
    ctx.log.warn({ component: "accounts", accountId }, "password reset locked after repeated wrong answers");
  } else {
    await recordAudit(ctx.prisma, { at: ctx.now(), actorType: "anonymous", action: "account.secret_answer_failed", entityType: "account", entityId: accountId, data: { attempt: failure.attempt } });
  }
  if (failure.lockedUntil) throw accountError("secret_locked", { params: { minutes: minutesUntil(ctx, failure.lockedUntil) } });
  throw accountError("secret_answer_wrong", { params: { attemptsLeft: Math.max(1, maxFailures - failure.attempt) }, log: `wrong secret answer for account ${accountId}` });
}

/**
 * Errors: `accounts.invalid_email`, `accounts.secret_answer_wrong` ({{attemptsLeft}}), `accounts.secret_locked`
 * ({{minutes}}; every attempt during the lock gets it, right or wrong).
 */
export async function resetPasswordWithSecretAnswer(ctx: CoreContext, opts: ResetPasswordWithSecretAnswerOptions): Promise<PasswordResetDone> {
  const email = normalizeEmail(opts.email);
  if (!looksLikeEmail(email)) throw accountError("invalid_email");
  const account = await findAccountByEmail(ctx, { email });

  if (!account || account.status !== "ACTIVE" || !account.secretAnswerHash || !isSecretQuestionId(account.secretQuestionId)) {
    const locked = await lockedUntil(ctx, emailKey(ctx, "secret-fail", email));
    if (locked) throw accountError("secret_locked", { params: { minutes: minutesUntil(ctx, locked) } });
    await checkSecretAnswer(opts.answer, null); // same time as a real check
    return failUnknown(ctx, email, account?.id ?? null);
  }
  if (account.secretLockedUntil && account.secretLockedUntil > ctx.now()) {
    throw accountError("secret_locked", { params: { minutes: minutesUntil(ctx, account.secretLockedUntil) }, log: `account ${account.id} reset locked` });
  }
  const locked = await takeAttempt(ctx, "secret", account.id, { maxFailures, lockMs });
  if (locked) {
    throw accountError("secret_locked", { params: { minutes: minutesUntil(ctx, locked) }, log: `account ${account.id} reset locked` });
  }
  if (!(await checkSecretAnswer(opts.answer, account.secretAnswerHash))) return failKnown(ctx, account.id);

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
    await enqueueEmail(ctx, { template: "accounts:email.passwordReset", lang: asLang(account.lang), to: account.email, params: { password: temporaryPassword } }, tx);
    await recordAudit(tx, { at: ctx.now(), actorType: "parent", actorId: account.id, action: "account.password_reset", entityType: "account", entityId: account.id, data: { method: "secret_question" } });
  });
  ctx.log.info({ component: "accounts", accountId: account.id }, "password reset by secret question, temporary password emailed");
  return { emailedTo: maskEmail(account.email) };
}
