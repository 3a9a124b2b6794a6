// The core event « staff replied on ticket X »: the triage console's reply calls this (with its transaction, so
// the notice exists if and only if the reply does). A parent who asked « avertis-moi quand on me répond » gets a
// notice the same day; nobody else does. One notice per staff message, however often this is called.
import type { CoreContext } from "../context";
import type { Prisma } from "../db/generated/client";
import { torontoDay } from "../records/dates";
import { formatTicketReference } from "../tickets/ticket-reference";
import { NOTICE_TEMPLATE } from "./notice-kinds";

export async function noticeStaffReply(
  ctx: CoreContext,
  opts: { ticketId: string; messageId?: string },
  tx?: Prisma.TransactionClient,
): Promise<{ created: number }> {
  const db = tx ?? ctx.prisma;
  const ticket = await db.ticket.findUnique({
    where: { id: String(opts.ticketId) },
    select: {
      number: true,
      accountId: true,
      messages: {
        where: { author: "STAFF", internal: false, ...(opts.messageId ? { id: opts.messageId } : {}) },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { id: true },
      },
    },
  });
  const message = ticket?.messages[0];
  if (!ticket?.accountId || !message) return { created: 0 };
  const subs = await db.proactiveSubscription.findMany({
    where: { accountId: ticket.accountId, kind: "ticket_reply" },
    select: { id: true },
  });
  if (subs.length === 0) return { created: 0 };
  const now = ctx.now();
  const { count } = await db.proactiveNotice.createMany({
    data: subs.map((s) => ({
      subscriptionId: s.id,
      eventKey: `ticket_reply:${message.id}`,
      day: torontoDay(now),
      template: NOTICE_TEMPLATE.ticket_reply,
      params: { reference: formatTicketReference(ticket.number) },
      createdAt: now,
    })),
    skipDuplicates: true,
  });
  return { created: count };
}
