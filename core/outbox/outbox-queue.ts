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
  /** End of this claim's lease: it also identifies the claim, so a deliverer that lost it cannot record a result. */
  leaseUntil: Date;
}

/**
 * How long a claim holds an email. A delivery must end well within it (the SMTP transport's timeouts add up
 * to about 2 min), or another instance takes the email back and it is sent twice.
 */
export const LEASE_MS = 5 * 60_000;

/** Delay before attempt n+1 after n failed attempts: 30 s, 1 min, 2 min … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}

/**
 * Claims up to `limit` due emails: PENDING ones whose time has come, and SENDING ones whose lease ran out
 * (the instance that held them died). Each claim counts as an attempt. The accounts' emails go first (a
 * sign-in code, a temporary password: someone is waiting for it in the chat): in a rush the load run saw sign-in
 * codes expire behind thousands of ticket replies and school notices.
 *
 * The order (priority first, then the oldest due) is the index (status, priority DESC, nextAttemptAt, createdAt):
 * each status is read in index order and stops at `limit` unlocked rows, however many are due; sorting every
 * due row on `template LIKE 'accounts:%'` instead cost each claim of each lane a scan of the whole backlog.
 * The two statuses cannot share one index scan (and FOR UPDATE forbids a UNION), so each takes its first
 * `limit` rows, locked, and the smaller set of both is merged in the same order. The few rows locked but not
 * chosen are free again when the statement ends only because it runs alone (autocommit): never call this inside
 * an interactive transaction, which would hold them until its end.
 */
export async function claimDueEmails(ctx: CoreContext, opts: { limit?: number; leaseMs?: number } = {}): Promise<ClaimedEmail[]> {
  const now = ctx.now();
  const leaseUntil = new Date(now.getTime() + (opts.leaseMs ?? LEASE_MS));
  const limit = opts.limit ?? 20;
  // An email whose sender died during every one of its attempts is given up, not taken back forever.
  await ctx.prisma.$executeRaw`
    UPDATE "OutboxMessage" SET status = 'FAILED', "lockedUntil" = NULL,
      "lastError" = ${`given up: the sending process stopped during each of its ${MAX_ATTEMPTS} attempts`}
    WHERE status = 'SENDING' AND "lockedUntil" < ${now} AND attempts >= ${MAX_ATTEMPTS}`;
  const rows = await ctx.prisma.$queryRaw<
    {
      id: string;
      messageId: string;
      fromAddress: string;
      toAddress: string;
      subject: string;
      text: string;
      html: string | null;
      headers: unknown;
      attempts: number;
    }[]
  >`
    WITH due AS (
      SELECT id, priority, "nextAttemptAt", "createdAt" FROM "OutboxMessage"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY priority DESC, "nextAttemptAt", "createdAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), expired AS (
      SELECT id, priority, "nextAttemptAt", "createdAt" FROM "OutboxMessage"
      WHERE status = 'SENDING' AND "lockedUntil" < ${now}
      ORDER BY priority DESC, "nextAttemptAt", "createdAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), chosen AS (
      SELECT id FROM (SELECT * FROM due UNION ALL SELECT * FROM expired) candidates
      ORDER BY priority DESC, "nextAttemptAt", "createdAt"
      LIMIT ${limit}
    )
    UPDATE "OutboxMessage" m SET status = 'SENDING', "lockedUntil" = ${leaseUntil}, attempts = m.attempts + 1
    FROM chosen WHERE m.id = chosen.id
    RETURNING m.id, m."messageId", m."fromAddress", m."toAddress", m.subject, m.text, m.html, m.headers, m.attempts`;
  return rows.map((r) => ({ ...r, headers: (r.headers ?? {}) as Record<string, string>, leaseUntil }));
}

/**
 * The embedded database serves one process at a time (DATA_DIR/pglite.lock): an email still SENDING when a
 * process opens it was claimed by one that died (a crash, a SIGKILL). It is due again at once, rather than after
 * its lease (5 min) — the attempt it was on still counts. On PostgreSQL other instances may be sending: never.
 */
export async function releaseOrphanedClaims(ctx: CoreContext): Promise<number> {
  if (ctx.config.DATABASE_URL) return 0;
  const expired = new Date(ctx.now().getTime() - 1); // the claim's test is "lockedUntil < now"
  return ctx.prisma.$executeRaw`
    UPDATE "OutboxMessage" SET "lockedUntil" = ${expired}
    WHERE status = 'SENDING' AND "lockedUntil" > ${expired}`;
}

type Claim = Pick<ClaimedEmail, "id" | "leaseUntil">;

/**
 * Emails whose body carries a live secret: a temporary password, a sign-in code, a validation link (whose token
 * the accounts store only as a SHA-256, so that a database read yields nothing usable). Once delivered — or
 * given up — their text is wiped, so the outbox table is not a store of working credentials.
 */
export const SECRET_BEARING_TEMPLATES: readonly string[] = [
  "accounts:email.passwordReset",
  "accounts:email.chatCode",
  "accounts:email.validation",
  "accounts:email.newFamilyReceived",
];
/** What operators find in place of such a body (never sent to anyone). */
export const WIPED_BODY = "[body wiped after delivery: it held a secret]";

async function wipeSecretBody(tx: Pick<CoreContext["prisma"], "outboxMessage">, id: string): Promise<void> {
  await tx.outboxMessage.updateMany({
    where: { id, template: { in: [...SECRET_BEARING_TEMPLATES] } },
    data: { text: WIPED_BODY, html: null },
  });
}

/**
 * Only the holder of the current claim records its outcome (an email taken back keeps the other's result).
 * Compared in SQL with the very parameter the claim wrote, so both sides see the same timestamp.
 */
async function stillHeld(db: Pick<CoreContext["prisma"], "$queryRaw">, claim: Claim): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "OutboxMessage" WHERE id = ${claim.id} AND status = 'SENDING' AND "lockedUntil" = ${claim.leaseUntil}
    FOR UPDATE`;
  return rows.length === 1;
}

/** Returns false when the lease was lost meanwhile (another instance took the email back): nothing recorded. */
export async function markEmailSent(ctx: CoreContext, claim: Claim): Promise<boolean> {
  return ctx.prisma.$transaction(async (tx) => {
    if (!(await stillHeld(tx, claim))) return false;
    await tx.outboxMessage.update({
      where: { id: claim.id },
      data: { status: "SENT", sentAt: ctx.now(), lockedUntil: null, lastError: null },
    });
    await wipeSecretBody(tx, claim.id);
    return true;
  });
}

/**
 * A failed attempt: retried later, or FAILED for good after MAX_ATTEMPTS or a permanent error (5xx).
 * "lost" when the lease had been lost meanwhile: the other instance's outcome stands.
 */
export async function markEmailFailed(
  ctx: CoreContext,
  claim: Claim,
  opts: { error: string; attempts: number; permanent?: boolean },
): Promise<"retry" | "failed" | "lost"> {
  const giveUp = opts.permanent || opts.attempts >= MAX_ATTEMPTS;
  return ctx.prisma.$transaction(async (tx) => {
    if (!(await stillHeld(tx, claim))) return "lost" as const;
    await tx.outboxMessage.update({
      where: { id: claim.id },
      data: {
        status: giveUp ? "FAILED" : "PENDING",
        lockedUntil: null,
        lastError: opts.error.slice(0, 1000),
        nextAttemptAt: new Date(ctx.now().getTime() + retryDelayMs(opts.attempts)),
      },
    });
    if (giveUp) await wipeSecretBody(tx, claim.id);
    return giveUp ? ("failed" as const) : ("retry" as const);
  });
}

/** Counts by status, for /metrics and `doctor`. */
export async function outboxStats(ctx: CoreContext): Promise<Record<string, number>> {
  const groups = await ctx.prisma.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
  const out: Record<string, number> = { PENDING: 0, SENDING: 0, SENT: 0, FAILED: 0 };
  for (const g of groups) out[g.status] = g._count._all;
  return out;
}

export interface OutboxHealth {
  /** Emails that failed at least once and wait for their next attempt. */
  retrying: number;
  /** Emails given up (a permanent refusal, or every attempt failed). */
  failed: number;
  /** The most recent error among them, as the transport said it (null when none). */
  lastError: string | null;
}

/** For `doctor`: what is stuck in the outbox, and why. */
export async function outboxHealth(ctx: CoreContext): Promise<OutboxHealth> {
  const stuck = { OR: [{ status: "PENDING" as const, attempts: { gt: 0 } }, { status: "FAILED" as const }] };
  const [retrying, failed, last] = await Promise.all([
    ctx.prisma.outboxMessage.count({ where: { status: "PENDING", attempts: { gt: 0 } } }),
    ctx.prisma.outboxMessage.count({ where: { status: "FAILED" } }),
    ctx.prisma.outboxMessage.findFirst({ where: stuck, orderBy: { nextAttemptAt: "desc" }, select: { lastError: true } }),
  ]);
  return { retrying, failed, lastError: last?.lastError ?? null };
}
