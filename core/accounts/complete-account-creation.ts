// Step 3 of account creation: the parent followed the emailed link and chooses a password, a secret question
// and its answer (seed 1 §1.2, « Nouvel écran »). Also the link's check for the web page, and the new-family
// variant where the link only confirms the email (the password was chosen with the request, seed 2).
import type { CoreContext } from "../context";
import { recordAudit } from "../audit";
import { accountError } from "./account-error";
import { asLang, getAccountSummary, type AccountSummary } from "./account-summary";
import { assertPasswordPolicy, assertSecretQuestion, hashPassword, hashSecretAnswer } from "./secrets";
import { findValidationToken } from "./validation-token";
import type { Lang } from "../i18n";

export interface CheckValidationTokenResult {
  email: string;
  lang: Lang;
  /** set_password: show the password + secret question form; confirm_email: a new family's confirmation. */
  next: "set_password" | "confirm_email";
}

/** Looks at a link's token without using it (the page decides which form to show). */
export async function checkValidationToken(ctx: CoreContext, opts: { token: string }): Promise<CheckValidationTokenResult> {
  const { account } = await findValidationToken(ctx, ctx.prisma, opts.token);
  if (account.status !== "PENDING_VALIDATION" && account.status !== "PENDING_SCHOOL") throw accountError("token_invalid");
  return {
    email: account.email,
    lang: asLang(account.lang),
    next: account.status === "PENDING_VALIDATION" ? "set_password" : "confirm_email",
  };
}

export interface CompleteAccountCreationOptions {
  token: string;
  password: string;
  /** An id from listSecretQuestions(). */
  secretQuestionId: string;
  secretAnswer: string;
}

/**
 * Errors: `accounts.token_invalid` / `accounts.token_expired`, the password policy's
 * (`password_too_short`, `password_too_long`, `password_needs_letter`, `password_needs_digit`),
 * `accounts.secret_question_invalid`, `accounts.secret_answer_too_short`.
 */
export async function completeAccountCreation(ctx: CoreContext, opts: CompleteAccountCreationOptions): Promise<AccountSummary> {
  assertPasswordPolicy(opts.password);
  const { questionId } = assertSecretQuestion(opts.secretQuestionId, opts.secretAnswer);
  const [passwordHash, secretAnswerHash] = await Promise.all([hashPassword(opts.password), hashSecretAnswer(opts.secretAnswer)]);
  const accountId = await ctx.prisma.$transaction(async (tx) => {
    const { codeId, account } = await findValidationToken(ctx, tx, opts.token);
    if (account.status !== "PENDING_VALIDATION") throw accountError("token_invalid", { log: `token of a ${account.status} account` });
    // Consuming with a condition on consumedAt: of two concurrent uses, only one wins.
    const used = await tx.oneTimeCode.updateMany({ where: { id: codeId, consumedAt: null }, data: { consumedAt: ctx.now() } });
    if (used.count !== 1) throw accountError("token_invalid", { log: "token consumed concurrently" });
    await tx.account.update({
      where: { id: account.id },
      data: {
        passwordHash,
        secretQuestionId: questionId,
        secretAnswerHash,
        status: "ACTIVE",
        emailValidatedAt: ctx.now(),
        mustChangePassword: false,
        failedLoginAttempts: 0,
        loginLockedUntil: null,
        failedSecretAttempts: 0,
        secretLockedUntil: null,
      },
    });
    await recordAudit(tx, {
      at: ctx.now(),
      actorType: "parent",
      actorId: account.id,
      action: "account.activated",
      entityType: "account",
      entityId: account.id,
    });
    return account.id;
  });
  ctx.log.info({ component: "accounts", accountId }, "account activated");
  return getAccountSummary(ctx, { accountId });
}

/** New family (seed 2, « Valider votre compte »): the link confirms the email; the school still has to approve. */
export async function confirmAccountEmail(ctx: CoreContext, opts: { token: string }): Promise<AccountSummary> {
  const accountId = await ctx.prisma.$transaction(async (tx) => {
    const { codeId, account } = await findValidationToken(ctx, tx, opts.token);
    if (account.status !== "PENDING_SCHOOL")
      throw accountError("token_invalid", { log: `confirm-email token of a ${account.status} account` });
    const used = await tx.oneTimeCode.updateMany({ where: { id: codeId, consumedAt: null }, data: { consumedAt: ctx.now() } });
    if (used.count !== 1) throw accountError("token_invalid", { log: "token consumed concurrently" });
    await tx.account.update({ where: { id: account.id }, data: { emailValidatedAt: ctx.now() } });
    await recordAudit(tx, {
      at: ctx.now(),
      actorType: "parent",
      actorId: account.id,
      action: "account.email_confirmed",
      entityType: "account",
      entityId: account.id,
    });
    return account.id;
  });
  return getAccountSummary(ctx, { accountId });
}
