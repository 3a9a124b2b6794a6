// Attempt counters in the RateLimit table, for limits that have no account row to live on (emails without an
// account must behave exactly like those with one) and for per-email send limits. Fixed windows on the
// service's clock (ctx.now), so tests move time with a fake clock.
import type { CoreContext } from "../context";
import { keyedHash } from "./app-secret";

export interface WindowLimit {
  max: number;
  windowMs: number;
}

export interface FailureLimit {
  maxFailures: number;
  lockMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
}

/** A rate-limit key that does not hold the email in clear: `purpose:<HMAC of the normalised email>`. */
export function emailKey(ctx: CoreContext, purpose: string, normalizedEmail: string): string {
  return `${purpose}:${keyedHash(ctx, "rate-limit", normalizedEmail).slice(0, 40)}`;
}

async function increment(ctx: CoreContext, key: string, windowMs: number): Promise<{ count: number; windowStart: Date }> {
  const now = ctx.now();
  const row = await ctx.prisma.rateLimit.upsert({
    where: { key },
    create: { key, count: 1, windowStart: now, updatedAt: now },
    update: { count: { increment: 1 }, updatedAt: now }, // atomic in the database
    select: { count: true, windowStart: true },
  });
  if (row.windowStart.getTime() + windowMs > now.getTime()) return row;
  // The window is over: start a new one, unless a concurrent call already did.
  const restarted = await ctx.prisma.rateLimit.updateMany({
    where: { key, windowStart: row.windowStart },
    data: { count: 1, windowStart: now },
  });
  if (restarted.count === 1) return { count: 1, windowStart: now };
  const again = await ctx.prisma.rateLimit.findUnique({ where: { key }, select: { count: true, windowStart: true } });
  return again ?? { count: 1, windowStart: now };
}

/** Counts one use; `allowed` is false once more than `max` uses fall in the current window. */
export async function consumeRateLimit(
  ctx: CoreContext,
  key: string,
  limit: WindowLimit,
): Promise<{ allowed: boolean; count: number; retryAt: Date }> {
  const { count, windowStart } = await increment(ctx, key, limit.windowMs);
  return { allowed: count <= limit.max, count, retryAt: new Date(windowStart.getTime() + limit.windowMs) };
}

/** The end of the key's lockout, or null when it is not locked now. */
export async function lockedUntil(ctx: CoreContext, key: string): Promise<Date | null> {
  const row = await ctx.prisma.rateLimit.findUnique({ where: { key }, select: { lockedUntil: true } });
  return row?.lockedUntil && row.lockedUntil > ctx.now() ? row.lockedUntil : null;
}

/** The latest lockout in force among `keys` (one query, whichever of them have rows), or null. */
export async function latestLock(ctx: CoreContext, keys: string[]): Promise<Date | null> {
  const rows = await ctx.prisma.rateLimit.findMany({ where: { key: { in: keys } }, select: { lockedUntil: true } });
  const now = ctx.now().getTime();
  const ends = rows.map((r) => r.lockedUntil?.getTime() ?? 0).filter((t) => t > now);
  return ends.length ? new Date(Math.max(...ends)) : null;
}

/** Counts one failure; the `maxFailures`-th locks the key for `lockMs` and starts counting afresh. */
export async function recordFailure(
  ctx: CoreContext,
  key: string,
  limit: FailureLimit,
): Promise<{ locked: boolean; lockedUntil: Date | null; remaining: number }> {
  const { count } = await increment(ctx, key, limit.windowMs);
  if (count < limit.maxFailures) return { locked: false, lockedUntil: null, remaining: limit.maxFailures - count };
  const until = new Date(ctx.now().getTime() + limit.lockMs);
  await ctx.prisma.rateLimit.update({
    where: { key },
    data: { count: 0, windowStart: ctx.now(), lockedUntil: until, updatedAt: ctx.now() },
  });
  return { locked: true, lockedUntil: until, remaining: 0 };
}

/**
 * The keyed twin of account-attempts.ts `takeAttempt`, for emails without an account row: one attempt is taken
 * BEFORE the comparison (an atomic increment), so guesses fired at once get at most `maxFailures` comparisons,
 * exactly as on an account. Returns null when the comparison may go ahead, else the end of the lock (started
 * now when the counter is full).
 */
export async function takeKeyAttempt(ctx: CoreContext, key: string, limit: FailureLimit): Promise<Date | null> {
  const { count } = await increment(ctx, key, limit.windowMs);
  if (count <= limit.maxFailures) return null;
  const now = ctx.now();
  const until = new Date(now.getTime() + limit.lockMs);
  await ctx.prisma.rateLimit.updateMany({
    where: { key, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
    data: { count: 0, windowStart: now, lockedUntil: until, updatedAt: now },
  });
  return (await lockedUntil(ctx, key)) ?? until;
}

/** The keyed twin of `settleFailure`: after a failed comparison whose attempt was taken by takeKeyAttempt. */
export async function settleKeyFailure(
  ctx: CoreContext,
  key: string,
  limit: FailureLimit,
): Promise<{ attempt: number; lockedUntil: Date | null; startedLock: boolean }> {
  const now = ctx.now();
  const until = new Date(now.getTime() + limit.lockMs);
  const locked = await ctx.prisma.rateLimit.updateMany({
    where: { key, count: { gte: limit.maxFailures }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
    data: { count: 0, windowStart: now, lockedUntil: until, updatedAt: now },
  });
  if (locked.count === 1) return { attempt: limit.maxFailures, lockedUntil: until, startedLock: true };
  const row = await ctx.prisma.rateLimit.findUnique({ where: { key }, select: { count: true, lockedUntil: true } });
  return { attempt: row?.count ?? 0, lockedUntil: row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null, startedLock: false };
}

export async function clearRateLimit(ctx: CoreContext, key: string): Promise<void> {
  await ctx.prisma.rateLimit.deleteMany({ where: { key } });
}
