// What every core service receives: the database client, the configuration, a logger and a clock.
// Built once by the composition root (bin/boot.ts; tests: test/helpers/context.ts) and handed down; nothing global.
import type { PrismaClient } from "./db/generated/client";
import type { Config } from "./config";
import type { Logger } from "./logger";

export interface CoreContext {
  prisma: PrismaClient;
  config: Config;
  log: Logger;
  /** The current instant; tests pass a fixed clock. */
  now: () => Date;
}

/** What the composition root hands each channel's entry (bot/index.ts, mail-agent/index.ts, triage/index.ts). */
export interface ChannelDeps {
  ctx: CoreContext;
  metrics: import("./metrics").Metrics;
  /** News of stored Direct Line activities across instances (bin/start.ts); absent, the bot makes an in-process one. */
  activities?: import("./directline/activity-notifier").ActivityNotifier;
}
