// What the route files share: the handler factory bound to this server's deps, and small parsers.
import type { ChannelDeps, TicketQueueFilters } from "../../core";
import { TICKET_CHANNELS, TICKET_STATUSES } from "../../core";
import { errorPage } from "../pages/layout";
import { triageHandler, type Access, type Kind, type TriageContext } from "../http/triage-handler";

export type Make = (kind: Kind, access: Access, fn: (c: TriageContext) => Promise<void>) => ReturnType<typeof triageHandler>;

export function routeKit(deps: ChannelDeps): Make {
  return (kind, access, fn) => triageHandler(deps, { kind, access, errorPage }, fn);
}

export function param(c: TriageContext, name: string): string {
  return String((c.req.params as Record<string, unknown> | undefined)?.[name] ?? "").slice(0, 100);
}

const pick = <T extends string>(v: unknown, allowed: readonly T[]): T | null => (allowed.includes(v as T) ? (v as T) : null);

export function parseFilters(src: Record<string, unknown>): TicketQueueFilters & { cursor: string | null } {
  const s = (k: string, max = 100) => (typeof src[k] === "string" && src[k] ? String(src[k]).slice(0, max) : null);
  return {
    status: pick(src.status, TICKET_STATUSES),
    channel: pick(src.channel, TICKET_CHANNELS),
    intent: s("intent"),
    schoolCode: s("schoolCode", 60),
    queue: pick(src.queue, ["SCHOOL", "CENTRAL"] as const),
    assigned: pick(src.assigned, ["me", "none"] as const),
    q: s("q", 200),
    cursor: s("cursor", 100),
  };
}
