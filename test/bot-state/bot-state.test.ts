// The bot's state store: read/write/delete by key with etags; a stale etag is refused and nothing of its batch
// is kept (two instances serving one conversation never overwrite each other silently).
import { deleteBotState, readBotState, writeBotState } from "../../core/bot-state";
import { CoreStorage } from "../../bot/core-storage";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await db.reset();
});

describe("bot state", () => {
  it("writes, reads back with an etag, refuses a stale etag, accepts the fresh one, deletes", async () => {
    const ctx = testContext(db);
    const first = await writeBotState(ctx, { changes: [{ key: "webchat/conversations/c1", data: { step: 1 } }] });
    const read = await readBotState(ctx, { keys: ["webchat/conversations/c1", "missing"] });
    expect(read).toEqual({ "webchat/conversations/c1": { data: { step: 1 }, etag: first["webchat/conversations/c1"] } });
    const second = await writeBotState(ctx, {
      changes: [{ key: "webchat/conversations/c1", data: { step: 2 }, etag: read["webchat/conversations/c1"].etag }],
    });
    await expect(
      writeBotState(ctx, {
        changes: [
          { key: "other", data: { x: 1 } },
          { key: "webchat/conversations/c1", data: { step: 3 }, etag: read["webchat/conversations/c1"].etag },
        ],
      }),
    ).rejects.toMatchObject({ code: "state.etag_conflict" });
    expect(await readBotState(ctx, { keys: ["other"] })).toEqual({});
    await writeBotState(ctx, {
      changes: [{ key: "webchat/conversations/c1", data: { step: 3 }, etag: second["webchat/conversations/c1"] }],
    });
    expect((await readBotState(ctx, { keys: ["webchat/conversations/c1"] }))["webchat/conversations/c1"].data).toEqual({ step: 3 });
    expect(await deleteBotState(ctx, { keys: ["webchat/conversations/c1"] })).toEqual({ deleted: 1 });
  });

  it("CoreStorage speaks botbuilder's Storage: eTag on read, updated on write, stale write refused", async () => {
    const storage = new CoreStorage(testContext(db));
    await storage.write({ k: { a: 1 } });
    const a = await storage.read(["k"]);
    const b = await storage.read(["k"]);
    expect(a.k).toMatchObject({ a: 1, eTag: expect.any(String) });
    await storage.write({ k: { ...a.k, a: 2 } });
    await expect(storage.write({ k: { ...b.k, a: 3 } })).rejects.toMatchObject({ code: "state.etag_conflict" });
    expect((await storage.read(["k"])).k.a).toBe(2);
    await storage.delete(["k"]);
    expect(await storage.read(["k"])).toEqual({});
  });
});
