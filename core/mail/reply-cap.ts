// Replies to one sender are capped per hour: an auto-responder that escapes every header check (no
// Auto-Submitted, a fresh subject each time) still cannot hold a reply loop with us for more than a few turns.
import type { CoreContext } from "../context";
import type { Prisma } from "../db/generated/client";
import { normalizeEmail } from "../util/text";

export const MAX_REPLIES_PER_SENDER_PER_HOUR = 5;
const HOUR_MS = 3_600_000;

/** Counts one reply to `sender` in the current hour; false when the cap is already reached (send nothing). */
export async function countReplyToSender(ctx: CoreContext, opts: { sender: string }, tx: Prisma.TransactionClient): Promise<boolean> {
  const sender = normalizeEmail(opts.sender);
  const hourStart = new Date(Math.floor(ctx.now().getTime() / HOUR_MS) * HOUR_MS);
  const row = await tx.mailReplyCount.upsert({
    where: { sender_hourStart: { sender, hourStart } },
    create: { sender, hourStart, count: 1 },
    update: { count: { increment: 1 } },
    select: { count: true },
  });
  return row.count <= MAX_REPLIES_PER_SENDER_PER_HOUR;
}

/**
 * countReplyToSender for a batch (one entry per reply, in order): two statements for the whole batch, plus
 * one per sender already counted this hour. The n-th reply to a sender is allowed while the count stays
 * within the cap, exactly as n calls one after the other would decide.
 */
export async function countRepliesToSenders(
  ctx: CoreContext,
  opts: { senders: string[] },
  tx: Prisma.TransactionClient,
): Promise<boolean[]> {
  if (!opts.senders.length) return [];
  const senders = opts.senders.map(normalizeEmail);
  const hourStart = new Date(Math.floor(ctx.now().getTime() / HOUR_MS) * HOUR_MS);
  const wanted = new Map<string, number>();
  for (const s of senders) wanted.set(s, (wanted.get(s) ?? 0) + 1);
  const rows = await tx.mailReplyCount.findMany({
    where: { hourStart, sender: { in: [...wanted.keys()] } },
    select: { sender: true, count: true },
  });
  const before = new Map(rows.map((r) => [r.sender, r.count]));
  const fresh = [...wanted].filter(([s]) => !before.has(s));
  if (fresh.length) await tx.mailReplyCount.createMany({ data: fresh.map(([sender, count]) => ({ sender, hourStart, count })) });
  for (const [sender, count] of wanted) {
    if (before.has(sender))
      await tx.mailReplyCount.update({ where: { sender_hourStart: { sender, hourStart } }, data: { count: { increment: count } } });
  }
  const seen = new Map<string, number>();
  return senders.map((s) => {
    const n = (before.get(s) ?? 0) + (seen.get(s) ?? 0) + 1;
    seen.set(s, (seen.get(s) ?? 0) + 1);
    return n <= MAX_REPLIES_PER_SENDER_PER_HOUR;
  });
}
