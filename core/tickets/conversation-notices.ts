// The seam between a staff reply and the parent's open chat conversation: replyToTicket writes a
// ConversationNotice for CHAT/TEAMS tickets; the bot claims pending ones, sends the reply as a proactive
// message while the conversation is open, and marks each DELIVERED or UNDELIVERABLE (the email went anyway).
import type { CoreContext } from "../context";

export interface PendingConversationNotice {
  id: string;
  ticketId: string;
  channel: string;
  accountId: string | null;
  body: string;
  createdAt: Date;
}

export async function listPendingConversationNotices(
  ctx: CoreContext,
  opts: { limit?: number } = {},
): Promise<PendingConversationNotice[]> {
  const rows = await ctx.prisma.conversationNotice.findMany({
    where: { status: "PENDING" },
    orderBy: { createdAt: "asc" },
    take: Math.min(opts.limit ?? 50, 200),
    select: { id: true, ticketId: true, channel: true, messageId: true, createdAt: true },
  });
  const msgs = await ctx.prisma.ticketMessage.findMany({
    where: { id: { in: rows.map((r) => r.messageId) } },
    select: { id: true, body: true, ticket: { select: { accountId: true } } },
  });
  return rows.flatMap((r) => {
    const m = msgs.find((x) => x.id === r.messageId);
    return m
      ? [{ id: r.id, ticketId: r.ticketId, channel: r.channel, accountId: m.ticket.accountId, body: m.body, createdAt: r.createdAt }]
      : [];
  });
}

export async function markConversationNotice(ctx: CoreContext, opts: { id: string; delivered: boolean }): Promise<void> {
  await ctx.prisma.conversationNotice.updateMany({
    where: { id: opts.id, status: "PENDING" },
    data: { status: opts.delivered ? "DELIVERED" : "UNDELIVERABLE", deliveredAt: opts.delivered ? ctx.now() : null },
  });
}
