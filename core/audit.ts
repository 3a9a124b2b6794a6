// Audit log: every state-changing action on accounts, tickets and imports leaves one event.
// `data` must never hold a secret or a child's record: ids and field names only.
import type { Prisma as PrismaNs } from "./db/generated/client";

export type ActorType = "parent" | "staff" | "system" | "import" | "anonymous";

export interface AuditInput {
  actorType: ActorType;
  actorId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
  correlationId?: string | null;
  /** When it happened: pass ctx.now() so a test clock is honoured (default: the database's now()). */
  at?: Date;
}

type AuditWriter = { auditEvent: { create(args: { data: PrismaNs.AuditEventCreateInput }): Promise<unknown> } };

/** Writes the event with the given client or transaction, so it commits (or not) with the change it records. */
export async function recordAudit(db: AuditWriter, e: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      ...(e.at ? { at: e.at } : {}),
      actorType: e.actorType,
      actorId: e.actorId ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      data: (e.data ?? undefined) as PrismaNs.InputJsonValue | undefined,
      correlationId: e.correlationId ?? null,
    },
  });
}
