// The Web Chat page and its static files (Web Chat's full bundle from node_modules, our script and stylesheet).
import path from "node:path";
import type { Server } from "restify";
import type { CoreContext } from "../../core";
import { registerStaticAssets } from "./static-assets";
import { registerWebChatPage } from "./webchat-page";

export { contentSecurityPolicy } from "./security-headers";

export interface WebChatPage {
  /** Resolves once the compressed copies of the bundle exist (the page works before, with gzip or none). */
  ready: Promise<void>;
}

export function registerWebChat(server: Server, opts: { ctx: CoreContext; cacheDir?: string }): WebChatPage {
  const log = opts.ctx.log.child({ component: "webchat" });
  const assets = registerStaticAssets(server, { cacheDir: opts.cacheDir ?? path.join(opts.ctx.config.dataDir, "cache", "webchat"), log });
  registerWebChatPage(server, { ctx: opts.ctx, assets });
  return { ready: assets.ready };
}
