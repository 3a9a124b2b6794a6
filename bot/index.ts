// The bot's one entry, called by the composition root (bin/start.ts), in the samples' order: config →
// authentication → CloudAdapter → storage → state → dialogs → bot (all in runtime.ts) → routes. The terminal
// commands (cli/chat-command.ts) reach the same bot through createLocalChat.
import type { Request, Response, Server } from "restify";
import restify from "restify";
import { storableJson, type ChannelDeps } from "../core";
import { createBotRuntime, type BotRuntime, type BotRuntimeOptions } from "./runtime";
import { registerDirectLine, type DirectLineLimits } from "./directline";
import { registerWebChat } from "./webchat";

export { createLocalChat, plainTextOf, type LocalChat, type LocalChatOptions } from "./local-chat";
export { createBotRuntime, type BotRuntime, type BotRuntimeOptions } from "./runtime";

export interface BotRoutes {
  runtime: BotRuntime;
  stop(): Promise<void>;
}

/** Bot Framework activities are small; anything bigger than this is refused before it is parsed. */
const MAX_ACTIVITY_BYTES = 256 * 1024;
const NOTICE_INTERVAL_MS = 60_000;

export interface BotRoutesOptions extends BotRuntimeOptions {
  /** The Direct Line endpoint's limits (the benchmark lifts the per-address rate: all its clients are 127.0.0.1). */
  directLineLimits?: Partial<DirectLineLimits>;
}

export function registerBotRoutes(server: Server, deps: ChannelDeps, opts: BotRoutesOptions = {}): BotRoutes {
  const runtime = createBotRuntime(deps, opts);
  const log = deps.ctx.log.child({ component: "bot" });
  // POST /api/messages: Azure Bot Service and Teams. With MicrosoftAppId set, the adapter refuses a request
  // without a valid channel JWT (401); without it, auth is disabled for local use.
  server.post(
    "/api/messages",
    restify.plugins.bodyParser({ maxBodySize: MAX_ACTIVITY_BYTES, mapParams: false }),
    async (req: Request, res: Response) => {
      try {
        // Stored as the bot's state and transcript (jsonb): no NUL, no lone surrogate, bounded nesting.
        const storable = storableJson(req.body, 64);
        if (!storable) return void res.send(400);
        // Without MicrosoftAppId nobody is authenticated here, so an activity naming the self-hosted Direct
        // Line's channel could speak in a parent's signed-in conversation (its key is channel + conversation
        // id): those conversations are reached only through their own token, on /v3/directline.
        if (!deps.ctx.config.MicrosoftAppId && (storable.value as { channelId?: unknown } | null)?.channelId === "directline") {
          log.warn({ ip: req.socket.remoteAddress }, "unauthenticated activity for the self-hosted Direct Line's channel refused");
          return void res.send(403);
        }
        req.body = storable.value;
        await runtime.adapter.process(req, res, (context) => runtime.bot.run(context));
      } catch (err) {
        log.warn({ err }, "activity refused");
        if (!res.headersSent) res.send(500);
      }
    },
  );
  // The self-hosted Direct Line for Web Chat hands activities to the auth-disabled adapter (recipe design 1), so the
  // bot's code is the one Azure and Teams run; then the Web Chat page at GET /.
  const directLine = registerDirectLine(server, {
    ctx: deps.ctx,
    bot: { adapter: runtime.local, logic: (context) => runtime.bot.run(context) },
    limits: opts.directLineLimits,
    notifier: deps.activities,
    metrics: deps.metrics,
  });
  registerWebChat(server, { ctx: deps.ctx });
  // Proactive notices: collected and sent the same day, on every instance (the core's claim hands each to one).
  runtime.notices.start(opts.noticeIntervalMs ?? NOTICE_INTERVAL_MS);
  return {
    runtime,
    stop: async () => {
      await runtime.notices.stop();
      await directLine.stop();
    },
  };
}
