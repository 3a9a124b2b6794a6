// The outbox's log during a database outage (mail-agent/outbox/outage-log.ts), on a clock the test moves:
// one error when it starts, at most one a minute while it lasts, one line when it ends; any other failure
// (a bug, a bad row) is an error every time. The PostgreSQL-restart fault test sees it with a real outage.
import { Writable } from "node:stream";
import { createLogger } from "../../core";
import { createOutageLog, OUTAGE_LOG_EVERY_MS } from "../../mail-agent/outbox/outage-log";

function harness() {
  const lines: { level: number; msg: string; failingForMs?: number; failedForMs?: number }[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(l) as (typeof lines)[number]);
      done();
    },
  });
  let t = Date.parse("2026-12-01T07:00:00Z");
  const outage = createOutageLog(createLogger({ destination }), () => new Date(t));
  return { lines, outage, advance: (ms: number) => (t += ms) };
}

const unreachable = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

describe("the outbox's outage log", () => {
  it("says an outage once, once a minute while it lasts, and once when it ends", () => {
    const { lines, outage, advance } = harness();
    outage.succeeded();
    expect(lines).toEqual([]);
    for (let poll = 0; poll < 30; poll++) {
      outage.failed(unreachable()); // a poll every 5 s for 2.5 min
      expect(outage.inOutage).toBe(true);
      advance(5000);
    }
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [50, "outbox round failed: database unreachable"],
      [50, "outbox rounds still failing: database unreachable"],
      [50, "outbox rounds still failing: database unreachable"],
    ]);
    expect(lines.map((l) => l.failingForMs)).toEqual([undefined, OUTAGE_LOG_EVERY_MS, 2 * OUTAGE_LOG_EVERY_MS]);
    outage.succeeded();
    outage.succeeded();
    expect(outage.inOutage).toBe(false);
    expect(lines.slice(3).map((l) => [l.level, l.msg, l.failedForMs])).toEqual([[40, "outbox rounds work again", 150_000]]);
    // A second outage is told again from its start.
    outage.failed(unreachable());
    expect(lines.at(-1)?.msg).toBe("outbox round failed: database unreachable");
  });

  it("logs any other failure every time, and does not slow the polls for it", () => {
    const { lines, outage } = harness();
    for (let i = 0; i < 3; i++) outage.failed(new Error("a row the transport cannot read"));
    expect(lines.map((l) => [l.level, l.msg])).toEqual(Array(3).fill([50, "outbox round failed"]));
    expect(outage.inOutage).toBe(false);
  });
});
