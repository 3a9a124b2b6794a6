// Quarantine: an email a stage could not handle is kept whole (raw bytes, the stage, the reason) with an
// inbound record, so it is never fetched as new again, never blocks the next ones, and can be replayed
// (`aide-portail mail replay ID`) once the cause is fixed.
import type { CoreContext } from "../context";
import type { MailIntakeAction } from "../db/generated/enums";
import { AppError, prismaCode } from "../errors";

export interface QuarantineEmailOptions {
  raw: Buffer;
  dedupeKey: string;
  messageId: string | null;
  contentHash: string;
  mailbox?: string | null;
  uidValidity?: bigint | null;
  uid?: bigint | null;
  fromAddress?: string | null;
  subject?: string | null;
  stage: string;
  reason: string;
}

export interface QuarantinedEmail {
  id: string;
  raw: Buffer;
  stage: string;
  reason: string;
  mailbox: string | null;
  resolvedAt: Date | null;
  replays: number;
}

const MAX_REASON = 500;

export async function quarantineEmail(ctx: CoreContext, opts: QuarantineEmailOptions): Promise<{ id: string; created: boolean }> {
  const now = ctx.now();
  // PostgreSQL text cannot hold NUL, and the quarantine is the last resort: whatever the email carried, it is kept.
  const text = <T extends string | null | undefined>(v: T, max = 998): T =>
    typeof v === "string" ? (v.replace(/\u0000/g, "").slice(0, max) as T) : v;
  opts = {
    ...opts,
    messageId: text(opts.messageId),
    fromAddress: text(opts.fromAddress),
    subject: text(opts.subject),
    stage: text(opts.stage),
    reason: text(opts.reason, MAX_REASON),
  };
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const existing = await tx.inboundEmail.findUnique({ where: { dedupeKey: opts.dedupeKey }, select: { quarantineId: true } });
      if (existing) return { id: existing.quarantineId ?? "", created: false };
      const q = await tx.mailQuarantine.create({
        data: {
          messageId: opts.messageId,
          contentHash: opts.contentHash,
          mailbox: opts.mailbox ?? null,
          uid: opts.uid ?? null,
          stage: opts.stage,
          reason: opts.reason.slice(0, MAX_REASON),
          raw: new Uint8Array(opts.raw),
          createdAt: now,
          fromAddress: opts.fromAddress?.slice(0, 320) ?? null,
          subject: opts.subject?.slice(0, 200) ?? null,
        },
        select: { id: true },
      });
      await tx.inboundEmail.create({
        data: {
          dedupeKey: opts.dedupeKey,
          messageId: opts.messageId,
          contentHash: opts.contentHash,
          mailbox: opts.mailbox ?? null,
          uidValidity: opts.uidValidity ?? null,
          uid: opts.uid ?? null,
          action: "QUARANTINE",
          reason: opts.stage,
          quarantineId: q.id,
          fromAddress: opts.fromAddress?.slice(0, 320) ?? null,
          subject: opts.subject?.slice(0, 200) ?? null,
          receivedAt: now,
        },
      });
      return { id: q.id, created: true };
    });
  } catch (err) {
    if (prismaCode(err) === "P2002") return { id: "", created: false }; // another instance recorded it first
    throw err;
  }
}

export async function getQuarantinedEmail(ctx: CoreContext, opts: { id: string }): Promise<QuarantinedEmail> {
  const row = await ctx.prisma.mailQuarantine.findUnique({ where: { id: String(opts.id) } }).catch(() => null);
  if (!row)
    throw new AppError("mail.quarantine_not_found", {
      params: { id: opts.id },
      log: `no quarantined email ${opts.id}`,
    });
  return {
    id: row.id,
    raw: Buffer.from(row.raw),
    stage: row.stage,
    reason: row.reason,
    mailbox: row.mailbox,
    resolvedAt: row.resolvedAt,
    replays: row.replays,
  };
}

/** A replay that failed again: counted, the new reason kept. */
export async function recordQuarantineReplayFailure(ctx: CoreContext, opts: { id: string; stage: string; reason: string }): Promise<void> {
  await ctx.prisma.mailQuarantine.update({
    where: { id: opts.id },
    data: { replays: { increment: 1 }, stage: opts.stage, reason: opts.reason.slice(0, MAX_REASON) },
  });
}

/** Open quarantine entries (metrics, doctor). */
export async function countQuarantinedEmails(ctx: CoreContext): Promise<number> {
  return ctx.prisma.mailQuarantine.count({ where: { resolvedAt: null } });
}

export type { MailIntakeAction };
