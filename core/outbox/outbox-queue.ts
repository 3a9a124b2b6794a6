// The outbox as a queue: claim due emails with a lease (safe with several instances: SKIP LOCKED),
// mark them sent, or schedule a retry with capped exponential backoff. Transports live at the edge
// (mail-agent/outbox); the core only knows the states.
import type { CoreContext } from "../context";

export const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;

export interface ClaimedEmail {
  id: string;
  messageId: string;
  fromAddress: string;
  toAddress: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  attempts: number;
}

/** Delay before attempt n+1 after n failed attempts: 30 s, 1 min, 2 min … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}

/**
 * Claims up to `limit` due emails: PENDING ones whose time has come, and SENDING ones whose lease ran out
 * (the instance that held them died). Each claim counts as an attempt.
 */
export async function claimDueEmails(ctx: CoreContext, opts: { limit?: number; leaseMs?: number } = {}): Promise<ClaimedEmail[]> {
  const now = ctx.now();
  const leaseUntil = new Date(now.getTime() + (opts.leaseMs ?? 120_000));
  const rows = await ctx.prisma.$queryRaw<
    { id: string; messageId: string; fromAddress: string; toAddress: string; subject: string; text: string; html: string | null; headers: unknown; attempts: number }[]
  >`
    UPDATE "OutboxMessage" SET status = 'SENDING', "lockedUntil" = ${leaseUntil}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "OutboxMessage"
      WHERE (status = 'PENDING' AND "nextAttemptAt" <= ${now})
         OR (status = 'SENDING' AND "lockedUntil" < ${now})
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${opts.limit ?? 20}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "messageId", "fromAddress", "toAddress", subject, text, html, headers, attempts`;
  return rows.map((r) => ({ ...r, headers: (r.headers ?? {}) as Record<string, string> }));
}

export async function markEmailSent(ctx: CoreContext, id: string): Promise<void> {
  await ctx.prisma.outboxMessage.update({
    where: { id },
    data: { status: "SENT", sentAt: ctx.now(), lockedUntil: null, lastError: null },
  });
}

/** A failed attempt: retried later, or FAILED for good after MAX_ATTEMPTS or a permanent error (5xx). */
export async function markEmailFailed(
  ctx: CoreContext,
  id: string,
  opts: { error: string; attempts: number; permanent?: boolean },
): Promise<"retry" | "failed"> {
  const giveUp = opts.permanent || opts.attempts >= MAX_ATTEMPTS;
  await ctx.prisma.outboxMessage.update({
    where: { id },
    data: {
      status: giveUp ? "FAILED" : "PENDING",
      lockedUntil: null,
      lastError: opts.error.slice(0, 1000),
      nextAttemptAt: new Date(ctx.now().getTime() + retryDelayMs(opts.attempts)),
    },
  });
  return giveUp ? "failed" : "retry";
}

/** Counts by status, for /metrics and `doctor`. */
export async function outboxStats(ctx: CoreContext): Promise<Record<string, number>> {
  const groups = await ctx.prisma.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
  const out: Record<string, number> = { PENDING: 0, SENDING: 0, SENT: 0, FAILED: 0 };
  for (const g of groups) out[g.status] = g._count._all;
  return out;
}
