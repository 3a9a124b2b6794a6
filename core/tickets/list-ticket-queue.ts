// The triage queue: the tickets a staff member may see, newest activity first, with filters, a full-text
// search (ticket-search.ts), counts per status and keyset paging — a cursor (updatedAt, number) rather than
// an offset, so page 500 costs what page 1 costs with 50,000 tickets (indexes on Ticket: see schema).
import { Prisma } from "../db/generated/client";
import type { TicketChannel, TicketStatus } from "../db/generated/enums";
import type { CoreContext } from "../context";
import { formatTicketReference } from "./ticket-reference";
import { searchQuery } from "./ticket-search";
import { resolveViewer } from "./visibility";
import { TICKET_TRANSITIONS } from "./ticket-status";

/** A ticket waiting on staff (new or in progress) with no activity for this long stands out. */
export const AGEING_AFTER_MS = 48 * 3600_000;

export const TICKET_STATUSES = Object.keys(TICKET_TRANSITIONS) as TicketStatus[];
export const TICKET_CHANNELS: TicketChannel[] = ["CHAT", "TEAMS", "EMAIL", "FORM"];

export interface TicketQueueFilters {
  status?: TicketStatus | null;
  channel?: TicketChannel | null;
  intent?: string | null;
  schoolCode?: string | null;
  /** "central": the help centre's own queue only. */
  queue?: "SCHOOL" | "CENTRAL" | null;
  /** "me": mine; "none": nobody's. */
  assigned?: "me" | "none" | null;
  q?: string | null;
}

export interface ListTicketQueueOptions extends TicketQueueFilters {
  staffId: string;
  cursor?: string | null;
  /** Default 25, at most 100. */
  limit?: number;
}

export interface QueueTicket {
  id: string;
  number: number;
  reference: string;
  subject: string;
  status: TicketStatus;
  channel: TicketChannel;
  intent: string | null;
  queue: "SCHOOL" | "CENTRAL";
  school: { code: string; name: string } | null;
  requesterName: string | null;
  childName: string | null;
  assigneeName: string | null;
  createdAt: Date;
  updatedAt: Date;
  ageing: boolean;
}

export interface TicketQueuePage {
  tickets: QueueTicket[];
  nextCursor: string | null;
  counts: Record<TicketStatus, number>;
  total: number;
}

function encodeCursor(t: { updatedAt: Date; number: number }): string {
  return Buffer.from(`${t.updatedAt.toISOString()}|${t.number}`).toString("base64url");
}

function decodeCursor(c: string | null | undefined): { updatedAt: Date; number: number } | null {
  if (!c || c.length > 100) return null;
  const [iso, n] = Buffer.from(c, "base64url").toString("utf8").split("|");
  const updatedAt = new Date(iso);
  const number = Number(n);
  return Number.isNaN(updatedAt.getTime()) || !Number.isSafeInteger(number) ? null : { updatedAt, number };
}

type Row = {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  channel: TicketChannel;
  intent: string | null;
  queue: "SCHOOL" | "CENTRAL";
  createdAt: Date;
  updatedAt: Date;
  requesterName: string | null;
  childGivenName: string | null;
  childFamilyName: string | null;
  schoolCode: string | null;
  schoolName: string | null;
  studentGivenName: string | null;
  studentFamilyName: string | null;
  assigneeName: string | null;
};

export async function listTicketQueue(ctx: CoreContext, opts: ListTicketQueueOptions): Promise<TicketQueuePage> {
  const v = await resolveViewer(ctx, { kind: "staff", staffId: opts.staffId });
  const empty = Object.fromEntries(TICKET_STATUSES.map((s) => [s, 0])) as Record<TicketStatus, number>;
  if (!v.role) return { tickets: [], nextCursor: null, counts: empty, total: 0 };
  const conds: Prisma.Sql[] = [];
  if (v.schoolIds) {
    if (v.schoolIds.length === 0) return { tickets: [], nextCursor: null, counts: empty, total: 0 };
    conds.push(Prisma.sql`t."queue" = 'SCHOOL' AND t."schoolId" IN (${Prisma.join(v.schoolIds)})`);
  }
  if (opts.queue === "CENTRAL" || opts.queue === "SCHOOL") conds.push(Prisma.sql`t."queue" = CAST(${opts.queue} AS "TicketQueue")`);
  if (opts.channel && TICKET_CHANNELS.includes(opts.channel))
    conds.push(Prisma.sql`t."channel" = CAST(${opts.channel} AS "TicketChannel")`);
  if (opts.intent) conds.push(Prisma.sql`t."intent" = ${String(opts.intent).slice(0, 100)}`);
  if (opts.schoolCode)
    conds.push(Prisma.sql`t."schoolId" = (SELECT "id" FROM "School" WHERE "code" = ${String(opts.schoolCode).toUpperCase().slice(0, 60)})`);
  const query = opts.q ? searchQuery(opts.q) : null;
  const needsTriage = Boolean(query || opts.assigned);
  if (query) conds.push(Prisma.sql`tt."searchVector" @@ to_tsquery('simple', ${query})`);
  if (opts.assigned === "me") conds.push(Prisma.sql`tt."assigneeId" = ${v.id}`);
  if (opts.assigned === "none") conds.push(Prisma.sql`tt."assigneeId" IS NULL`);
  const base = conds.length ? Prisma.join(conds, " AND ") : Prisma.sql`TRUE`;
  const triageJoin = needsTriage ? Prisma.sql`LEFT JOIN "TicketTriage" tt ON tt."ticketId" = t."id"` : Prisma.empty;

  const pageConds = [base];
  if (opts.status && TICKET_STATUSES.includes(opts.status)) pageConds.push(Prisma.sql`t."status" = CAST(${opts.status} AS "TicketStatus")`);
  const cursor = decodeCursor(opts.cursor);
  if (cursor) pageConds.push(Prisma.sql`(t."updatedAt", t."number") < (${cursor.updatedAt}, ${cursor.number})`);
  const limit = Math.min(Math.max(1, Math.floor(opts.limit ?? 25)), 100);

  const [rows, counts] = await Promise.all([
    ctx.prisma.$queryRaw<Row[]>`
      SELECT t."id", t."number", t."subject", t."status", t."channel", t."intent", t."queue", t."createdAt", t."updatedAt",
             t."requesterName", t."childGivenName", t."childFamilyName",
             s."code" AS "schoolCode", s."name" AS "schoolName",
             st."givenName" AS "studentGivenName", st."familyName" AS "studentFamilyName", a."name" AS "assigneeName"
      FROM (
        SELECT t."id" FROM "Ticket" t ${triageJoin}
        WHERE ${Prisma.join(pageConds, " AND ")}
        ORDER BY t."updatedAt" DESC, t."number" DESC
        LIMIT ${limit + 1}
      ) page
      JOIN "Ticket" t ON t."id" = page."id"
      LEFT JOIN "School" s ON s."id" = t."schoolId"
      LEFT JOIN "Student" st ON st."id" = t."studentId"
      LEFT JOIN "TicketTriage" tr ON tr."ticketId" = t."id"
      LEFT JOIN "Staff" a ON a."id" = tr."assigneeId"
      ORDER BY t."updatedAt" DESC, t."number" DESC`,
    ctx.prisma.$queryRaw<{ status: TicketStatus; n: bigint }[]>`
      SELECT t."status", count(*) AS n FROM "Ticket" t ${triageJoin} WHERE ${base} GROUP BY t."status"`,
  ]);
  const now = ctx.now().getTime();
  const tickets = rows.slice(0, limit).map((r): QueueTicket => ({
    id: r.id,
    number: r.number,
    reference: formatTicketReference(r.number),
    subject: r.subject,
    status: r.status,
    channel: r.channel,
    intent: r.intent,
    queue: r.queue,
    school: r.schoolCode ? { code: r.schoolCode, name: r.schoolName! } : null,
    requesterName: r.requesterName,
    childName: [r.studentGivenName ?? r.childGivenName, r.studentFamilyName ?? r.childFamilyName].filter(Boolean).join(" ") || null,
    assigneeName: r.assigneeName,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    ageing: (r.status === "NEW" || r.status === "OPEN") && now - r.updatedAt.getTime() > AGEING_AFTER_MS,
  }));
  for (const c of counts) empty[c.status] = Number(c.n);
  return {
    tickets,
    nextCursor: rows.length > limit ? encodeCursor(tickets[tickets.length - 1]) : null,
    counts: empty,
    total: Object.values(empty).reduce((a, b) => a + b, 0),
  };
}
