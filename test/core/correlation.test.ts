// One correlation id per conversation and per email on every log line written for it: derived (the same on
// every instance), distinct per kind and key, and not the conversation id or Message-ID itself.
import { Writable } from "node:stream";
import { correlationIdFor, withCorrelation } from "../../core/correlation";
import { createLogger } from "../../core/logger";
import type { CoreContext } from "../../core/context";

describe("correlation ids", () => {
  it("are stable per key, distinct per kind and key, and hide the key", () => {
    const conv = correlationIdFor("conversation", "dl-7f3a9c");
    expect(conv).toMatch(/^c-[0-9a-f]{16}$/);
    expect(correlationIdFor("conversation", "dl-7f3a9c")).toBe(conv);
    expect(correlationIdFor("conversation", "dl-7f3a9d")).not.toBe(conv);
    const mail = correlationIdFor("email", "<abc@exemple.ca>");
    expect(mail).toMatch(/^m-[0-9a-f]{16}$/);
    expect(mail).not.toContain("exemple");
  });

  it("stamp every line of a context's logger, its children included", () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const ctx = { log: createLogger({ destination: stream }) } as CoreContext;
    const id = correlationIdFor("email", "<m1@exemple.ca>");
    const scoped = withCorrelation(ctx, id);
    scoped.log.info("received");
    scoped.log.child({ component: "tickets" }).info({ ticket: 12 }, "opened");
    ctx.log.info("unrelated");
    const parsed = lines.map((l) => JSON.parse(l) as { correlationId?: string; msg: string });
    expect(parsed.map((p) => [p.msg, p.correlationId])).toEqual([
      ["received", id],
      ["opened", id],
      ["unrelated", undefined],
    ]);
  });
});
