// Password reset by secret question, step 1 (seed 1 §3.1, « Retrouver ma question secrète »): the email gives
// the question. An email without an active account gets its stable decoy, in the same shape.
import type { CoreContext } from "../context";
import type { Lang } from "../i18n";
import { looksLikeEmail, normalizeEmail } from "../util/text";
import { accountError } from "./account-error";
import { findAccountByEmail } from "./account-summary";
import { decoySecretQuestion } from "./secret-questions";

export interface GetSecretQuestionOptions {
  email: string;
  /**
   * The conversation's language. It changes nothing in the answer: a real question comes back as the parent
   * chose it, and a decoy's language is fixed per email (secret-questions.ts), so both stay put.
   */
  lang?: Lang;
}

/** `{ question }` for any well-formed email; `accounts.invalid_email` otherwise. */
export async function getSecretQuestion(ctx: CoreContext, opts: GetSecretQuestionOptions): Promise<{ question: string }> {
  const email = normalizeEmail(opts.email);
  if (!looksLikeEmail(email)) throw accountError("invalid_email");
  const account = await findAccountByEmail(ctx, { email });
  if (account?.status === "ACTIVE" && account.secretQuestion && account.secretAnswerHash) return { question: account.secretQuestion };
  return { question: decoySecretQuestion(ctx, email) };
}
