// « Mes enfants »: the children a parent's account shows (seed 1 FAQ 4: one account sees all of them).
import type { CoreContext } from "../context";
import { visibleStudentsWhere } from "./access";
import { studentLevel, type ReportCardLevel } from "./report-card-file-name";

export interface ListChildrenOptions {
  accountId: string;
}

export interface ChildSummary {
  id: string;
  givenName: string;
  preferredName: string | null;
  familyName: string;
  grade: string | null;
  school: { code: string; name: string } | null;
  level: ReportCardLevel;
}

const childSummarySelect = {
  id: true,
  givenName: true,
  preferredName: true,
  familyName: true,
  grade: true,
  school: { select: { code: true, name: true, level: true } },
} as const;

/** By first name: how parents name their children to the bot (« et pour Léa? »). */
export async function listChildren(ctx: CoreContext, opts: ListChildrenOptions): Promise<ChildSummary[]> {
  const rows = await ctx.prisma.student.findMany({
    where: visibleStudentsWhere(opts.accountId),
    select: childSummarySelect,
    orderBy: [{ givenName: "asc" }, { familyName: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    givenName: r.givenName,
    preferredName: r.preferredName,
    familyName: r.familyName,
    grade: r.grade,
    school: r.school ? { code: r.school.code, name: r.school.name } : null,
    level: studentLevel(r.school?.level, r.grade),
  }));
}
