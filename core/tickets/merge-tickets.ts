// Merges a duplicate into the ticket that stays (a parent who wrote twice, by chat then by email): the
// duplicate's messages and attachments move over, it is closed with a pointer to the other, and both get an
// internal note. The staff member must see both. Audited on both tickets.
import type { CoreContext } from "../context";
import { recordAudit } from "../audit";
import { AppError } from "../errors";
import { translator } from "../i18n";
import { formatTicketReference } from "./ticket-reference";
import { refreshTicketSearch } from "./ticket-search";
import { requireStaffOnTicket } from "./visibility";

export interface MergeTicketsOptions {
  staffId: string;
  /** The duplicate, closed by the merge. */
  sourceId: string;
  /** The ticket that stays. */
  targetId: string;
}

export async function mergeTickets(ctx: CoreContext, opts: MergeTicketsOptions): Promise<{ targetId: string; moved: number }> {
  if (opts.sourceId === opts.targetId) throw new AppError("tickets.merge_same", { log: "merge a ticket into itself" });
  await requireStaffOnTicket(ctx, opts.staffId, opts.sourceId);
  await requireStaffOnTicket(ctx, opts.staffId, opts.targetId);
  const tr = translator("fr");
  return ctx.prisma.$transaction(async (tx) => {
    const [source, target] = await Promise.all([
      tx.ticket.findUniqueOrThrow({ where: { id: opts.sourceId }, select: { id: true, number: true, status: true } }),
      tx.ticket.findUniqueOrThrow({ where: { id: opts.targetId }, select: { id: true, number: true, status: true } }),
    ]);
    if (target.status === "CLOSED") throw new AppError("tickets.merge_closed", { log: "merge into a closed ticket" });
    const now = ctx.now();
    const moved = await tx.ticketMessage.updateMany({ where: { ticketId: source.id }, data: { ticketId: target.id } });
    await tx.ticketAttachment.updateMany({ where: { ticketId: source.id }, data: { ticketId: target.id } });
    await tx.ticketMessage.createMany({
      data: [
        {
          ticketId: target.id,
          author: "SYSTEM",
          internal: true,
          createdAt: now,
          body: tr("tickets:note.mergedFrom", { reference: formatTicketReference(source.number) }),
        },
        {
          ticketId: source.id,
          author: "SYSTEM",
          internal: true,
          createdAt: now,
          body: tr("tickets:note.mergedInto", { reference: formatTicketReference(target.number) }),
        },
      ],
    });
    await tx.ticket.update({ where: { id: source.id }, data: { status: "CLOSED", closedAt: now, updatedAt: now } });
    await tx.ticket.update({ where: { id: target.id }, data: { updatedAt: now } });
    await tx.ticketTriage.upsert({
      where: { ticketId: source.id },
      create: { ticketId: source.id, mergedIntoId: target.id },
      update: { mergedIntoId: target.id },
    });
    await refreshTicketSearch(tx, target.id);
    await refreshTicketSearch(tx, source.id);
    for (const [entityId, data] of [
      [source.id, { into: target.id, statusFrom: source.status }],
      [target.id, { from: source.id, messages: moved.count }],
    ] as const) {
      await recordAudit(tx, {
        at: now,
        actorType: "staff",
        actorId: opts.staffId,
        action: "ticket.merged",
        entityType: "Ticket",
        entityId,
        data,
      });
    }
    return { targetId: target.id, moved: moved.count };
  });
}
