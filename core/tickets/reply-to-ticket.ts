// A staff member answers the parent: the reply is a message of the ticket, emailed to the parent from the
// help-desk address (threaded), and — for a chat or Teams ticket — a « staff replied » notice the bot
// delivers into the conversation while it is open (ConversationNotice). All in one transaction: the reply,
// its email and its notice exist together or not at all. The first reply's time feeds the insight page.
import type { CoreContext } from "../context";
import { addTicketMessage } from "./add-ticket-message";
import { enqueueStaffReplyEmail } from "./ticket-emails";
import { requireStaffOnTicket } from "./visibility";
import type { TicketStatus } from "../db/generated/enums";
import { changeStatusIn } from "./change-ticket-status";

export interface ReplyToTicketOptions {
  ticketId: string;
  staffId: string;
  body: string;
  /** Optionally move the ticket on in the same step (« répondre et mettre en attente du parent »). */
  status?: TicketStatus | null;
  correlationId?: string | null;
}

export interface TicketReply {
  messageId: string;
  emailId: string | null;
  noticeId: string | null;
  status: TicketStatus;
}

export async function replyToTicket(ctx: CoreContext, opts: ReplyToTicketOptions): Promise<TicketReply> {
  await requireStaffOnTicket(ctx, opts.staffId, opts.ticketId);
  const result = await ctx.prisma.$transaction(async (tx) => {
    const msg = await addTicketMessage(
      ctx,
      { ticketId: opts.ticketId, author: "STAFF", staffId: opts.staffId, body: opts.body, correlationId: opts.correlationId },
      tx,
    );
    const email = await enqueueStaffReplyEmail(ctx, { ticketId: msg.ticketId, messageId: msg.id }, tx);
    const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: msg.ticketId }, select: { channel: true } });
    let noticeId: string | null = null;
    if (ticket.channel === "CHAT" || ticket.channel === "TEAMS") {
      noticeId = (
        await tx.conversationNotice.create({
          data: { ticketId: msg.ticketId, messageId: msg.id, channel: ticket.channel, createdAt: ctx.now() },
          select: { id: true },
        })
      ).id;
    }
    await tx.$executeRaw`
      INSERT INTO "TicketTriage" ("ticketId", "firstReplyAt") VALUES (${msg.ticketId}, ${ctx.now()})
      ON CONFLICT ("ticketId") DO UPDATE SET "firstReplyAt" = COALESCE("TicketTriage"."firstReplyAt", EXCLUDED."firstReplyAt")`;
    let status = msg.status;
    if (opts.status && opts.status !== status)
      status = (await changeStatusIn(ctx, { ticketId: msg.ticketId, status: opts.status, staffId: opts.staffId }, tx)).status;
    return { messageId: msg.id, emailId: email?.id ?? null, noticeId, status };
  });
  ctx.log
    .child({ component: "tickets" })
    .info({ ticketId: opts.ticketId, messageId: result.messageId, emailId: result.emailId }, "staff reply queued");
  return result;
}
