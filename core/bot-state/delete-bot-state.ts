// Forgets chat bot state by key (botbuilder's Storage.delete; onTurnError clears a broken conversation).
import type { CoreContext } from "../context";

export async function deleteBotState(ctx: CoreContext, opts: { keys: string[] }): Promise<{ deleted: number }> {
  if (opts.keys.length === 0) return { deleted: 0 };
  const { count } = await ctx.prisma.botState.deleteMany({ where: { key: { in: opts.keys } } });
  return { deleted: count };
}
