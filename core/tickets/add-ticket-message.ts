// Adds a message to a ticket: a parent's follow-up, a staff reply, an internal note (staff only, never shown
// to parents), a bot or system line. A parent's message reopens a waiting, resolved or closed ticket.
// The same email (emailMessageId) is stored once: a second delivery returns the first message.
// A parent's message also notifies whoever handles the queue (ticket-emails.ts), in the same transaction.
// An email (fromEmail given) from another address than the ticket's requester is refused as the parent's
// words (tickets.not_requester): anyone can put a ticket reference in a subject.
import type { CoreContext } from "../context";
import type { MessageAuthor, TicketStatus } from "../db/generated/enums";
import { recordAudit } from "../audit";
import { AppError, prismaCode } from "../errors";
import { isLang } from "../i18n";
import { normalizeEmail } from "../util/text";
import { capBody } from "./message-body";
import { REOPENED_BY_PARENT } from "./ticket-status";
import { requireStaffOnTicket, ticketNotFound } from "./visibility";
import { refreshTicketSearch } from "./ticket-search";
import { enqueueParentReplyNotification } from "./ticket-emails";
import type { Prisma } from "../db/generated/client";

export interface AddTicketMessageOptions {
  ticketId: string;
  author: MessageAuthor;
  staffId?: string | null;
  body: string;
  internal?: boolean;
  emailMessageId?: string | null;
  correlationId?: string | null;
  /** The sender of an email follow-up: a PARENT message from another address than the requester's is refused. */
  fromEmail?: string | null;
}

export interface AddedTicketMessage {
  id: string;
  ticketId: string;
  created: boolean;
  truncated: boolean;
  status: TicketStatus;
}

async function existingMessage(ctx: CoreContext, emailMessageId: string): Promise<AddedTicketMessage | null> {
  const m = await ctx.prisma.ticketMessage.findUnique({
    where: { emailMessageId },
    select: { id: true, ticketId: true, ticket: { select: { status: true } } },
  });
  return m ? { id: m.id, ticketId: m.ticketId, created: false, truncated: false, status: m.ticket.status } : null;
}

/** With `tx`, the message joins the caller's transaction (a staff reply adds its email to it). */
export async function addTicketMessage(
  ctx: CoreContext,
  opts: AddTicketMessageOptions,
  tx?: Prisma.TransactionClient,
): Promise<AddedTicketMessage> {
  // Inside a caller's transaction every read goes through it: the embedded database has one connection, and
  // a query outside the open transaction would wait for it forever.
  const reader = tx ? ({ ...ctx, prisma: tx } as unknown as CoreContext) : ctx;
  if (opts.emailMessageId) {
    const existing = await existingMessage(reader, opts.emailMessageId);
    if (existing) return existing;
  }
  const internal = opts.internal === true;
  if (internal && opts.author !== "STAFF" && opts.author !== "SYSTEM") {
    throw new AppError("tickets.invalid_message", { log: `an internal note cannot come from ${opts.author}` });
  }
  if (opts.author === "STAFF") {
    if (!opts.staffId) throw new AppError("tickets.invalid_message", { log: "a staff message needs staffId" });
    await requireStaffOnTicket(reader, opts.staffId, opts.ticketId);
  }
  if (!opts.body?.trim()) throw new AppError("tickets.empty_body", { log: "empty ticket message" });

  const write = async (tx: Prisma.TransactionClient): Promise<AddedTicketMessage> => {
    const ticket = await tx.ticket.findUnique({
      where: { id: String(opts.ticketId) },
      select: { id: true, status: true, lang: true, requesterEmail: true },
    });
    if (!ticket) throw ticketNotFound();
    if (opts.author === "PARENT" && opts.fromEmail && ticket.requesterEmail && normalizeEmail(opts.fromEmail) !== ticket.requesterEmail) {
      throw new AppError("tickets.not_requester", { log: "an email from another address than the ticket's requester" });
    }
    const { body, truncated } = capBody(opts.body, isLang(ticket.lang) ? ticket.lang : "fr");
    const now = ctx.now();
    const msg = await tx.ticketMessage.create({
      data: {
        ticketId: ticket.id,
        author: opts.author,
        staffId: opts.author === "STAFF" ? opts.staffId : null,
        body,
        internal,
        emailMessageId: opts.emailMessageId ?? null,
        createdAt: now,
      },
      select: { id: true },
    });
    let status = ticket.status;
    if (opts.author === "PARENT" && REOPENED_BY_PARENT.includes(status)) status = "OPEN";
    else if (opts.author === "STAFF" && !internal && status === "NEW") status = "OPEN"; // someone has it in hand
    await tx.ticket.update({
      where: { id: ticket.id },
      data: { updatedAt: now, ...(status !== ticket.status ? { status, closedAt: null } : {}) },
    });
    await recordAudit(tx, {
      at: ctx.now(),
      actorType: opts.author === "STAFF" ? "staff" : opts.author === "PARENT" ? "parent" : "system",
      actorId: opts.author === "STAFF" ? opts.staffId : null,
      action: internal ? "ticket.note_added" : "ticket.message_added",
      entityType: "Ticket",
      entityId: ticket.id,
      data: {
        messageId: msg.id,
        author: opts.author,
        internal,
        truncated,
        ...(status !== ticket.status ? { statusFrom: ticket.status, statusTo: status } : {}),
      },
      correlationId: opts.correlationId ?? null,
    });
    if (!internal) await refreshTicketSearch(tx, ticket.id);
    if (opts.author === "PARENT") await enqueueParentReplyNotification(ctx, { ticketId: ticket.id, messageId: msg.id }, tx);
    return { id: msg.id, ticketId: ticket.id, created: true, truncated, status };
  };
  if (tx) return write(tx);
  try {
    return await ctx.prisma.$transaction(write);
  } catch (err) {
    if (prismaCode(err) === "P2002" && opts.emailMessageId) {
      const existing = await existingMessage(ctx, opts.emailMessageId);
      if (existing) return existing;
    }
    throw err;
  }
}
