// Which ticket an inbound email continues (Zammad's follow-up check, in order): the ticket reference in the
// subject (« Re: [AP-000042] … »), then In-Reply-To / References against our signed Message-IDs, then
// against any Message-ID we sent or received for a ticket (the outbox, the ticket's messages).
import type { CoreContext } from "../context";
import { parseTicketReference } from "../tickets/ticket-reference";
import { verifySignedMessageId } from "./signed-message-id";

export interface EmailThreadTicket {
  ticketId: string;
  number: number;
  requesterEmail: string | null;
  schoolCode: string | null;
  lang: string;
  /** How it was found. */
  by: "subject_reference" | "signed_message_id" | "known_message_id";
  /** The notification to the school office was the email answered (a secretary's reply). */
  repliesToSchoolNotification: boolean;
}

const ticketSelect = { id: true, number: true, requesterEmail: true, lang: true, school: { select: { code: true } } } as const;

export async function findEmailThreadTicket(
  ctx: CoreContext,
  opts: { subject?: string | null; inReplyTo?: string | null; references?: string[] },
): Promise<EmailThreadTicket | null> {
  const ids = [
    ...new Set([opts.inReplyTo, ...(opts.references ?? []).slice().reverse()].filter((x): x is string => !!x && x.length < 998)),
  ].slice(0, 50);
  const notification = ids.length
    ? await ctx.prisma.outboxMessage.findFirst({
        where: { messageId: { in: ids }, template: "tickets:email.newTicketForSchool" },
        select: { ticketId: true },
      })
    : null;
  const done = (
    t: { id: string; number: number; requesterEmail: string | null; lang: string; school: { code: string } | null } | null,
    by: EmailThreadTicket["by"],
  ) =>
    t
      ? {
          ticketId: t.id,
          number: t.number,
          requesterEmail: t.requesterEmail,
          schoolCode: t.school?.code ?? null,
          lang: t.lang,
          by,
          repliesToSchoolNotification: notification?.ticketId === t.id,
        }
      : null;

  const number = parseTicketReference(opts.subject ?? "");
  if (number !== null && number <= 2_147_483_647) {
    const t = await ctx.prisma.ticket.findUnique({ where: { number }, select: ticketSelect });
    if (t) return done(t, "subject_reference");
  }
  for (const id of ids) {
    const n = verifySignedMessageId(ctx, id);
    if (n === null) continue;
    const t = await ctx.prisma.ticket.findUnique({ where: { number: n }, select: ticketSelect });
    if (t) return done(t, "signed_message_id");
  }
  if (!ids.length) return null;
  const sent = await ctx.prisma.outboxMessage.findFirst({
    where: { messageId: { in: ids }, ticketId: { not: null } },
    select: { ticketId: true },
  });
  // Received emails are stored as « Message-ID#hash » (a reused Message-ID is another email).
  const received = sent
    ? null
    : await ctx.prisma.ticketMessage.findFirst({
        where: { OR: ids.map((id) => ({ emailMessageId: { startsWith: `${id}#` } })) },
        select: { ticketId: true },
      });
  const ticketId = sent?.ticketId ?? received?.ticketId;
  if (!ticketId) return null;
  return done(await ctx.prisma.ticket.findUnique({ where: { id: ticketId }, select: ticketSelect }), "known_message_id");
}

/** Is this Message-ID one of ours (signed, or in the outbox)? Our own mail coming back is never a request. */
export async function isOwnMessageId(ctx: CoreContext, opts: { messageId: string | null }): Promise<boolean> {
  if (!opts.messageId) return false;
  if (verifySignedMessageId(ctx, opts.messageId) !== null) return true;
  // Every Message-ID the outbox makes is « <…@domain of the From> », and we send from these two addresses
  // only: any other domain cannot be ours, without a query (the common case: a parent's own mail).
  const domain = /@([^>\s]+)>?\s*$/.exec(opts.messageId)?.[1]?.toLowerCase();
  const ours = [ctx.config.MAIL_FROM, ctx.config.HELPDESK_ADDRESS].map((a) => a.split("@")[1]?.toLowerCase());
  if (domain && !ours.includes(domain)) return false;
  return (await ctx.prisma.outboxMessage.count({ where: { messageId: opts.messageId } })) > 0;
}
