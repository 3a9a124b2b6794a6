// Password reset by secret question, step 1 (seed 1 §3.1, « Retrouver ma question secrète »): the email gives
// the question. An email without an active account gets its stable decoy, from the same list, in the same shape.
import type { CoreContext } from "../context";
import type { Lang } from "../i18n";
import { looksLikeEmail, normalizeEmail } from "../util/text";
import { accountError } from "./account-error";
import { asLang, findAccountByEmail } from "./account-summary";
import { decoySecretQuestion, secretQuestionText } from "./secret-questions";

export interface GetSecretQuestionOptions {
  email: string;
  /**
   * The conversation's language: the question is shown in it, real or decoy alike. Without it, a real question
   * is shown in the account's language and a decoy in the language its email's hash picks.
   */
  lang?: Lang;
}

/** `{ question }` for any well-formed email; `accounts.invalid_email` otherwise. */
export async function getSecretQuestion(ctx: CoreContext, opts: GetSecretQuestionOptions): Promise<{ question: string }> {
  const email = normalizeEmail(opts.email);
  if (!looksLikeEmail(email)) throw accountError("invalid_email");
  const account = await findAccountByEmail(ctx, { email });
  const decoy = decoySecretQuestion(ctx, email); // computed for every email: same work known or not
  if (account?.status === "ACTIVE" && account.secretAnswerHash) {
    const real = secretQuestionText(account.secretQuestionId, opts.lang ?? asLang(account.lang));
    if (real) return { question: real };
  }
  return { question: secretQuestionText(decoy.id, opts.lang ?? decoy.lang)! };
}
