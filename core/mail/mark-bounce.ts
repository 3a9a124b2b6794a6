// A bounce of our own email: the outbox row it reports on is marked FAILED with the reason, so nobody
// believes the parent was answered. Bounces of anything else only get stored.
import type { CoreContext } from "../context";

export async function markOutboxBounced(ctx: CoreContext, opts: { messageIds: string[]; reason: string }): Promise<number> {
  const ids = [...new Set(opts.messageIds.filter((m) => m && m.length < 998))].slice(0, 20);
  if (!ids.length) return 0;
  const res = await ctx.prisma.outboxMessage.updateMany({
    where: { messageId: { in: ids } },
    data: { status: "FAILED", lastError: `bounced: ${opts.reason}`.slice(0, 500), lockedUntil: null },
  });
  if (res.count) ctx.log.child({ component: "mail" }).warn({ outboxEmails: res.count }, "our email bounced");
  return res.count;
}
