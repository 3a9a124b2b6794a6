// Mail the agent could not process, kept whole with its reason (QuarantinedMail). The mail agent writes it
// (quarantineMail) and performs replays; the triage console lists it for agents and asks for a replay
// (requestMailReplay), which the mail agent picks up (listMailReplayRequests → markMailReplayed).
import type { CoreContext } from "../context";
import { recordAudit } from "../audit";
import { AppError } from "../errors";
import { requireCentralStaff } from "../insight/staff-roles";

export interface QuarantinedMailSummary {
  id: string;
  fromAddress: string | null;
  subject: string | null;
  reason: string;
  size: number;
  receivedAt: Date;
  replayRequestedAt: Date | null;
  replayedAt: Date | null;
  replayOutcome: string | null;
}

export async function quarantineMail(
  ctx: CoreContext,
  opts: { raw: Uint8Array; reason: string; messageId?: string | null; fromAddress?: string | null; subject?: string | null },
): Promise<{ id: string }> {
  return ctx.prisma.quarantinedMail.create({
    data: {
      raw: Buffer.from(opts.raw),
      reason: opts.reason.slice(0, 200),
      messageId: opts.messageId ?? null,
      fromAddress: opts.fromAddress?.slice(0, 254) ?? null,
      subject: opts.subject?.slice(0, 300) ?? null,
      receivedAt: ctx.now(),
    },
    select: { id: true },
  });
}

export async function listQuarantinedMail(ctx: CoreContext, opts: { staffId: string; limit?: number }): Promise<QuarantinedMailSummary[]> {
  await requireCentralStaff(ctx, opts.staffId);
  const rows = await ctx.prisma.quarantinedMail.findMany({
    orderBy: { receivedAt: "desc" },
    take: Math.min(opts.limit ?? 100, 500),
    select: {
      id: true,
      fromAddress: true,
      subject: true,
      reason: true,
      receivedAt: true,
      replayRequestedAt: true,
      replayedAt: true,
      replayOutcome: true,
      raw: true,
    },
  });
  return rows.map(({ raw, ...r }) => ({ ...r, size: raw.byteLength }));
}

export async function getQuarantinedMailRaw(
  ctx: CoreContext,
  opts: { staffId: string; id: string },
): Promise<{ id: string; raw: Uint8Array }> {
  await requireCentralStaff(ctx, opts.staffId);
  const row = await ctx.prisma.quarantinedMail.findUnique({ where: { id: String(opts.id) }, select: { id: true, raw: true } });
  if (!row) throw new AppError("quarantine.not_found", { log: "quarantined mail not found" });
  return row;
}

export async function requestMailReplay(ctx: CoreContext, opts: { staffId: string; id: string }): Promise<void> {
  await requireCentralStaff(ctx, opts.staffId);
  const done = await ctx.prisma.quarantinedMail.updateMany({
    where: { id: String(opts.id) },
    data: { replayRequestedAt: ctx.now(), replayRequestedBy: opts.staffId, replayedAt: null, replayOutcome: null },
  });
  if (done.count !== 1)
    throw new AppError("quarantine.not_found", { log: "quarantined mail not found" });
  await recordAudit(ctx.prisma, {
    at: ctx.now(),
    actorType: "staff",
    actorId: opts.staffId,
    action: "mail.replay_requested",
    entityType: "QuarantinedMail",
    entityId: opts.id,
  });
}

/** For the mail agent: replays asked for and not done yet. */
export async function listMailReplayRequests(ctx: CoreContext): Promise<{ id: string; raw: Uint8Array }[]> {
  return ctx.prisma.quarantinedMail.findMany({
    where: { replayRequestedAt: { not: null }, replayedAt: null },
    orderBy: { replayRequestedAt: "asc" },
    take: 20,
    select: { id: true, raw: true },
  });
}

export async function markMailReplayed(ctx: CoreContext, opts: { id: string; outcome: string }): Promise<void> {
  await ctx.prisma.quarantinedMail.updateMany({
    where: { id: opts.id },
    data: { replayedAt: ctx.now(), replayOutcome: opts.outcome.slice(0, 200) },
  });
}
