// The one-time link of `staff add`: checks it, then sets the chosen password (bcryptjs) and consumes it.
import type { CoreContext } from "../context";
import { recordAudit } from "../audit";
import { hashPassword, sha256 } from "../accounts/secrets";
import { STAFF_POLICY } from "./staff-policy";
import { staffError } from "./staff-error";

async function findLink(ctx: CoreContext, code: string) {
  if (typeof code !== "string" || code.length < 20 || code.length > 200) return null;
  const row = await ctx.prisma.oneTimeCode.findUnique({
    where: { codeHash: sha256(code) },
    select: { id: true, purpose: true, staffId: true, expiresAt: true, consumedAt: true },
  });
  if (!row || row.purpose !== "STAFF_SET_PASSWORD" || !row.staffId || row.consumedAt || row.expiresAt <= ctx.now()) return null;
  return row as typeof row & { staffId: string };
}

/** Whether a set-password link is still usable (the page asks before showing its form). */
export async function checkStaffPasswordLink(ctx: CoreContext, opts: { code: string }): Promise<boolean> {
  return (await findLink(ctx, opts.code)) !== null;
}

export function assertStaffPasswordPolicy(password: string): void {
  if (typeof password !== "string" || [...password].length < STAFF_POLICY.password.minLength || Buffer.byteLength(password) > 72) {
    throw staffError("password_too_short", { params: { min: STAFF_POLICY.password.minLength } });
  }
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) throw staffError("password_needs_mix");
}

export async function setStaffPassword(ctx: CoreContext, opts: { code: string; password: string }): Promise<{ staffId: string }> {
  const link = await findLink(ctx, opts.code);
  if (!link) throw staffError("link_invalid");
  assertStaffPasswordPolicy(opts.password);
  const passwordHash = await hashPassword(opts.password);
  await ctx.prisma.$transaction(async (tx) => {
    const used = await tx.oneTimeCode.updateMany({ where: { id: link.id, consumedAt: null }, data: { consumedAt: ctx.now() } });
    if (used.count !== 1) throw staffError("link_invalid");
    await tx.staff.update({ where: { id: link.staffId }, data: { passwordHash } });
    await tx.staffSession.deleteMany({ where: { staffId: link.staffId } });
    await recordAudit(tx, {
      at: ctx.now(),
      actorType: "staff",
      actorId: link.staffId,
      action: "staff.password_set",
      entityType: "Staff",
      entityId: link.staffId,
    });
  });
  return { staffId: link.staffId };
}
