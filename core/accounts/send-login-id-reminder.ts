// « Récupérez votre identifiant de connexion » (seed 2): emails the login id to the address on file, found by
// email or by name and civic number. The answer is neutral and immediate whatever happens (the work is done after
// it); at most 3 emails per hour per account.
import type { CoreContext } from "../context";
import type { Lang } from "../i18n";
import { recordAudit } from "../audit";
import { enqueueEmail } from "../outbox/enqueue-email";
import { afterReply } from "../util/after-reply";
import { foldText, looksLikeEmail, normalizeEmail } from "../util/text";
import { ACCOUNT_POLICY } from "./account-policy";
import { asLang } from "./account-summary";
import { consumeRateLimit } from "./rate-limit";

export interface SendLoginIdReminderOptions {
  email?: string;
  familyName?: string;
  givenName?: string;
  civicNumber?: string;
}

const fold = (s: string) =>
  foldText(s)
    .replace(/[-'’.]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

async function findTargets(ctx: CoreContext, opts: SendLoginIdReminderOptions): Promise<{ id: string; email: string; lang: string }[]> {
  const select = { id: true, email: true, lang: true } as const;
  if (opts.email) {
    const email = normalizeEmail(opts.email);
    if (!looksLikeEmail(email)) return [];
    const a = await ctx.prisma.account.findUnique({ where: { email }, select: { ...select, status: true } });
    return a?.status === "ACTIVE" ? [a] : [];
  }
  const civic = (opts.civicNumber ?? "").replace(/\D+/g, "");
  if (!civic || !opts.familyName?.trim() || !opts.givenName?.trim()) return [];
  const guardians = await ctx.prisma.guardian.findMany({
    where: { civicNumber: { contains: civic }, account: { is: { status: "ACTIVE" } } },
    select: { givenName: true, familyName: true, civicNumber: true, account: { select } },
    take: 50,
  });
  return guardians
    .filter(
      (g) =>
        (g.civicNumber ?? "").replace(/\D+/g, "") === civic &&
        fold(g.familyName) === fold(opts.familyName!) &&
        fold(g.givenName) === fold(opts.givenName!),
    )
    .flatMap((g) => (g.account ? [g.account] : []))
    .slice(0, 3);
}

/**
 * Always `{ accepted: true }`, at once: the accounts are looked up and the emails queued after the reply
 * (afterReply), so the answer and its time are the same whether or not anything matches.
 */
export async function sendLoginIdReminder(ctx: CoreContext, opts: SendLoginIdReminderOptions): Promise<{ accepted: true }> {
  const request = { ...opts };
  afterReply(ctx, "login id reminder", () => remind(ctx, request));
  return { accepted: true };
}

async function remind(ctx: CoreContext, opts: SendLoginIdReminderOptions): Promise<void> {
  const targets = await findTargets(ctx, opts);
  for (const account of targets) {
    const limit = await consumeRateLimit(ctx, `login-id:${account.id}`, ACCOUNT_POLICY.loginIdReminder);
    if (!limit.allowed) {
      ctx.log.info({ component: "accounts", accountId: account.id }, "login id reminder rate-limited");
      continue;
    }
    const lang: Lang = asLang(account.lang);
    await ctx.prisma.$transaction(async (tx) => {
      await enqueueEmail(ctx, { template: "accounts:email.loginId", lang, to: account.email, params: { loginId: account.email } }, tx);
      await recordAudit(tx, {
        at: ctx.now(),
        actorType: "anonymous",
        action: "account.login_id_sent",
        entityType: "account",
        entityId: account.id,
      });
    });
  }
  if (targets.length === 0) ctx.log.info({ component: "accounts" }, "login id reminder: no matching account");
}
