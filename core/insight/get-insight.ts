// The insight page's figures (help centre and board): what parents ask — tickets by intent per week, by
// channel, by school — the assistant's unanswered questions, and per school the volumes, the age of what is
// still open and the median time to a first staff reply. Aggregated in SQL over the chosen period.
import { Prisma } from "../db/generated/client";
import type { CoreContext } from "../context";
import { requireCentralStaff } from "./staff-roles";
import { listUnansweredQuestions, type UnansweredQuestion } from "./assistant-questions";

export interface SchoolFigures {
  code: string | null;
  name: string | null;
  tickets: number;
  open: number;
  /** Median age in hours of the tickets still open; null when none. */
  openAgeHours: number | null;
  /** Median hours from a ticket's creation to its first staff reply; null when none answered. */
  firstReplyHours: number | null;
}

export interface Insight {
  from: Date;
  to: Date;
  byWeek: { week: string; intent: string; n: number }[];
  byChannel: { channel: string; n: number }[];
  byIntent: { intent: string; n: number }[];
  bySchool: SchoolFigures[];
  unanswered: UnansweredQuestion[];
}

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

export async function getInsight(ctx: CoreContext, opts: { staffId: string; from: Date; to: Date }): Promise<Insight> {
  await requireCentralStaff(ctx, opts.staffId);
  const { from, to } = opts;
  const period = Prisma.sql`t."createdAt" >= ${from} AND t."createdAt" < ${to}`;
  const [byWeek, byChannel, byIntent, bySchool, unanswered] = await Promise.all([
    ctx.prisma.$queryRaw<{ week: Date; intent: string; n: bigint }[]>`
      SELECT date_trunc('week', t."createdAt") AS week, COALESCE(t."intent", 'none') AS intent, count(*) AS n
      FROM "Ticket" t WHERE ${period} GROUP BY 1, 2 ORDER BY 1, 2`,
    ctx.prisma.$queryRaw<{ channel: string; n: bigint }[]>`
      SELECT t."channel"::text AS channel, count(*) AS n FROM "Ticket" t WHERE ${period} GROUP BY 1 ORDER BY 2 DESC`,
    ctx.prisma.$queryRaw<{ intent: string; n: bigint }[]>`
      SELECT COALESCE(t."intent", 'none') AS intent, count(*) AS n FROM "Ticket" t WHERE ${period} GROUP BY 1 ORDER BY 2 DESC LIMIT 30`,
    ctx.prisma.$queryRaw<
      { code: string | null; name: string | null; tickets: bigint; open: bigint; age: number | null; reply: number | null }[]
    >`
      SELECT s."code", s."name", count(*) AS tickets,
             count(*) FILTER (WHERE t."status" IN ('NEW', 'OPEN', 'WAITING_PARENT')) AS open,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (${ctx.now()} - t."createdAt")) / 3600)
               FILTER (WHERE t."status" IN ('NEW', 'OPEN', 'WAITING_PARENT')) AS age,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (tr."firstReplyAt" - t."createdAt")) / 3600)
               FILTER (WHERE tr."firstReplyAt" IS NOT NULL) AS reply
      FROM "Ticket" t LEFT JOIN "School" s ON s."id" = t."schoolId" LEFT JOIN "TicketTriage" tr ON tr."ticketId" = t."id"
      WHERE ${period} GROUP BY s."code", s."name" ORDER BY count(*) DESC`,
    listUnansweredQuestions(ctx, { staffId: opts.staffId, from, to, limit: 100 }),
  ]);
  return {
    from,
    to,
    byWeek: byWeek.map((r) => ({ week: r.week.toISOString().slice(0, 10), intent: r.intent, n: Number(r.n) })),
    byChannel: byChannel.map((r) => ({ channel: r.channel, n: Number(r.n) })),
    byIntent: byIntent.map((r) => ({ intent: r.intent, n: Number(r.n) })),
    bySchool: bySchool.map((r) => ({
      code: r.code,
      name: r.name,
      tickets: Number(r.tickets),
      open: Number(r.open),
      openAgeHours: round1(r.age === null ? null : Number(r.age)),
      firstReplyHours: round1(r.reply === null ? null : Number(r.reply)),
    })),
    unanswered,
  };
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? "" : String(v);
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV per table of the page: "schools", "intents" (by week), "channels", "questions". Headers are ids. */
export function insightCsv(insight: Insight, table: "schools" | "intents" | "channels" | "questions"): string {
  const rows: unknown[][] =
    table === "schools"
      ? [
          ["school_code", "school_name", "tickets", "open", "open_age_hours_median", "first_reply_hours_median"],
          ...insight.bySchool.map((s) => [s.code ?? "CENTRAL", s.name, s.tickets, s.open, s.openAgeHours, s.firstReplyHours]),
        ]
      : table === "intents"
        ? [["week", "intent", "tickets"], ...insight.byWeek.map((r) => [r.week, r.intent, r.n])]
        : table === "channels"
          ? [["channel", "tickets"], ...insight.byChannel.map((r) => [r.channel, r.n])]
          : [
              ["created_at", "channel", "lang", "intent", "confidence", "outcome", "corrected_intent", "text"],
              ...insight.unanswered.map((q) => [
                q.createdAt.toISOString(),
                q.channel,
                q.lang,
                q.intent,
                q.confidence,
                q.outcome,
                q.correctedIntent,
                q.text,
              ]),
            ];
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
