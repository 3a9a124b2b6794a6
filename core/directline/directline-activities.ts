// The activities of a Direct Line conversation, in the database so that any instance answers a poll.
// An append takes the conversation row's lock to get its position, so appends commit in watermark order and a
// poller that has seen position N never misses N-1.
import type { CoreContext } from "../context";
import { AppError } from "../errors";

export type ActivityBody = Record<string, unknown>;

export interface StoredActivity {
  id: string;
  seq: number;
}

export interface ActivityPage {
  activities: ActivityBody[];
  /** The position of the last activity returned, or the one asked for when nothing is newer. */
  watermark: number;
}

/** Stores an activity (its `id` and `timestamp` are the server's); the conversation must exist. */
export async function appendDirectLineActivity(
  ctx: CoreContext,
  opts: { conversationId: string; activity: ActivityBody },
): Promise<StoredActivity> {
  const now = ctx.now();
  const { id: _ignored, ...body } = opts.activity;
  const json = JSON.stringify({ ...body, timestamp: now.toISOString() });
  // One statement: the UPDATE's row lock is held until the INSERT commits.
  const rows = await ctx.prisma.$queryRaw<{ seq: number; activityId: string }[]>`
    WITH c AS (
      UPDATE "DirectLineConversation" SET "nextSeq" = "nextSeq" + 1, "lastActivityAt" = ${now}
      WHERE "id" = ${opts.conversationId} RETURNING "nextSeq"
    )
    INSERT INTO "DirectLineActivity" ("conversationId", "seq", "activityId", "body", "createdAt")
    SELECT ${opts.conversationId}, c."nextSeq", ${opts.conversationId} || '|' || lpad(c."nextSeq"::text, 7, '0'), ${json}::jsonb, ${now}
    FROM c
    RETURNING "seq", "activityId"`;
  if (rows.length === 0) throw new AppError("directline.conversation_not_found", { log: "append to a missing Direct Line conversation" });
  return { id: rows[0].activityId, seq: Number(rows[0].seq) };
}

/** The activities after `watermark` (0 or absent: from the start), oldest first, at most `limit`. */
export async function listDirectLineActivities(
  ctx: CoreContext,
  opts: { conversationId: string; watermark?: number; limit?: number },
): Promise<ActivityPage> {
  const after = opts.watermark && opts.watermark > 0 ? opts.watermark : 0;
  const rows = await ctx.prisma.directLineActivity.findMany({
    where: { conversationId: opts.conversationId, seq: { gt: after } },
    orderBy: { seq: "asc" },
    take: opts.limit ?? 100,
    select: { seq: true, activityId: true, body: true },
  });
  return {
    activities: rows.map((r) => ({ ...(r.body as ActivityBody), id: r.activityId })),
    watermark: rows.length ? rows[rows.length - 1].seq : after,
  };
}

export async function directLineActivityExists(ctx: CoreContext, opts: { conversationId: string; activityId: string }): Promise<boolean> {
  const row = await ctx.prisma.directLineActivity.findUnique({
    where: { conversationId_activityId: { conversationId: opts.conversationId, activityId: opts.activityId } },
    select: { seq: true },
  });
  return row !== null;
}
