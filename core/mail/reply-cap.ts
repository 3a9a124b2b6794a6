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
