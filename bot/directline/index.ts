// The self-hosted Direct Line 3.0 subset Web Chat needs, under /v3/directline (no Azure): tokens, conversations,
// activities (polling) and the WebSocket stream, plus the loopback Connector routes the bot replies to.
// Conversations, activities, watermarks and rate limits are in the database (core/directline), so any instance
// answers a poll. The bot plugs in through `DirectLineBot` (an auth-disabled CloudAdapter and its turn logic).
import type { Server } from "restify";
import { createActivityNotifier, directLineConnectorSecret, type ActivityNotifier, type CoreContext, type Metrics } from "../../core";
import { BotBridge, type DirectLineBot } from "./bot-bridge";
import { CONNECTOR_BASE, registerConnectorRoutes } from "./connector-routes";
import { DIRECTLINE_BASE, type EndpointContext } from "./endpoint-context";
import { answerPreflight } from "./http-guard";
import { DEFAULT_LIMITS, type DirectLineLimits } from "./limits";
import { registerActivityRoutes } from "./activity-routes";
import { registerConversationRoutes } from "./conversation-routes";
import { registerStream } from "./stream";
import { registerTokenRoutes } from "./token-routes";

export { BOT_ACCOUNT, type DirectLineBot } from "./bot-bridge";
export { DEFAULT_LIMITS, type DirectLineLimits } from "./limits";

export interface DirectLineOptions {
  ctx: CoreContext;
  bot: DirectLineBot;
  limits?: Partial<DirectLineLimits>;
  /** News of stored activities; on several instances the composition root's LISTEN/NOTIFY one. */
  notifier?: ActivityNotifier;
  metrics?: Metrics;
}

export interface DirectLineEndpoint {
  stop(): Promise<void>;
}

export function registerDirectLine(server: Server, opts: DirectLineOptions): DirectLineEndpoint {
  const { ctx } = opts;
  const log = ctx.log.child({ component: "directline" });
  const secret = directLineConnectorSecret(ctx);
  const serviceUrl = () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : ctx.config.PORT;
    return `http://127.0.0.1:${port}${CONNECTOR_BASE}/${secret}`;
  };
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  // In process only when none is given: its owner (bin/start.ts) closes a shared one.
  const ownNotifier = opts.notifier ? null : createActivityNotifier(ctx, { crossInstance: false });
  const origins = ctx.config.WEBCHAT_ORIGINS ?? [];
  const ep: EndpointContext = {
    ctx,
    limits,
    origins,
    bridge: new BotBridge(opts.bot, serviceUrl, log),
    notifier: opts.notifier ?? ownNotifier!,
    metrics: opts.metrics,
    log,
  };

  server.opts(`${DIRECTLINE_BASE}/*`, (req, res, next) => {
    answerPreflight(req, res, origins);
    next(false);
  });
  registerTokenRoutes(server, ep);
  registerConversationRoutes(server, ep);
  registerActivityRoutes(server, ep);
  registerConnectorRoutes(server, { ctx, secret, notifier: ep.notifier, limits, log });
  const stream = registerStream(server, ep);

  return {
    stop: async () => {
      await stream.close();
      await ep.bridge.drain();
      await ownNotifier?.close();
    },
  };
}
