// « Je n'ai pas reçu le courriel d'activation »: a new validation link for an account still waiting for it.
// The answer is the same whether or not the email has such an account, and resends are limited per email.
import type { CoreContext } from "../context";
import { recordAudit } from "../audit";
import { enqueueEmail } from "../outbox/enqueue-email";
import { afterReply } from "../util/after-reply";
import { looksLikeEmail, normalizeEmail } from "../util/text";
import { ACCOUNT_POLICY } from "./account-policy";
import { asLang } from "./account-summary";
import { consumeRateLimit, emailKey } from "./rate-limit";
import { issueValidationToken } from "./validation-token";

export interface ResendValidationEmailOptions {
  email: string;
}

/** Always `{ accepted: true }`; an email is queued only for a pending account within the limit (3 per hour). */
export async function resendValidationEmail(ctx: CoreContext, opts: ResendValidationEmailOptions): Promise<{ accepted: true }> {
  const email = normalizeEmail(opts.email);
  if (!looksLikeEmail(email)) return { accepted: true };
  const limit = await consumeRateLimit(ctx, emailKey(ctx, "resend", email), ACCOUNT_POLICY.resend);
  // The account is looked up, and the link issued and queued, after the reply: same answer, same time for all.
  afterReply(ctx, "validation resend", () => resend(ctx, email, limit.allowed));
  return { accepted: true };
}

async function resend(ctx: CoreContext, email: string, allowed: boolean): Promise<void> {
  const account = await ctx.prisma.account.findUnique({
    where: { email },
    select: { id: true, status: true, lang: true, emailValidatedAt: true, pendingProfile: true, guardian: { select: { givenName: true } } },
  });
  const waiting =
    account && (account.status === "PENDING_VALIDATION" || (account.status === "PENDING_SCHOOL" && !account.emailValidatedAt));
  if (!account || !waiting || !allowed) {
    ctx.log.info({ component: "accounts", accountId: account?.id, limited: !allowed }, "validation email not resent");
    return;
  }
  const lang = asLang(account.lang);
  const givenName = account.guardian?.givenName ?? String((account.pendingProfile as { givenName?: string } | null)?.givenName ?? "");
  await ctx.prisma.$transaction(async (tx) => {
    const token = await issueValidationToken(ctx, tx, account.id);
    const template = account.status === "PENDING_SCHOOL" ? "accounts:email.newFamilyReceived" : "accounts:email.validation";
    await enqueueEmail(ctx, { template, lang, to: email, params: { givenName, link: token.link, hours: token.hours } }, tx);
    await recordAudit(tx, {
      at: ctx.now(),
      actorType: "anonymous",
      action: "account.validation_resent",
      entityType: "account",
      entityId: account.id,
    });
  });
}
