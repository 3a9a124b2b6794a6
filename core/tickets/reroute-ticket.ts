// Moves a ticket to another school's queue or to the central help desk (a secretary who receives a
// ticket for another school, an agent who finds the school). Audited with where it came from.
import type { CoreContext } from "../context";
import type { TicketQueue } from "../db/generated/enums";
import { recordAudit } from "../audit";
import { AppError } from "../errors";
import { findSchoolByCode } from "./routing";
import { requireStaffOnTicket, ticketNotFound } from "./visibility";
import { translator } from "../i18n";
import { stripControls } from "../util/text";

export type RerouteTicketOptions = (
  | { ticketId: string; staffId: string; schoolCode: string; central?: false }
  | { ticketId: string; staffId: string; central: true; schoolCode?: undefined }
) & {
  /** Why (« mauvaise école », « problème de compte »): kept as an internal note and in the audit event. */
  reason?: string | null;
};

export async function rerouteTicket(
  ctx: CoreContext,
  opts: RerouteTicketOptions,
): Promise<{ id: string; queue: TicketQueue; school: { code: string; name: string } | null }> {
  await requireStaffOnTicket(ctx, opts.staffId, opts.ticketId);
  return ctx.prisma.$transaction(async (tx) => {
    const t = await tx.ticket.findUnique({
      where: { id: opts.ticketId },
      select: { id: true, queue: true, school: { select: { code: true, name: true } } },
    });
    if (!t) throw ticketNotFound();
    let school: { id: string; code: string; name: string } | null = null;
    if (!opts.central) {
      school = await findSchoolByCode(tx, opts.schoolCode);
      if (!school) throw new AppError("tickets.unknown_school", { log: "reroute to an unknown school code" });
    }
    const queue: TicketQueue = school ? "SCHOOL" : "CENTRAL";
    await tx.ticket.update({ where: { id: t.id }, data: { queue, schoolId: school?.id ?? null, updatedAt: ctx.now() } });
    // Whoever had it in hand in the old queue may no longer see it.
    await tx.ticketTriage.updateMany({ where: { ticketId: t.id }, data: { assigneeId: null } });
    const reason = typeof opts.reason === "string" ? stripControls(opts.reason).trim().slice(0, 500) : "";
    const tr = translator("fr");
    await tx.ticketMessage.create({
      data: {
        ticketId: t.id,
        author: "SYSTEM",
        internal: true,
        createdAt: ctx.now(),
        body: tr(reason ? "tickets:note.reroutedWithReason" : "tickets:note.rerouted", {
          from: t.school?.name ?? tr("tickets:queue.CENTRAL"),
          to: school?.name ?? tr("tickets:queue.CENTRAL"),
          reason,
        }),
      },
    });
    await recordAudit(tx, {
      at: ctx.now(),
      actorType: "staff",
      actorId: opts.staffId,
      action: "ticket.rerouted",
      entityType: "Ticket",
      entityId: t.id,
      data: {
        fromQueue: t.queue,
        fromSchool: t.school?.code ?? null,
        toQueue: queue,
        toSchool: school?.code ?? null,
        ...(reason ? { reason } : {}),
      },
    });
    return { id: t.id, queue, school: school ? { code: school.code, name: school.name } : null };
  });
}
