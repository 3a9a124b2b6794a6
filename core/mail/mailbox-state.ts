// Sync state of one mailbox (EmailEngine's model): UIDVALIDITY and the last UID the agent has seen. A new
// UIDVALIDITY means the server renumbered the mailbox: UIDs start again, and only the Message-ID + content
// hash of each email (inbound records) still tells what was already processed.
import type { CoreContext } from "../context";

export interface MailboxSyncState {
  mailbox: string;
  uidValidity: bigint | null;
  lastUid: bigint;
}

export async function getMailboxSyncState(ctx: CoreContext, opts: { mailbox: string }): Promise<MailboxSyncState> {
  const row = await ctx.prisma.mailboxSyncState.findUnique({ where: { mailbox: opts.mailbox } });
  return row
    ? { mailbox: row.mailbox, uidValidity: row.uidValidity, lastUid: row.lastUid }
    : { mailbox: opts.mailbox, uidValidity: null, lastUid: 0n };
}

/** Saves the state; lastUid never moves backwards within one UIDVALIDITY. */
export async function saveMailboxSyncState(ctx: CoreContext, opts: MailboxSyncState): Promise<void> {
  const now = ctx.now();
  const current = await getMailboxSyncState(ctx, { mailbox: opts.mailbox });
  const sameValidity = current.uidValidity !== null && current.uidValidity === opts.uidValidity;
  const lastUid = sameValidity && current.lastUid > opts.lastUid ? current.lastUid : opts.lastUid;
  await ctx.prisma.mailboxSyncState.upsert({
    where: { mailbox: opts.mailbox },
    create: { mailbox: opts.mailbox, uidValidity: opts.uidValidity, lastUid, updatedAt: now },
    update: { uidValidity: opts.uidValidity, lastUid, updatedAt: now },
  });
}
