// The triage console's one entry, called by the composition root (bin/start.ts): registers the /triage pages
// and the /api/tickets… JSON API (described by triage/openapi.json) on the process's one HTTP server.
import type { Server } from "restify";
import type { ChannelDeps } from "../core";
import { registerApiRoutes } from "./routes/api-routes";
import { registerAssetRoutes } from "./routes/asset-routes";
import { registerAuthRoutes } from "./routes/auth-routes";
import { registerCentralRoutes } from "./routes/central-routes";
import { registerPageRoutes } from "./routes/page-routes";
import { routeKit } from "./routes/route-kit";

export function registerTriageRoutes(server: Server, deps: ChannelDeps): void {
  const make = routeKit(deps);
  registerAssetRoutes(server);
  registerAuthRoutes(server, make);
  registerCentralRoutes(server, make);
  registerPageRoutes(server, make);
  registerApiRoutes(server, make);
}
