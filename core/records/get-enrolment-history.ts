// Enrolment history (the portal's « Adhésion » tab): the schools and grades a child was enrolled in.
import type { CoreContext } from "../context";
import { requireChild } from "./access";
import { dayString } from "./dates";

export interface EnrolmentPeriod {
  school: { code: string; name: string };
  grade: string | null;
  startDate: string;
  /** null: still enrolled. */
  endDate: string | null;
  reason: string | null;
}

const historySelect = {
  grade: true,
  startDate: true,
  endDate: true,
  reason: true,
  school: { select: { code: true, name: true } },
} as const;

/** Most recent first. */
export async function getEnrolmentHistory(ctx: CoreContext, opts: { accountId: string; childId: string }): Promise<EnrolmentPeriod[]> {
  const child = await requireChild(ctx, opts.accountId, opts.childId);
  const rows = await ctx.prisma.enrolmentHistory.findMany({
    where: { studentId: child.id },
    select: historySelect,
    orderBy: [{ startDate: "desc" }],
  });
  return rows.map((r) => ({
    school: r.school,
    grade: r.grade,
    startDate: dayString(r.startDate),
    endDate: r.endDate ? dayString(r.endDate) : null,
    reason: r.reason,
  }));
}
