// The triage side of the mail quarantine (MailQuarantine, written by the mail agent through core/mail's
// quarantineEmail): help-centre agents list it and ask for a replay (requestMailReplay), which the mail agent
// picks up (listMailReplayRequests → replay → markMailReplayed). One table, so what the agent sets aside is
// exactly what the console shows.
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

export async function listQuarantinedMail(ctx: CoreContext, opts: { staffId: string; limit?: number }): Promise<QuarantinedMailSummary[]> {
  await requireCentralStaff(ctx, opts.staffId);
  const rows = await ctx.prisma.mailQuarantine.findMany({
    where: { resolvedAt: null },
    orderBy: { createdAt: "desc" },
    take: Math.min(opts.limit ?? 100, 500),
    select: {
      id: true,
      fromAddress: true,
      subject: true,
      reason: true,
      createdAt: true,
      replayRequestedAt: true,
      replayedAt: true,
      replayOutcome: true,
      raw: true,
    },
  });
  return rows.map(({ raw, createdAt, ...r }) => ({ ...r, receivedAt: createdAt, size: raw.byteLength }));
}

export async function getQuarantinedMailRaw(
  ctx: CoreContext,
  opts: { staffId: string; id: string },
): Promise<{ id: string; raw: Uint8Array }> {
  await requireCentralStaff(ctx, opts.staffId);
  const row = await ctx.prisma.mailQuarantine.findUnique({ where: { id: String(opts.id) }, select: { id: true, raw: true } });
  if (!row) throw new AppError("quarantine.not_found", { log: "quarantined mail not found" });
  return { id: row.id, raw: row.raw };
}

export async function requestMailReplay(ctx: CoreContext, opts: { staffId: string; id: string }): Promise<void> {
  await requireCentralStaff(ctx, opts.staffId);
  const done = await ctx.prisma.mailQuarantine.updateMany({
    where: { id: String(opts.id), resolvedAt: null },
    data: { replayRequestedAt: ctx.now(), replayRequestedBy: opts.staffId, replayedAt: null, replayOutcome: null },
  });
  if (done.count !== 1) throw new AppError("quarantine.not_found", { log: "quarantined mail not found" });
  await recordAudit(ctx.prisma, {
    at: ctx.now(),
    actorType: "staff",
    actorId: opts.staffId,
    action: "mail.replay_requested",
    entityType: "MailQuarantine",
    entityId: opts.id,
  });
}

/** For the mail agent: replays asked for and not done yet. */
export async function listMailReplayRequests(ctx: CoreContext): Promise<{ id: string }[]> {
  return ctx.prisma.mailQuarantine.findMany({
    where: { replayRequestedAt: { not: null }, replayedAt: null },
    orderBy: { replayRequestedAt: "asc" },
    take: 20,
    select: { id: true },
  });
}

export async function markMailReplayed(ctx: CoreContext, opts: { id: string; outcome: string }): Promise<void> {
  await ctx.prisma.mailQuarantine.updateMany({
    where: { id: opts.id },
    data: { replayedAt: ctx.now(), replayOutcome: opts.outcome.slice(0, 200) },
  });
}
