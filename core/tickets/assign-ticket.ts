// Who has a ticket in hand: a staff member who can see it (herself or a colleague), or nobody. Audited.
import type { CoreContext } from "../context";
import { recordAudit } from "../audit";
import { AppError } from "../errors";
import { requireStaffOnTicket, resolveViewer } from "./visibility";

export interface AssignTicketOptions {
  ticketId: string;
  /** Who acts. */
  staffId: string;
  /** Who gets it; null: nobody. */
  assigneeId: string | null;
}

export async function assignTicket(ctx: CoreContext, opts: AssignTicketOptions): Promise<{ ticketId: string; assigneeId: string | null }> {
  await requireStaffOnTicket(ctx, opts.staffId, opts.ticketId);
  if (opts.assigneeId) {
    const v = await resolveViewer(ctx, { kind: "staff", staffId: opts.assigneeId });
    const sees = await ctx.prisma.ticket.findFirst({ where: { AND: [{ id: opts.ticketId }, v.where] }, select: { id: true } });
    if (!sees) throw new AppError("tickets.invalid_assignee", { log: "assignee cannot see the ticket" });
  }
  await ctx.prisma.$transaction(async (tx) => {
    const before = await tx.ticketTriage.findUnique({ where: { ticketId: opts.ticketId }, select: { assigneeId: true } });
    await tx.ticketTriage.upsert({
      where: { ticketId: opts.ticketId },
      create: { ticketId: opts.ticketId, assigneeId: opts.assigneeId },
      update: { assigneeId: opts.assigneeId },
    });
    await tx.ticket.update({ where: { id: opts.ticketId }, data: { updatedAt: ctx.now() } });
    await recordAudit(tx, {
      at: ctx.now(),
      actorType: "staff",
      actorId: opts.staffId,
      action: "ticket.assigned",
      entityType: "Ticket",
      entityId: opts.ticketId,
      data: { from: before?.assigneeId ?? null, to: opts.assigneeId },
    });
  });
  return { ticketId: opts.ticketId, assigneeId: opts.assigneeId };
}
