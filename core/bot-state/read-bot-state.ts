// The chat bot's conversation and user state, read by key (botbuilder's Storage.read, backed by the core so
// that any instance can serve a conversation). Each item comes back with its etag for the next write.
import type { CoreContext } from "../context";

export interface BotStateItem {
  data: Record<string, unknown>;
  etag: string;
}

/** Keys with no row are simply absent from the result. */
export async function readBotState(ctx: CoreContext, opts: { keys: string[] }): Promise<Record<string, BotStateItem>> {
  if (opts.keys.length === 0) return {};
  const rows = await ctx.prisma.botState.findMany({ where: { key: { in: opts.keys } }, select: { key: true, data: true, etag: true } });
  const out: Record<string, BotStateItem> = {};
  for (const r of rows) out[r.key] = { data: (r.data ?? {}) as Record<string, unknown>, etag: r.etag };
  return out;
}
