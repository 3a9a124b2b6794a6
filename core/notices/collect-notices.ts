// Turns today's events into notices for the parents who asked for them: an absence recorded today, a report
// card published today. Safe to run on every instance at once: a notice is unique per (subscription, event), so
// a second collector of the same event adds nothing. Staff replies are not collected: the triage reply calls
// noticeStaffReply (notice-staff-reply.ts) in its own transaction.
import type { CoreContext } from "../context";
import { torontoDay } from "../records/dates";
import { formatDate } from "../records/format";
import { isLang } from "../i18n";
import { visibleStudentsWhere } from "../records/access";
import { NOTICE_TEMPLATE } from "./notice-kinds";

interface Row {
  subscriptionId: string;
  eventKey: string;
  template: string;
  params: { child: string; name?: string; date: string };
}

export async function collectNotices(ctx: CoreContext): Promise<{ created: number }> {
  const now = ctx.now();
  const day = torontoDay(now);
  const dayStart = new Date(`${day}T00:00:00Z`);
  const subs = await ctx.prisma.proactiveSubscription.findMany({
    where: { kind: { in: ["absence", "report_card"] } },
    select: { id: true, accountId: true, kind: true, studentId: true, lang: true },
  });
  const rows: Row[] = [];
  for (const sub of subs) {
    // Only children the account may still see (the same gate as every records query).
    const students = await ctx.prisma.student.findMany({
      where: { ...visibleStudentsWhere(sub.accountId), ...(sub.studentId ? { id: sub.studentId } : {}) },
      select: {
        id: true,
        givenName: true,
        preferredName: true,
        ...(sub.kind === "absence"
          ? { attendance: { where: { date: dayStart, status: "ABSENT" as const }, select: { id: true } } }
          : { reportCards: { where: { publishedAt: dayStart }, select: { id: true, reportName: true } } }),
      },
    });
    for (const s of students as {
      id: string;
      givenName: string;
      preferredName: string | null;
      attendance?: { id: string }[];
      reportCards?: { id: string; reportName: string }[];
    }[]) {
      const child = s.preferredName ?? s.givenName;
      const date = formatDate(day, isLang(sub.lang) ? sub.lang : "fr", "long");
      for (const a of s.attendance ?? [])
        rows.push({ subscriptionId: sub.id, eventKey: `absence:${a.id}`, template: NOTICE_TEMPLATE.absence, params: { child, date } });
      for (const r of s.reportCards ?? [])
        rows.push({
          subscriptionId: sub.id,
          eventKey: `report_card:${r.id}`,
          template: NOTICE_TEMPLATE.report_card,
          params: { child, name: r.reportName, date },
        });
    }
  }
  if (rows.length === 0) return { created: 0 };
  const { count } = await ctx.prisma.proactiveNotice.createMany({
    data: rows.map((r) => ({ ...r, day, createdAt: now })),
    skipDuplicates: true,
  });
  return { created: count };
}
