// Reading tickets: one ticket with its messages, a filtered list, and a lookup by reference. What comes back
// depends on the viewer (visibility.ts): parents never receive internal notes nor staff identities.
import type { CoreContext } from "../context";
import type { Prisma } from "../db/generated/client";
import type { MessageAuthor, TicketChannel, TicketQueue, TicketStatus } from "../db/generated/enums";
import { formatTicketReference, parseTicketReference } from "./ticket-reference";
import { resolveViewer, ticketNotFound, type TicketViewer } from "./visibility";

export interface TicketSummary {
  id: string;
  number: number;
  reference: string;
  subject: string;
  status: TicketStatus;
  queue: TicketQueue;
  school: { code: string; name: string } | null;
  channel: TicketChannel;
  intent: string | null;
  lang: string;
  requesterName: string | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

export interface TicketMessageView {
  id: string;
  author: MessageAuthor;
  /** Staff only. */
  staffName?: string | null;
  body: string;
  internal: boolean;
  createdAt: Date;
}

export interface TicketDetails extends TicketSummary {
  /** Staff only: how to reach the parent and what the form said of the child. */
  requester?: { name: string | null; email: string | null; phone: string | null };
  child?: { id: string | null; givenName: string | null; familyName: string | null; grade: string | null };
  messages: TicketMessageView[];
}

export const ticketSummarySelect = {
  id: true,
  number: true,
  subject: true,
  status: true,
  queue: true,
  channel: true,
  intent: true,
  lang: true,
  requesterName: true,
  createdAt: true,
  updatedAt: true,
  closedAt: true,
  school: { select: { code: true, name: true } },
} as const;

type SummaryRow = Prisma.TicketGetPayload<{ select: typeof ticketSummarySelect }>;

export function toTicketSummary(r: SummaryRow): TicketSummary {
  return { ...r, reference: formatTicketReference(r.number) };
}

export async function getTicket(ctx: CoreContext, opts: { ticketId: string; viewer: TicketViewer }): Promise<TicketDetails> {
  const v = await resolveViewer(ctx, opts.viewer);
  const row = await ctx.prisma.ticket.findFirst({
    where: { AND: [{ id: String(opts.ticketId) }, v.where] },
    select: {
      ...ticketSummarySelect,
      requesterEmail: true,
      requesterPhone: true,
      studentId: true,
      childGivenName: true,
      childFamilyName: true,
      childGrade: true,
      messages: {
        where: v.seesInternal ? {} : { internal: false },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, author: true, body: true, internal: true, createdAt: true, staff: { select: { name: true } } },
      },
    },
  });
  if (!row) throw ticketNotFound();
  const { requesterEmail, requesterPhone, studentId, childGivenName, childFamilyName, childGrade, messages, ...summary } = row;
  const details: TicketDetails = {
    ...toTicketSummary(summary),
    messages: messages.map((m) => ({
      id: m.id,
      author: m.author,
      ...(v.seesInternal ? { staffName: m.staff?.name ?? null } : {}),
      body: m.body,
      internal: m.internal,
      createdAt: m.createdAt,
    })),
  };
  if (v.kind === "staff") {
    details.requester = { name: summary.requesterName, email: requesterEmail, phone: requesterPhone };
    details.child = { id: studentId, givenName: childGivenName, familyName: childFamilyName, grade: childGrade };
  }
  return details;
}

export interface ListTicketsOptions {
  viewer: TicketViewer;
  status?: TicketStatus | TicketStatus[];
  queue?: TicketQueue;
  schoolCode?: string;
  /** Newest first; default 50, at most 200. */
  limit?: number;
  offset?: number;
}

export async function listTickets(ctx: CoreContext, opts: ListTicketsOptions): Promise<TicketSummary[]> {
  const v = await resolveViewer(ctx, opts.viewer);
  const filters: Prisma.TicketWhereInput[] = [v.where];
  if (opts.status) filters.push({ status: { in: Array.isArray(opts.status) ? opts.status : [opts.status] } });
  if (opts.queue) filters.push({ queue: opts.queue });
  if (opts.schoolCode) filters.push({ school: { is: { code: { equals: opts.schoolCode, mode: "insensitive" } } } });
  const rows = await ctx.prisma.ticket.findMany({
    where: { AND: filters },
    select: ticketSummarySelect,
    orderBy: [{ updatedAt: "desc" }, { number: "desc" }],
    take: Math.min(Math.max(1, Math.floor(opts.limit ?? 50)), 200),
    skip: Math.max(0, Math.floor(opts.offset ?? 0)),
  });
  return rows.map(toTicketSummary);
}

/**
 * The ticket a reference points to (« AP-42 », « [AP-000042] » in a subject), or null. For threading
 * incoming mail: no viewer, so only the summary — callers that show it to someone use getTicket.
 */
export async function findTicketByReference(ctx: CoreContext, opts: { reference: string }): Promise<TicketSummary | null> {
  const number = parseTicketReference(opts.reference);
  if (number === null || number > 2_147_483_647) return null;
  const row = await ctx.prisma.ticket.findUnique({ where: { number }, select: ticketSummarySelect });
  return row ? toTicketSummary(row) : null;
}
