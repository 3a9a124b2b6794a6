// Forms and documents (the « Documents » tab besides report cards, and « Formulaires Parents »): those for
// the child, and those the child's school offers every family.
import type { CoreContext } from "../context";
import type { DocumentKind } from "../db/generated/enums";
import { requireChild } from "./access";
import { dayString } from "./dates";

export interface DocumentSummary {
  id: string;
  kind: DocumentKind;
  title: string;
  fileName: string;
  /** "child": about this child; "school": for every family of the school. */
  scope: "child" | "school";
  dueDate: string | null;
  publishedAt: string;
}

const documentSelect = {
  id: true,
  kind: true,
  title: true,
  fileName: true,
  studentId: true,
  dueDate: true,
  publishedAt: true,
} as const;

export async function listDocuments(ctx: CoreContext, opts: { accountId: string; childId: string }): Promise<DocumentSummary[]> {
  const child = await requireChild(ctx, opts.accountId, opts.childId);
  const rows = await ctx.prisma.document.findMany({
    where: {
      OR: [{ studentId: child.id }, ...(child.schoolId ? [{ studentId: null, schoolId: child.schoolId }] : [])],
    },
    select: documentSelect,
    orderBy: [{ publishedAt: "desc" }, { title: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    fileName: r.fileName,
    scope: r.studentId ? "child" : "school",
    dueDate: r.dueDate ? dayString(r.dueDate) : null,
    publishedAt: dayString(r.publishedAt),
  }));
}
