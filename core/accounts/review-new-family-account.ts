// The school's decision on a new family's account request (seed 2): approve (the account becomes ACTIVE, the
// family is told by email) or reject (the request is removed so the email can be used again; the family is
// told to contact the school). Secretaries decide for their own school; help-desk agents and admins for any.
import type { CoreContext } from "../context";
import { recordAudit } from "../audit";
import { enqueueEmail } from "../outbox/enqueue-email";
import { accountError } from "./account-error";
import { asLang, getAccountSummary, type AccountSummary } from "./account-summary";

export interface ReviewNewFamilyAccountOptions {
  accountId: string;
  staffId: string;
}

async function loadForReview(ctx: CoreContext, opts: ReviewNewFamilyAccountOptions) {
  const staff = await ctx.prisma.staff.findUnique({
    where: { id: opts.staffId },
    select: { id: true, role: true, schoolId: true, active: true },
  });
  if (!staff?.active) throw accountError("staff_not_allowed", { log: `staff ${opts.staffId} missing or inactive` });
  const account = await ctx.prisma.account.findUnique({
    where: { id: opts.accountId },
    select: { id: true, email: true, status: true, lang: true, emailValidatedAt: true, pendingSchoolId: true, pendingProfile: true },
  });
  if (!account || account.status !== "PENDING_SCHOOL")
    throw accountError("account_not_found", { log: `no pending new-family account ${opts.accountId}` });
  if (staff.role === "SECRETARY" && (!staff.schoolId || staff.schoolId !== account.pendingSchoolId)) {
    throw accountError("staff_not_allowed", { log: `secretary ${staff.id} is not of school ${account.pendingSchoolId}` });
  }
  const givenName = String((account.pendingProfile as { givenName?: unknown } | null)?.givenName ?? "");
  return { staff, account, givenName };
}

/** Errors: `staff_not_allowed`, `account_not_found` (no pending request), `email_not_validated`. */
export async function approveNewFamilyAccount(
  ctx: CoreContext,
  opts: ReviewNewFamilyAccountOptions & { guardianId?: string },
): Promise<AccountSummary> {
  const { staff, account, givenName } = await loadForReview(ctx, opts);
  if (!account.emailValidatedAt) throw accountError("email_not_validated");
  await ctx.prisma.$transaction(async (tx) => {
    const changed = await tx.account.updateMany({
      where: { id: account.id, status: "PENDING_SCHOOL" },
      data: { status: "ACTIVE", ...(opts.guardianId ? { guardianId: opts.guardianId } : {}) },
    });
    if (changed.count !== 1) throw accountError("account_not_found", { log: "request reviewed concurrently" });
    await enqueueEmail(
      ctx,
      {
        template: "accounts:email.newFamilyApproved",
        lang: asLang(account.lang),
        to: account.email,
        params: { givenName, loginId: account.email },
      },
      tx,
    );
    await recordAudit(tx, {
      at: ctx.now(),
      actorType: "staff",
      actorId: staff.id,
      action: "account.new_family_approved",
      entityType: "account",
      entityId: account.id,
      data: { schoolId: account.pendingSchoolId },
    });
  });
  return getAccountSummary(ctx, { accountId: account.id });
}

/** Errors: `staff_not_allowed`, `account_not_found`. */
export async function rejectNewFamilyAccount(
  ctx: CoreContext,
  opts: ReviewNewFamilyAccountOptions,
): Promise<{ accountId: string; rejected: true }> {
  const { staff, account, givenName } = await loadForReview(ctx, opts);
  await ctx.prisma.$transaction(async (tx) => {
    const removed = await tx.account.deleteMany({ where: { id: account.id, status: "PENDING_SCHOOL" } });
    if (removed.count !== 1) throw accountError("account_not_found", { log: "request reviewed concurrently" });
    await enqueueEmail(
      ctx,
      { template: "accounts:email.newFamilyRejected", lang: asLang(account.lang), to: account.email, params: { givenName } },
      tx,
    );
    await recordAudit(tx, {
      at: ctx.now(),
      actorType: "staff",
      actorId: staff.id,
      action: "account.new_family_rejected",
      entityType: "account",
      entityId: account.id,
      data: { schoolId: account.pendingSchoolId },
    });
  });
  return { accountId: account.id, rejected: true };
}
