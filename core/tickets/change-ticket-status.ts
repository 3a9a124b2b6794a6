// Moves a ticket along its life (ticket-status.ts); closing stamps closedAt, reopening clears it. Audited.
import type { CoreContext } from "../context";
import type { Prisma } from "../db/generated/client";
import type { TicketStatus } from "../db/generated/enums";
import { recordAudit } from "../audit";
import { AppError } from "../errors";
import { canTransition, TICKET_TRANSITIONS } from "./ticket-status";
import { requireStaffOnTicket, ticketNotFound } from "./visibility";

export interface ChangeTicketStatusOptions {
  ticketId: string;
  status: TicketStatus;
  /** The staff member acting (must see the ticket); absent: the system (e.g. a parent's « merci » closing it). */
  staffId?: string | null;
}

export async function changeTicketStatus(
  ctx: CoreContext,
  opts: ChangeTicketStatusOptions,
): Promise<{ id: string; status: TicketStatus; closedAt: Date | null; changed: boolean }> {
  if (!(opts.status in TICKET_TRANSITIONS)) {
    throw new AppError("tickets.invalid_status", { log: `unknown status ${String(opts.status)}` });
  }
  if (opts.staffId) await requireStaffOnTicket(ctx, opts.staffId, opts.ticketId);
  return ctx.prisma.$transaction((tx) => changeStatusIn(ctx, opts, tx));
}

/** The change itself, inside the caller's transaction (replyToTicket moves the status with its reply). */
export async function changeStatusIn(
  ctx: CoreContext,
  opts: ChangeTicketStatusOptions,
  tx: Prisma.TransactionClient,
): Promise<{ id: string; status: TicketStatus; closedAt: Date | null; changed: boolean }> {
  if (!(opts.status in TICKET_TRANSITIONS)) {
    throw new AppError("tickets.invalid_status", { log: `unknown status ${String(opts.status)}` });
  }
  {
    const t = await tx.ticket.findUnique({ where: { id: String(opts.ticketId) }, select: { id: true, status: true, closedAt: true } });
    if (!t) throw ticketNotFound();
    if (t.status === opts.status) return { id: t.id, status: t.status, closedAt: t.closedAt, changed: false };
    if (!canTransition(t.status, opts.status)) {
      throw new AppError("tickets.invalid_transition", {
        params: { from: t.status, to: opts.status },
        log: `ticket ${t.id}: ${t.status} → ${opts.status} is not allowed`,
      });
    }
    const now = ctx.now();
    const closedAt = opts.status === "CLOSED" || opts.status === "RESOLVED" ? now : null;
    await tx.ticket.update({ where: { id: t.id }, data: { status: opts.status, closedAt, updatedAt: now } });
    await recordAudit(tx, {
      at: ctx.now(),
      actorType: opts.staffId ? "staff" : "system",
      actorId: opts.staffId ?? null,
      action: "ticket.status_changed",
      entityType: "Ticket",
      entityId: t.id,
      data: { from: t.status, to: opts.status },
    });
    return { id: t.id, status: opts.status, closedAt, changed: true };
  }
}
