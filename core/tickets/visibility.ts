// Who sees which tickets. Staff: a SECRETARY sees her school's queue only; an AGENT (help centre) sees the
// central queue and every school's; an ADMIN sees everything. A parent sees only the tickets of their own
// account, without internal notes. A ticket one may not see is answered exactly like a missing one.
import type { CoreContext } from "../context";
import type { Prisma } from "../db/generated/client";
import type { StaffRole } from "../db/generated/enums";
import { AppError } from "../errors";

export type TicketViewer = { kind: "staff"; staffId: string } | { kind: "parent"; accountId: string };

export interface ResolvedViewer {
  kind: "staff" | "parent";
  id: string;
  role?: StaffRole;
  where: Prisma.TicketWhereInput;
  seesInternal: boolean;
  /** Staff: the schools whose queue a secretary sees; null for agents and admins (everything). */
  schoolIds?: string[] | null;
}

export function ticketNotFound(): AppError {
  return new AppError("tickets.not_found", { log: "ticket not found or not visible to the viewer" });
}

/** Impossible filter: a viewer without rights matches nothing rather than everything. */
const NOTHING: Prisma.TicketWhereInput = { id: { in: [] } };

export async function resolveViewer(ctx: CoreContext, viewer: TicketViewer): Promise<ResolvedViewer> {
  if (viewer?.kind === "parent") {
    const acc =
      typeof viewer.accountId === "string"
        ? await ctx.prisma.account.findUnique({ where: { id: viewer.accountId }, select: { id: true } })
        : null;
    return { kind: "parent", id: viewer.accountId, where: acc ? { accountId: acc.id } : NOTHING, seesInternal: false };
  }
  if (viewer?.kind === "staff") {
    const staff =
      typeof viewer.staffId === "string"
        ? await ctx.prisma.staff.findFirst({
            where: { id: viewer.staffId, active: true },
            select: { id: true, role: true, schoolId: true },
          })
        : null;
    if (!staff) return { kind: "staff", id: viewer.staffId, where: NOTHING, seesInternal: false };
    if (staff.role !== "SECRETARY")
      return { kind: "staff", id: staff.id, role: staff.role, where: {}, seesInternal: true, schoolIds: null };
    // A secretary may serve several schools (StaffSchool holds those besides her main one).
    const extra = await ctx.prisma.staffSchool.findMany({ where: { staffId: staff.id }, select: { schoolId: true } });
    const schoolIds = [...new Set([...(staff.schoolId ? [staff.schoolId] : []), ...extra.map((e) => e.schoolId)])];
    const where: Prisma.TicketWhereInput = schoolIds.length ? { queue: "SCHOOL", schoolId: { in: schoolIds } } : NOTHING;
    return { kind: "staff", id: staff.id, role: staff.role, where, seesInternal: true, schoolIds };
  }
  throw new AppError("tickets.invalid_viewer", { log: "unknown viewer kind" });
}

/** The staff member acting on a ticket, who must be able to see it. */
export async function requireStaffOnTicket(ctx: CoreContext, staffId: string, ticketId: string): Promise<ResolvedViewer> {
  const v = await resolveViewer(ctx, { kind: "staff", staffId });
  const ok = await ctx.prisma.ticket.findFirst({ where: { AND: [{ id: ticketId }, v.where] }, select: { id: true } });
  if (!ok) throw ticketNotFound();
  return v;
}
