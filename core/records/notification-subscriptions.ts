// Email notification subscriptions (the « Notification » tab): opt-in per topic, as in the portal —
// a topic with no row is not subscribed. Every change is audited.
import type { CoreContext } from "../context";
import { recordAudit } from "../audit";
import { AppError } from "../errors";

export const NOTIFICATION_TOPICS = ["attendance", "report_cards", "announcements", "documents", "payments"] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];

export function isNotificationTopic(v: unknown): v is NotificationTopic {
  return typeof v === "string" && (NOTIFICATION_TOPICS as readonly string[]).includes(v);
}

export interface NotificationSubscriptionState {
  topic: NotificationTopic;
  enabled: boolean;
}

async function requireAccount(ctx: CoreContext, accountId: string): Promise<void> {
  const acc =
    typeof accountId === "string"
      ? await ctx.prisma.account.findFirst({ where: { id: accountId, status: "ACTIVE" }, select: { id: true } })
      : null;
  if (!acc) throw new AppError("records.account_not_found", { log: "no active account" });
}

export async function listNotificationSubscriptions(
  ctx: CoreContext,
  opts: { accountId: string },
): Promise<NotificationSubscriptionState[]> {
  await requireAccount(ctx, opts.accountId);
  const rows = await ctx.prisma.notificationSubscription.findMany({
    where: { accountId: opts.accountId },
    select: { topic: true, enabled: true },
  });
  const on = new Map(rows.map((r) => [r.topic, r.enabled]));
  return NOTIFICATION_TOPICS.map((topic) => ({ topic, enabled: on.get(topic) ?? false }));
}

export async function setNotificationSubscription(
  ctx: CoreContext,
  opts: { accountId: string; topic: string; enabled: boolean },
): Promise<NotificationSubscriptionState> {
  if (!isNotificationTopic(opts.topic)) {
    throw new AppError("records.invalid_topic", { log: `unknown notification topic` });
  }
  await requireAccount(ctx, opts.accountId);
  const topic = opts.topic;
  const enabled = opts.enabled === true;
  await ctx.prisma.$transaction(async (tx) => {
    const before = await tx.notificationSubscription.findUnique({
      where: { accountId_topic: { accountId: opts.accountId, topic } },
      select: { enabled: true },
    });
    const row = await tx.notificationSubscription.upsert({
      where: { accountId_topic: { accountId: opts.accountId, topic } },
      create: { accountId: opts.accountId, topic, enabled, updatedAt: ctx.now() },
      update: { enabled, updatedAt: ctx.now() },
      select: { id: true },
    });
    await recordAudit(tx, {
      at: ctx.now(),
      actorType: "parent",
      actorId: opts.accountId,
      action: "notification.subscription_changed",
      entityType: "NotificationSubscription",
      entityId: row.id,
      data: { topic, enabled, before: before?.enabled ?? false },
    });
  });
  return { topic, enabled };
}
