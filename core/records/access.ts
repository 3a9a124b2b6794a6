// The one gate of every records query: a signed-in parent sees only the children of their own guardian
// record that the SIS shows in the portal (link portalAccess = true, student active, account active).
// A child that is not theirs and a child that does not exist give the SAME error, so nobody can probe ids.
import type { CoreContext } from "../context";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { studentLevel, type ReportCardLevel } from "./report-card-file-name";

/** Students a given account may see. */
export function visibleStudentsWhere(accountId: string): Prisma.StudentWhereInput {
  return {
    active: true,
    guardians: { some: { portalAccess: true, guardian: { account: { is: { id: accountId, status: "ACTIVE" } } } } },
  };
}

export const childSchoolSelect = { id: true, code: true, name: true, level: true } as const;

const accessibleChildSelect = {
  id: true,
  givenName: true,
  familyName: true,
  preferredName: true,
  grade: true,
  oen: true,
  schoolId: true,
  school: { select: childSchoolSelect },
} as const;

export interface AccessibleChild {
  id: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  grade: string | null;
  oen: string | null;
  schoolId: string | null;
  school: { id: string; code: string; name: string; level: string } | null;
  level: ReportCardLevel;
}

export function childNotFound(): AppError {
  return new AppError("records.child_not_found", {
    log: "child not found among the account's visible children",
  });
}

/** The child, if this account may see it; otherwise records.child_not_found (never a hint of why). */
export async function requireChild(ctx: CoreContext, accountId: string, childId: string): Promise<AccessibleChild> {
  if (typeof childId !== "string" || childId.length === 0 || childId.length > 100 || typeof accountId !== "string") {
    throw childNotFound();
  }
  const row = await ctx.prisma.student.findFirst({
    where: { id: childId, ...visibleStudentsWhere(accountId) },
    select: accessibleChildSelect,
  });
  if (!row) throw childNotFound();
  return { ...row, level: studentLevel(row.school?.level, row.grade) };
}
