// A CoreContext for tests: a real database, a config pointing at a temp DATA_DIR, a silent logger (or the
// suite's log file when AIDE_PORTAIL_TEST_LOG_DIR is set: test-logs.ts),
// and a clock the test controls.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig, type Config } from "../../core/config";
import type { CoreContext } from "../../core/context";
import type { TestDatabase } from "./test-database";
import { testLogger } from "./test-logs";

export interface TestClock {
  now: () => Date;
  set(d: Date | string): void;
  advance(ms: number): void;
}

export function testClock(start: Date | string = "2026-11-23T12:00:00-05:00"): TestClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (d) => {
      t = new Date(d).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "aide-portail-test-"));
  return loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: "https://aide.example.test", ...overrides });
}

export function testContext(db: TestDatabase, opts: { clock?: TestClock; config?: Config } = {}): CoreContext & { clock: TestClock } {
  const clock = opts.clock ?? testClock();
  return { prisma: db.prisma, config: opts.config ?? testConfig(), log: testLogger(), now: clock.now, clock };
}
