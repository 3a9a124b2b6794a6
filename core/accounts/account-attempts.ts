// Attempt counters kept on the account row (wrong passwords, wrong secret answers), safe under concurrency.
// An attempt is TAKEN before the secret is compared, by a conditional increment; so N guesses fired at once
// get at most `maxFailures` comparisons between them, where reading the counter first and counting after the
// comparison would let all N through. A success gives its attempt back by resetting the counter.
import type { CoreContext } from "../context";
import { recordAudit } from "../audit";

export type AttemptKind = "login" | "secret";

const FIELDS = {
  login: { count: "failedLoginAttempts", until: "loginLockedUntil" },
  secret: { count: "failedSecretAttempts", until: "secretLockedUntil" },
} as const;

const LOCK_ACTION = { login: "account.signin_locked", secret: "account.secret_locked" } as const;

export interface AttemptLimit {
  maxFailures: number;
  lockMs: number;
}

function notLocked(kind: AttemptKind, now: Date) {
  const until = FIELDS[kind].until;
  return { OR: [{ [until]: null }, { [until]: { lte: now } }] };
}

/**
 * Takes one attempt. Returns null when the comparison may go ahead; otherwise the end of the lock. When the
 * counter is full but no lock is set (guesses in flight, or a process that died mid-check), the lock starts
 * now: the account is never left refusing every attempt without an end.
 */
export async function takeAttempt(ctx: CoreContext, kind: AttemptKind, accountId: string, limit: AttemptLimit): Promise<Date | null> {
  const { count, until } = FIELDS[kind];
  const now = ctx.now();
  const taken = await ctx.prisma.account.updateMany({
    where: { id: accountId, [count]: { lt: limit.maxFailures }, ...notLocked(kind, now) },
    data: { [count]: { increment: 1 } },
  });
  if (taken.count === 1) return null;
  const lockUntil = new Date(now.getTime() + limit.lockMs);
  const started = await ctx.prisma.account.updateMany({
    where: { id: accountId, [count]: { gte: limit.maxFailures }, ...notLocked(kind, now) },
    data: { [count]: 0, [until]: lockUntil },
  });
  if (started.count === 1) {
    await recordAudit(ctx.prisma, {
      at: now,
      actorType: "anonymous",
      action: LOCK_ACTION[kind],
      entityType: "account",
      entityId: accountId,
      data: { until: lockUntil.toISOString(), concurrent: true },
    });
    ctx.log.warn({ component: "accounts", accountId, kind }, "attempts locked: too many at once");
  }
  const row = await ctx.prisma.account.findUnique({
    where: { id: accountId },
    select: { loginLockedUntil: true, secretLockedUntil: true },
  });
  const current = kind === "login" ? row?.loginLockedUntil : row?.secretLockedUntil;
  return current && current > now ? current : lockUntil;
}

/**
 * After a failed comparison (its attempt already taken). `startedLock`: this failure filled the counter and
 * started the lock (only one concurrent failure does); `lockedUntil`: the lock in force now, whoever started
 * it; `attempt`: the failures counted so far.
 */
export async function settleFailure(
  ctx: CoreContext,
  kind: AttemptKind,
  accountId: string,
  limit: AttemptLimit,
): Promise<{ attempt: number; lockedUntil: Date | null; startedLock: boolean }> {
  const { count, until } = FIELDS[kind];
  const now = ctx.now();
  const lockUntil = new Date(now.getTime() + limit.lockMs);
  const locked = await ctx.prisma.account.updateMany({
    where: { id: accountId, [count]: { gte: limit.maxFailures }, ...notLocked(kind, now) },
    data: { [count]: 0, [until]: lockUntil },
  });
  if (locked.count === 1) return { attempt: limit.maxFailures, lockedUntil: lockUntil, startedLock: true };
  const row = await ctx.prisma.account.findUnique({
    where: { id: accountId },
    select: { failedLoginAttempts: true, failedSecretAttempts: true, loginLockedUntil: true, secretLockedUntil: true },
  });
  const attempt = (kind === "login" ? row?.failedLoginAttempts : row?.failedSecretAttempts) ?? 0;
  const current = (kind === "login" ? row?.loginLockedUntil : row?.secretLockedUntil) ?? null;
  return { attempt, lockedUntil: current && current > now ? current : null, startedLock: false };
}
