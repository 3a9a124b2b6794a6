// Staff sign-in and sessions of the triage console. The cookie carries a random token; the database keeps its
// SHA-256 only. A wrong password counts against the email (5 → 15 min lock, for unknown emails too, so the
// lock tells nothing; a real account's owner is emailed) and every attempt against the client (30 per 15
// min). CSRF tokens are an HMAC of the session, so any instance can check them without storing anything more.
import type { CoreContext } from "../context";
import type { StaffRole } from "../db/generated/enums";
import { recordAudit } from "../audit";
import { afterReply } from "../util/after-reply";
import { enqueueEmail } from "../outbox/enqueue-email";
import { checkHash, generateToken, sha256 } from "../accounts/secrets";
import { keyedHash } from "../accounts/app-secret";
import { consumeRateLimit, emailKey, lockedUntil, recordFailure, clearRateLimit } from "../accounts/rate-limit";
import { looksLikeEmail, normalizeEmail } from "../util/text";
import { STAFF_POLICY } from "./staff-policy";
import { staffError } from "./staff-error";
import crypto from "node:crypto";

export interface StaffMember {
  id: string;
  email: string;
  name: string | null;
  role: StaffRole;
  /** Every school she serves (a secretary); empty for agents and admins. */
  schools: { id: string; code: string; name: string }[];
}

export interface StaffSignedIn {
  token: string;
  staff: StaffMember;
  expiresAt: Date;
}

const minutesUntil = (ctx: CoreContext, d: Date) => Math.max(1, Math.ceil((d.getTime() - ctx.now().getTime()) / 60_000));

async function loadStaff(ctx: CoreContext, staffId: string): Promise<StaffMember | null> {
  const s = await ctx.prisma.staff.findFirst({
    where: { id: staffId, active: true },
    select: { id: true, email: true, name: true, role: true, school: { select: { id: true, code: true, name: true } } },
  });
  if (!s) return null;
  const extra = await ctx.prisma.staffSchool.findMany({ where: { staffId }, select: { schoolId: true } });
  const others = extra.length
    ? await ctx.prisma.school.findMany({
        where: { id: { in: extra.map((e) => e.schoolId) } },
        select: { id: true, code: true, name: true },
        orderBy: { name: "asc" },
      })
    : [];
  return { id: s.id, email: s.email, name: s.name, role: s.role, schools: [...(s.school ? [s.school] : []), ...others] };
}

export async function signInStaff(ctx: CoreContext, opts: { email: string; password: string; clientKey?: string }): Promise<StaffSignedIn> {
  const log = ctx.log.child({ component: "staff" });
  if (opts.clientKey) {
    const perClient = await consumeRateLimit(
      ctx,
      `staff-signin-client:${keyedHash(ctx, "client", opts.clientKey).slice(0, 40)}`,
      STAFF_POLICY.signInPerClient,
    );
    if (!perClient.allowed) throw staffError("signin_rate_limited", { params: { minutes: minutesUntil(ctx, perClient.retryAt) } });
  }
  const email = normalizeEmail(typeof opts.email === "string" ? opts.email : "");
  const key = emailKey(ctx, "staff-signin", email);
  const locked = await lockedUntil(ctx, key);
  if (locked) throw staffError("signin_locked", { params: { minutes: minutesUntil(ctx, locked) } });
  const row = looksLikeEmail(email)
    ? await ctx.prisma.staff.findFirst({ where: { email, active: true }, select: { id: true, email: true, passwordHash: true } })
    : null;
  const ok = await checkHash(typeof opts.password === "string" ? opts.password : "", row?.passwordHash ?? null);
  if (!ok || !row) {
    const failure = await recordFailure(ctx, key, STAFF_POLICY.signIn);
    await recordAudit(ctx.prisma, {
      at: ctx.now(),
      actorType: "anonymous",
      action: failure.locked ? "staff.signin_locked" : "staff.signin_failed",
      entityType: "Staff",
      entityId: row?.id ?? null,
    });
    if (failure.locked) {
      log.warn({ staffId: row?.id ?? null }, "staff sign-in locked after repeated failures");
      // The owner is told (someone may be guessing her password), after the reply: the attacker waits the
      // same time whether or not the email has an account.
      if (row) {
        const to = row.email;
        afterReply(ctx, "staff lock notice", async () => {
          await enqueueEmail(ctx, {
            template: "triage:signIn.lockedEmail",
            lang: "fr",
            to,
            params: { failures: STAFF_POLICY.signIn.maxFailures, minutes: STAFF_POLICY.signIn.lockMs / 60_000 },
          });
        });
      }
      throw staffError("signin_locked", { params: { minutes: minutesUntil(ctx, failure.lockedUntil!) } });
    }
    throw staffError("signin_invalid");
  }
  await clearRateLimit(ctx, key);
  const token = generateToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + STAFF_POLICY.session.absoluteMs);
  await ctx.prisma.staffSession.create({ data: { tokenHash: sha256(token), staffId: row.id, expiresAt, lastSeenAt: now, createdAt: now } });
  await recordAudit(ctx.prisma, {
    at: now,
    actorType: "staff",
    actorId: row.id,
    action: "staff.signed_in",
    entityType: "Staff",
    entityId: row.id,
  });
  const staff = (await loadStaff(ctx, row.id))!;
  return { token, staff, expiresAt };
}

/** The staff member of a session token, or null (unknown, expired, idle too long, account disabled). */
export async function getStaffSession(ctx: CoreContext, opts: { token: string }): Promise<StaffMember | null> {
  if (typeof opts.token !== "string" || opts.token.length < 20 || opts.token.length > 200) return null;
  const s = await ctx.prisma.staffSession.findUnique({
    where: { tokenHash: sha256(opts.token) },
    select: { id: true, staffId: true, expiresAt: true, lastSeenAt: true },
  });
  const now = ctx.now();
  if (!s || s.expiresAt <= now || s.lastSeenAt.getTime() + STAFF_POLICY.session.idleMs <= now.getTime()) return null;
  const staff = await loadStaff(ctx, s.staffId);
  if (!staff) return null;
  if (now.getTime() - s.lastSeenAt.getTime() > STAFF_POLICY.session.touchEveryMs) {
    await ctx.prisma.staffSession.update({ where: { id: s.id }, data: { lastSeenAt: now } });
  }
  return staff;
}

export async function signOutStaff(ctx: CoreContext, opts: { token: string }): Promise<void> {
  if (typeof opts.token !== "string") return;
  await ctx.prisma.staffSession.deleteMany({ where: { tokenHash: sha256(opts.token) } });
}

/** The CSRF token of a session: what every form and state-changing API call must send back. */
export function staffCsrfToken(ctx: CoreContext, opts: { token: string }): string {
  return keyedHash(ctx, "staff-csrf", sha256(String(opts.token ?? "")));
}

export function checkStaffCsrfToken(ctx: CoreContext, opts: { token: string; csrf: unknown }): boolean {
  if (typeof opts.csrf !== "string" || !/^[0-9a-f]{64}$/.test(opts.csrf)) return false;
  const want = Buffer.from(staffCsrfToken(ctx, opts), "hex");
  const got = Buffer.from(opts.csrf, "hex");
  return got.length === want.length && crypto.timingSafeEqual(got, want);
}
