// Change the secret question and its answer (« Gestion de mon compte », seed 1 §2), after checking the password.
// The question is one of the portal's list, kept as its id; the answer as bcrypt of its folded form.
import type { CoreContext } from "../context";
import { recordAudit } from "../audit";
import { getAccountSummary, type AccountSummary } from "./account-summary";
import { verifyPasswordOrProof } from "./change-password";
import { assertSecretQuestion, hashSecretAnswer } from "./secrets";

export interface ChangeSecretQuestionOptions {
  accountId: string;
  /** The current password, or a proof from confirmAccountPassword (what a conversation keeps between turns). */
  password?: string;
  passwordProof?: string;
  /** An id from listSecretQuestions(). */
  questionId: string;
  answer: string;
}

/** Errors: `accounts.secret_question_invalid`, `accounts.secret_answer_too_short`, and those of the password check. */
export async function changeSecretQuestion(ctx: CoreContext, opts: ChangeSecretQuestionOptions): Promise<AccountSummary> {
  const { questionId } = assertSecretQuestion(opts.questionId, opts.answer);
  const account = await verifyPasswordOrProof(ctx, opts.accountId, opts.password, opts.passwordProof);
  const secretAnswerHash = await hashSecretAnswer(opts.answer);
  await ctx.prisma.$transaction(async (tx) => {
    await tx.account.update({
      where: { id: account.id },
      data: { secretQuestionId: questionId, secretAnswerHash, failedSecretAttempts: 0, secretLockedUntil: null, failedLoginAttempts: 0 },
    });
    await recordAudit(tx, {
      at: ctx.now(),
      actorType: "parent",
      actorId: account.id,
      action: "account.secret_question_changed",
      entityType: "account",
      entityId: account.id,
    });
  });
  ctx.log.info({ component: "accounts", accountId: account.id }, "secret question changed");
  return getAccountSummary(ctx, { accountId: account.id });
}
