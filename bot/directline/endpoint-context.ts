// What the Direct Line route files share, built once by registerDirectLine (index.ts).
import type { IncomingMessage } from "node:http";
import type { ActivityNotifier, CoreContext, Logger, Metrics } from "../../core";
import type { BotBridge } from "./bot-bridge";
import type { DirectLineLimits } from "./limits";
import { selfOrigin } from "./http-guard";

export const DIRECTLINE_BASE = "/v3/directline";

export interface EndpointContext {
  ctx: CoreContext;
  limits: DirectLineLimits;
  /** WEBCHAT_ORIGINS: the board's pages allowed to call the endpoint cross-origin. */
  origins: readonly string[];
  bridge: BotBridge;
  notifier: ActivityNotifier;
  /** Absent in tests that build the endpoint alone. */
  metrics?: Metrics;
  log: Logger;
}

/** The WebSocket URL Web Chat opens as given (it sends no headers, so the token rides in the query). */
export function streamUrl(req: IncomingMessage, conversationId: string, token: string, watermark: string): string {
  const origin = selfOrigin(req).replace(/^http/, "ws");
  return `${origin}${DIRECTLINE_BASE}/conversations/${encodeURIComponent(conversationId)}/stream?watermark=${encodeURIComponent(watermark)}&t=${encodeURIComponent(token)}`;
}
