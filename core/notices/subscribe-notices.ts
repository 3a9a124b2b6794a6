// Opt-in from the chat (« avertis-moi si Léa est absente »): one subscription per account, kind and child (or
// every child), holding the conversation reference the notices go to — a later opt-in from another
// conversation moves them there. Opt-out (unsubscribeNotices) in one message. Both audited.
import type { CoreContext } from "../context";
import type { Prisma } from "../db/generated/client";
import { recordAudit } from "../audit";
import { AppError } from "../errors";
import type { Lang } from "../i18n";
import { requireChild } from "../records/access";
import { isNoticeKind, NOTICE_KINDS, type NoticeKind } from "./notice-kinds";

export interface SubscribeNoticesOptions {
  accountId: string;
  kinds: NoticeKind[];
  /** One child (checked against the account); omitted: every child. */
  childId?: string;
  channelKey: string;
  /** The channel's conversation reference (botbuilder's ConversationReference), stored as given. */
  conversationRef: Record<string, unknown>;
  lang: Lang;
}

export async function subscribeNotices(ctx: CoreContext, opts: SubscribeNoticesOptions): Promise<{ kinds: NoticeKind[] }> {
  const kinds = [...new Set(opts.kinds)].filter(isNoticeKind);
  if (kinds.length === 0) throw new AppError("records.invalid_topic", { log: "no notice kind to subscribe to" });
  if (opts.childId) await requireChild(ctx, opts.accountId, opts.childId);
  const now = ctx.now();
  const conversationRef = JSON.parse(JSON.stringify(opts.conversationRef)) as Prisma.InputJsonValue;
  await ctx.prisma.$transaction(async (tx) => {
    for (const kind of kinds) {
      // Ticket replies are the account's, whatever the child.
      const studentId = kind === "ticket_reply" ? "" : (opts.childId ?? "");
      const fields = { channelKey: opts.channelKey, conversationRef, lang: opts.lang, updatedAt: now };
      await tx.proactiveSubscription.upsert({
        where: { accountId_kind_studentId: { accountId: opts.accountId, kind, studentId } },
        create: { accountId: opts.accountId, kind, studentId, createdAt: now, ...fields },
        update: fields,
      });
    }
    await recordAudit(tx, {
      at: now,
      actorType: "parent",
      actorId: opts.accountId,
      action: "notice.subscribed",
      entityType: "account",
      entityId: opts.accountId,
      data: { kinds, childId: opts.childId ?? null, channelKey: opts.channelKey },
    });
  });
  return { kinds };
}

/** Stops the given kinds (all of them when none is given). */
export async function unsubscribeNotices(
  ctx: CoreContext,
  opts: { accountId: string; kinds?: NoticeKind[] },
): Promise<{ stopped: number }> {
  const kinds = opts.kinds?.length ? opts.kinds.filter(isNoticeKind) : [...NOTICE_KINDS];
  return ctx.prisma.$transaction(async (tx) => {
    const { count } = await tx.proactiveSubscription.deleteMany({ where: { accountId: opts.accountId, kind: { in: kinds } } });
    if (count > 0)
      await recordAudit(tx, {
        at: ctx.now(),
        actorType: "parent",
        actorId: opts.accountId,
        action: "notice.unsubscribed",
        entityType: "account",
        entityId: opts.accountId,
        data: { kinds, count },
      });
    return { stopped: count };
  });
}
