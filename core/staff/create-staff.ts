// Creates a staff account for the triage console (`aide-portail staff add`) and a one-time link to choose
// its password: only the SHA-256 of the link's token is stored, the clear link is returned once.
import type { CoreContext } from "../context";
import { recordAudit } from "../audit";
import { prismaCode } from "../errors";
import { generateToken, sha256 } from "../accounts/secrets";
import { looksLikeEmail, normalizeEmail } from "../util/text";
import { STAFF_POLICY, STAFF_ROLES, type StaffRoleName } from "./staff-policy";
import { staffError } from "./staff-error";
import { publicUrls } from "../public-urls";

export interface CreateStaffOptions {
  email: string;
  role: string;
  /** Secretary: one or more school codes (the first is her main school). */
  schoolCodes?: string[];
  name?: string | null;
  /** Who did it (an admin's staff id; absent: the command line). */
  actorId?: string | null;
}

export interface CreatedStaff {
  staffId: string;
  email: string;
  role: StaffRoleName;
  schools: { code: string; name: string }[];
  setPasswordUrl: string;
  expiresAt: Date;
}

/** A fresh one-time set-password link for a staff member (also used by `staff add` on an existing email). */
export async function issueStaffPasswordLink(ctx: CoreContext, opts: { staffId: string }): Promise<{ url: string; expiresAt: Date }> {
  const token = generateToken();
  const expiresAt = new Date(ctx.now().getTime() + STAFF_POLICY.setPasswordLinkMs);
  await ctx.prisma.$transaction(async (tx) => {
    await tx.oneTimeCode.updateMany({
      where: { staffId: opts.staffId, purpose: "STAFF_SET_PASSWORD", consumedAt: null },
      data: { consumedAt: ctx.now() },
    });
    await tx.oneTimeCode.create({
      data: { purpose: "STAFF_SET_PASSWORD", staffId: opts.staffId, codeHash: sha256(token), expiresAt, createdAt: ctx.now() },
    });
  });
  return { url: publicUrls.staffSetPassword(ctx, token), expiresAt };
}

export async function createStaff(ctx: CoreContext, opts: CreateStaffOptions): Promise<CreatedStaff> {
  const email = normalizeEmail(opts.email ?? "");
  if (!looksLikeEmail(email)) throw staffError("invalid_email");
  const role = String(opts.role ?? "").toUpperCase() as StaffRoleName;
  if (!STAFF_ROLES.includes(role)) throw staffError("invalid_role", { params: { role: String(opts.role) } });
  const codes = [...new Set((opts.schoolCodes ?? []).map((c) => c.trim().toUpperCase()).filter(Boolean))];
  if (role === "SECRETARY" && codes.length === 0) throw staffError("school_required");
  const schools = await ctx.prisma.school.findMany({ where: { code: { in: codes } }, select: { id: true, code: true, name: true } });
  const missing = codes.filter((c) => !schools.some((s) => s.code === c));
  if (missing.length) throw staffError("unknown_school", { params: { code: missing.join(", ") } });
  const ordered = codes.map((c) => schools.find((s) => s.code === c)!);
  let staffId: string;
  try {
    staffId = await ctx.prisma.$transaction(async (tx) => {
      const row = await tx.staff.create({
        data: { email, role, name: opts.name?.trim() || null, schoolId: ordered[0]?.id ?? null, createdAt: ctx.now() },
        select: { id: true },
      });
      if (ordered.length > 1) await tx.staffSchool.createMany({ data: ordered.slice(1).map((s) => ({ staffId: row.id, schoolId: s.id })) });
      await recordAudit(tx, {
        at: ctx.now(),
        actorType: opts.actorId ? "staff" : "system",
        actorId: opts.actorId ?? "cli",
        action: "staff.created",
        entityType: "Staff",
        entityId: row.id,
        data: { role, schools: codes },
      });
      return row.id;
    });
  } catch (err) {
    if (prismaCode(err) === "P2002") throw staffError("already_exists", { params: { email } });
    throw err;
  }
  const link = await issueStaffPasswordLink(ctx, { staffId });
  ctx.log.child({ component: "staff" }).info({ staffId, role }, "staff account created");
  return {
    staffId,
    email,
    role,
    schools: ordered.map(({ code, name }) => ({ code, name })),
    setPasswordUrl: link.url,
    expiresAt: link.expiresAt,
  };
}
