// Writes the chat bot's state with optimistic concurrency: an item carrying the etag it was read with is
// written only if nobody wrote it since; otherwise `state.etag_conflict` and nothing of the batch is kept.
// An item without etag (or "*") is written whatever is stored (botbuilder's Storage contract).
import crypto from "node:crypto";
import type { CoreContext } from "../context";
import { AppError } from "../errors";

export interface BotStateChange {
  key: string;
  data: Record<string, unknown>;
  /** The etag the item was read with; undefined or "*" to overwrite. */
  etag?: string;
}

/** Returns the new etag of each key. */
export async function writeBotState(ctx: CoreContext, opts: { changes: BotStateChange[] }): Promise<Record<string, string>> {
  if (opts.changes.length === 0) return {};
  const now = ctx.now();
  const [only] = opts.changes;
  if (opts.changes.length === 1 && (!only.etag || only.etag === "*")) {
    // The common case (botbuilder's BotState writes "*"): one upsert is one statement, atomic on its own —
    // no transaction, so two round trips fewer per turn.
    const etag = crypto.randomUUID();
    const data = JSON.parse(JSON.stringify(only.data ?? {})) as object;
    await ctx.prisma.botState.upsert({
      where: { key: only.key },
      create: { key: only.key, data, etag, updatedAt: now },
      update: { data, etag, updatedAt: now },
      select: { key: true },
    });
    return { [only.key]: etag };
  }
  return ctx.prisma.$transaction(async (tx) => {
    const etags: Record<string, string> = {};
    for (const change of opts.changes) {
      const etag = crypto.randomUUID();
      const data = JSON.parse(JSON.stringify(change.data ?? {})) as object;
      if (!change.etag || change.etag === "*") {
        await tx.botState.upsert({
          where: { key: change.key },
          create: { key: change.key, data, etag, updatedAt: now },
          update: { data, etag, updatedAt: now },
        });
      } else {
        const done = await tx.botState.updateMany({ where: { key: change.key, etag: change.etag }, data: { data, etag, updatedAt: now } });
        if (done.count !== 1) {
          // A row deleted since it was read is written again; a row written since is a conflict.
          const exists = await tx.botState.findUnique({ where: { key: change.key }, select: { key: true } });
          if (exists)
            throw new AppError("state.etag_conflict", {
              userKey: "errors:generic",
              log: `bot state ${change.key} was written by another turn`,
            });
          await tx.botState.create({ data: { key: change.key, data, etag, updatedAt: now } });
        }
      }
      etags[change.key] = etag;
    }
    return etags;
  });
}
