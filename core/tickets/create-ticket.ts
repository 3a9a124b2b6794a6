// Opens a ticket from chat, Teams, email or the help form: routes it, then writes the ticket, its first
// message and the audit event in ONE transaction. The same email (emailMessageId) never opens two tickets:
// a second delivery returns the first ticket.
// Routing (details in routing.ts): `account.email_not_recognized` / `account.activate` → CENTRAL; else the
// school of the child's record; else the school code given; else CENTRAL (no school found, new family…).
// A signed-in parent can only attach a child their account sees; another child id is dropped, not stored.
import type { CoreContext } from "../context";
import type { Prisma } from "../db/generated/client";
import type { TicketChannel, TicketQueue } from "../db/generated/enums";
import { recordAudit } from "../audit";
import { AppError, prismaCode } from "../errors";
import type { Lang } from "../i18n";
import { normalizeEmail, stripControls } from "../util/text";
import { visibleStudentsWhere } from "../records/access";
import { capBody } from "./message-body";
import { routeTicket, type RoutingReason } from "./routing";
import { formatTicketReference } from "./ticket-reference";
import { refreshTicketSearch } from "./ticket-search";

export const MAX_SUBJECT_LENGTH = 200;

export interface CreateTicketOptions {
  channel: TicketChannel;
  subject: string;
  body: string;
  lang: Lang;
  intent?: string | null;
  accountId?: string | null;
  studentId?: string | null;
  schoolCode?: string | null;
  requester?: { name?: string | null; email?: string | null; phone?: string | null };
  child?: { givenName?: string | null; familyName?: string | null; grade?: string | null };
  emailMessageId?: string | null;
  correlationId?: string | null;
}

export interface CreatedTicket {
  id: string;
  number: number;
  reference: string;
  queue: TicketQueue;
  school: { code: string; name: string; email: string | null } | null;
  routingReason: RoutingReason | null;
  /** false when this emailMessageId had already opened the ticket. */
  created: boolean;
}

export const createdSelect = {
  id: true,
  number: true,
  queue: true,
  school: { select: { code: true, name: true, email: true } },
} as const;

/** A one-line field as stored on a ticket: controls stripped, spaces collapsed, capped; null when empty. */
export const clean = (s: string | null | undefined, max = 200) => {
  const v = typeof s === "string" ? stripControls(s).replace(/\s+/g, " ").trim() : "";
  return v ? v.slice(0, max) : null;
};

async function existingForEmail(
  db: Prisma.TransactionClient | CoreContext["prisma"],
  emailMessageId: string,
): Promise<CreatedTicket | null> {
  const msg = await db.ticketMessage.findUnique({ where: { emailMessageId }, select: { ticket: { select: createdSelect } } });
  if (!msg) return null;
  const t = msg.ticket;
  return {
    id: t.id,
    number: t.number,
    reference: formatTicketReference(t.number),
    queue: t.queue,
    school: t.school,
    routingReason: null,
    created: false,
  };
}

async function createTicketIn(ctx: CoreContext, opts: CreateTicketOptions, tx: Prisma.TransactionClient): Promise<CreatedTicket> {
  if (opts.emailMessageId) {
    const existing = await existingForEmail(tx, opts.emailMessageId);
    if (existing) return existing;
  }
  const subject = clean(opts.subject, MAX_SUBJECT_LENGTH);
  if (!subject) throw new AppError("tickets.empty_subject", { log: "ticket without a subject" });
  if (!opts.body?.trim()) throw new AppError("tickets.empty_body", { log: "ticket without a body" });
  const { body, truncated } = capBody(opts.body, opts.lang);
  let studentId = opts.studentId ?? null;
  if (studentId && opts.accountId) {
    const visible = await tx.student.findFirst({ where: { id: studentId, ...visibleStudentsWhere(opts.accountId) }, select: { id: true } });
    if (!visible) studentId = null;
  }
  const route = await routeTicket(tx, { intent: opts.intent, studentId, schoolCode: opts.schoolCode });
  const now = ctx.now();
  let requesterEmail = opts.requester?.email ? normalizeEmail(opts.requester.email) : null;
  if (!requesterEmail && opts.accountId) {
    requesterEmail = (await tx.account.findUnique({ where: { id: opts.accountId }, select: { email: true } }))?.email ?? null;
  }
  const ticket = await tx.ticket.create({
    data: {
      channel: opts.channel,
      status: "NEW",
      queue: route.queue,
      schoolId: route.school?.id ?? null,
      intent: opts.intent ?? null,
      lang: opts.lang,
      subject,
      accountId: opts.accountId ?? null,
      studentId,
      requesterName: clean(opts.requester?.name),
      requesterEmail,
      requesterPhone: clean(opts.requester?.phone, 50),
      childGivenName: clean(opts.child?.givenName),
      childFamilyName: clean(opts.child?.familyName),
      childGrade: clean(opts.child?.grade, 10),
      createdAt: now,
      updatedAt: now,
    },
    select: createdSelect,
  });
  await tx.ticketMessage.create({
    data: { ticketId: ticket.id, author: "PARENT", body, emailMessageId: opts.emailMessageId ?? null, createdAt: now },
  });
  await refreshTicketSearch(tx, ticket.id);
  await recordAudit(tx, {
    at: ctx.now(),
    actorType: opts.accountId ? "parent" : "anonymous",
    actorId: opts.accountId ?? null,
    action: "ticket.created",
    entityType: "Ticket",
    entityId: ticket.id,
    data: {
      number: ticket.number,
      channel: opts.channel,
      queue: route.queue,
      schoolCode: route.school?.code ?? null,
      routing: route.reason,
      intent: opts.intent ?? null,
      truncated,
    },
    correlationId: opts.correlationId ?? null,
  });
  return {
    id: ticket.id,
    number: ticket.number,
    reference: formatTicketReference(ticket.number),
    queue: ticket.queue,
    school: ticket.school,
    routingReason: route.reason,
    created: true,
  };
}

/**
 * Opens a ticket with its first message. With `tx`, the work joins the caller's transaction (the help form
 * adds its emails to it; the mail agent its intake record); without, it runs in a transaction of its own.
 */
export async function createTicket(ctx: CoreContext, opts: CreateTicketOptions, tx?: Prisma.TransactionClient): Promise<CreatedTicket> {
  if (tx) return createTicketIn(ctx, opts, tx);
  try {
    const t = await ctx.prisma.$transaction((inner) => createTicketIn(ctx, opts, inner));
    if (t.created)
      ctx.log.info(
        { component: "tickets", ticketId: t.id, number: t.number, queue: t.queue, correlationId: opts.correlationId },
        "ticket created",
      );
    return t;
  } catch (err) {
    // Two deliveries of one email at once: the loser of the unique emailMessageId race returns the winner's ticket.
    if (prismaCode(err) === "P2002" && opts.emailMessageId) {
      const existing = await existingForEmail(ctx.prisma, opts.emailMessageId);
      if (existing) return existing;
    }
    throw err;
  }
}
