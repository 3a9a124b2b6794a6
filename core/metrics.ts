// Prometheus metrics of the whole process (GET /metrics). Domain gauges are read from the database at
// scrape time, so several stateless instances report the same truth.
import { Counter, Histogram, Registry, Gauge, collectDefaultMetrics } from "prom-client";
import type { CoreContext } from "./context";
import { outboxStats } from "./outbox/outbox-queue";

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<"method" | "route" | "status">;
  httpDuration: Histogram<"method" | "route">;
}

export function createMetrics(ctx: CoreContext): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "aide_portail_" });
  const httpRequests = new Counter({
    name: "aide_portail_http_requests_total",
    help: "HTTP requests served, by route and status",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: "aide_portail_http_request_duration_seconds",
    help: "HTTP request duration",
    labelNames: ["method", "route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: "aide_portail_outbox_messages",
    help: "Outgoing emails in the outbox, by status",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const stats = await outboxStats(ctx);
      for (const [status, n] of Object.entries(stats)) this.set({ status }, n);
    },
  });
  new Gauge({
    name: "aide_portail_tickets_open",
    help: "Tickets not yet resolved or closed, by queue",
    labelNames: ["queue"] as const,
    registers: [registry],
    async collect() {
      const groups = await ctx.prisma.ticket.groupBy({
        by: ["queue"],
        where: { status: { in: ["NEW", "OPEN", "WAITING_PARENT"] } },
        _count: { _all: true },
      });
      this.set({ queue: "SCHOOL" }, 0);
      this.set({ queue: "CENTRAL" }, 0);
      for (const g of groups) this.set({ queue: g.queue }, g._count._all);
    },
  });
  return { registry, httpRequests, httpDuration };
}
