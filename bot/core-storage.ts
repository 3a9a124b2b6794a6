// botbuilder's Storage over the core's bot-state use cases: conversation and user state live in the database,
// with etags, so several instances can serve one conversation and a stale write is refused, never merged.
import type { Storage, StoreItems } from "botbuilder";
import { deleteBotState, readBotState, writeBotState, type CoreContext } from "../core";

export class CoreStorage implements Storage {
  constructor(private readonly ctx: CoreContext) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await readBotState(this.ctx, { keys });
    const out: StoreItems = {};
    for (const [key, item] of Object.entries(items)) out[key] = { ...item.data, eTag: item.etag };
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    const list = Object.entries(changes).map(([key, value]) => {
      const { eTag, ...data } = (value ?? {}) as Record<string, unknown> & { eTag?: string };
      return { key, data, etag: typeof eTag === "string" ? eTag : undefined };
    });
    const etags = await writeBotState(this.ctx, { changes: list });
    // The caller's objects carry the new etag, so its next write in the same turn is not a false conflict.
    for (const [key, etag] of Object.entries(etags)) if (changes[key]) changes[key].eTag = etag;
  }

  async delete(keys: string[]): Promise<void> {
    await deleteBotState(this.ctx, { keys });
  }
}
