// Hands today's notices to a sender, each to exactly one instance: the claim is one UPDATE over rows picked
// FOR UPDATE SKIP LOCKED, so concurrent senders never take the same notice; a claim not completed within
// CLAIM_TTL_MS (a sender that died) is taken again. A notice not sent on its day expires (« the same day »).
// completeNotice records the outcome: said in the chat, or — the conversation being gone — emailed.
import type { CoreContext } from "../context";
import { enqueueEmail } from "../outbox/enqueue-email";
import { isLang, translator, type Lang } from "../i18n";
import { torontoDay } from "../records/dates";

const CLAIM_TTL_MS = 5 * 60_000;

export interface ClaimedNotice {
  id: string;
  accountId: string;
  lang: Lang;
  channelKey: string;
  conversationRef: Record<string, unknown>;
  /** The sentence's key and values: the channel says t(template, params) in `lang`. */
  template: string;
  params: Record<string, string>;
}

export async function claimNotices(ctx: CoreContext, opts: { limit?: number } = {}): Promise<ClaimedNotice[]> {
  const now = ctx.now();
  const day = torontoDay(now);
  const limit = Math.max(1, Math.min(500, opts.limit ?? 50));
  await ctx.prisma.proactiveNotice.updateMany({
    where: { status: { in: ["PENDING", "CLAIMED"] }, day: { lt: day } },
    data: { status: "EXPIRED" },
  });
  const stale = new Date(now.getTime() - CLAIM_TTL_MS);
  const claimed = await ctx.prisma.$queryRaw<{ id: string }[]>`
    UPDATE "ProactiveNotice" SET "status" = 'CLAIMED', "claimedAt" = ${now}
    WHERE "id" IN (
      SELECT "id" FROM "ProactiveNotice"
      WHERE "day" = ${day} AND ("status" = 'PENDING' OR ("status" = 'CLAIMED' AND "claimedAt" < ${stale}))
      ORDER BY "createdAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id"`;
  if (claimed.length === 0) return [];
  const rows = await ctx.prisma.proactiveNotice.findMany({
    where: { id: { in: claimed.map((c) => c.id) } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      template: true,
      params: true,
      subscription: { select: { accountId: true, lang: true, channelKey: true, conversationRef: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    accountId: r.subscription.accountId,
    lang: isLang(r.subscription.lang) ? r.subscription.lang : "fr",
    channelKey: r.subscription.channelKey,
    conversationRef: (r.subscription.conversationRef ?? {}) as Record<string, unknown>,
    template: r.template,
    params: (r.params ?? {}) as Record<string, string>,
  }));
}

/** `delivered`: said in the conversation. Otherwise the same sentence goes to the account's email (once). */
export async function completeNotice(
  ctx: CoreContext,
  opts: { noticeId: string; delivered: boolean },
): Promise<{ via: "chat" | "email" | "none" }> {
  return ctx.prisma.$transaction(async (tx) => {
    const n = await tx.proactiveNotice.findUnique({
      where: { id: opts.noticeId },
      select: { id: true, status: true, template: true, params: true, subscription: { select: { accountId: true, lang: true } } },
    });
    if (!n || n.status !== "CLAIMED") return { via: "none" as const };
    if (opts.delivered) {
      await tx.proactiveNotice.update({ where: { id: n.id }, data: { status: "SENT", sentAt: ctx.now() } });
      return { via: "chat" as const };
    }
    const account = await tx.account.findUnique({ where: { id: n.subscription.accountId }, select: { email: true, status: true } });
    if (!account?.email || account.status !== "ACTIVE") {
      await tx.proactiveNotice.update({ where: { id: n.id }, data: { status: "EXPIRED" } });
      return { via: "none" as const };
    }
    const lang: Lang = isLang(n.subscription.lang) ? n.subscription.lang : "fr";
    const text = String(translator(lang)(n.template, n.params as Record<string, string>));
    await enqueueEmail(
      ctx,
      { template: "records:email.notice", lang, to: account.email, params: { text }, dedupeKey: `notice:${n.id}` },
      tx,
    );
    await tx.proactiveNotice.update({ where: { id: n.id }, data: { status: "EMAILED", sentAt: ctx.now() } });
    return { via: "email" as const };
  });
}
