// Prometheus metrics of the whole process (GET /metrics). Domain gauges are read from the database at
// scrape time, so several stateless instances report the same truth (tickets opened/closed by queue, outbox
// depth and retries, quarantine); events are counted where they happen, per instance, through the small
// record* functions the channels call on ChannelDeps.metrics (turns, NLU confidence, emails, deliveries).
import { Counter, Histogram, Registry, Gauge, collectDefaultMetrics } from "prom-client";
import type { CoreContext } from "./context";
import { outboxStats } from "./outbox/outbox-queue";

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface TurnRecord {
  /** "webchat", "directline", "msteams", "terminal", "email" (the Bot Framework channelId, or "email"). */
  channel: string;
  intent: string;
  confidence: number;
  /** How long the turn took, from the message in to the reply out. */
  seconds?: number;
}

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<"method" | "route" | "status">;
  httpDuration: Histogram<"method" | "route">;
  turns: Counter<"intent" | "channel">;
  nluConfidence: Histogram<"channel">;
  turnDuration: Histogram<"channel">;
  mailEmails: Counter<"action">;
  mailDuration: Histogram<"action">;
  outboxDeliveries: Counter<"outcome">;
  outboxDeliveryDuration: Histogram<"transport">;
  streamPushes: Counter<"trigger">;
  activityNotifications: Counter<"direction">;
  /** One chat turn or one classified email: counted by intent and channel, its confidence and latency observed. */
  recordTurn(t: TurnRecord): void;
  /** One inbound email through the pipeline: action TICKET, THREAD, IGNORE or QUARANTINE (as MailIntakeAction). */
  recordEmail(e: { action: string; seconds?: number }): void;
  /** One delivery attempt of an outbox email: "sent", "retry", "failed", "lost" (as markEmailFailed says) or "late". */
  recordDelivery(d: { outcome: string; transport: string; seconds: number }): void;
  /** A Direct Line WebSocket frame sent, by what woke the stream: "local", "peer" (NOTIFY), "resync", "poll", "open". */
  recordStreamPush(trigger: string): void;
  /** A PostgreSQL NOTIFY of a stored activity, sent or received (core/directline/activity-notifier.ts). */
  recordActivityNotification(direction: "sent" | "received"): void;
}

const CLOSED = ["RESOLVED", "CLOSED"] as const;

export function createMetrics(ctx: CoreContext): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "aide_portail_" });
  const registers = [registry];
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Counter<L>({ name, help, labelNames, registers });
  const histogram = <L extends string>(name: string, help: string, labelNames: readonly L[], buckets = LATENCY_BUCKETS) =>
    new Histogram<L>({ name, help, labelNames, buckets, registers });
  const httpRequests = counter("aide_portail_http_requests_total", "HTTP requests served, by route and status", [
    "method",
    "route",
    "status",
  ]);
  const httpDuration = histogram("aide_portail_http_request_duration_seconds", "HTTP request duration", ["method", "route"]);
  const turns = counter("aide_portail_turns_total", "Messages understood (chat turns and emails), by intent and channel", [
    "intent",
    "channel",
  ]);
  const nluConfidence = histogram(
    "aide_portail_nlu_confidence",
    "Confidence of the intent classifier's first intent, by channel",
    ["channel"],
    [0.1, 0.2, 0.3, 0.4, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9, 0.95, 1],
  );
  const turnDuration = histogram("aide_portail_turn_duration_seconds", "Time from a chat message in to its reply out, by channel", [
    "channel",
  ]);
  const mailEmails = counter("aide_portail_mail_emails_total", "Inbound emails processed by the mail agent, by outcome", ["action"]);
  const mailDuration = histogram(
    "aide_portail_mail_processing_seconds",
    "Time to take one inbound email through the pipeline, by outcome",
    ["action"],
  );
  const outboxDeliveries = counter(
    "aide_portail_outbox_deliveries_total",
    "Delivery attempts of outgoing emails, by outcome (sent, retry, failed, lost)",
    ["outcome"],
  );
  const outboxDeliveryDuration = histogram(
    "aide_portail_outbox_delivery_seconds",
    "Time of one delivery attempt (SMTP session or .eml write)",
    ["transport"],
  );
  const streamPushes = counter(
    "aide_portail_directline_stream_pushes_total",
    "Direct Line WebSocket frames sent, by what woke the stream (local, peer, resync, poll, open)",
    ["trigger"],
  );
  const activityNotifications = counter(
    "aide_portail_directline_notifications_total",
    "PostgreSQL NOTIFY messages of stored Direct Line activities, sent and received",
    ["direction"],
  );
  new Gauge({
    name: "aide_portail_outbox_messages",
    help: "Outgoing emails in the outbox, by status",
    labelNames: ["status"] as const,
    registers,
    async collect() {
      const stats = await outboxStats(ctx);
      for (const [status, n] of Object.entries(stats)) this.set({ status }, n);
    },
  });
  new Gauge({
    name: "aide_portail_outbox_depth",
    help: "Outgoing emails not yet delivered nor given up (PENDING + SENDING)",
    registers,
    async collect() {
      this.set(await ctx.prisma.outboxMessage.count({ where: { status: { in: ["PENDING", "SENDING"] } } }));
    },
  });
  new Gauge({
    name: "aide_portail_outbox_retrying",
    help: "Outgoing emails waiting for a retry after at least one failed attempt",
    registers,
    async collect() {
      this.set(await ctx.prisma.outboxMessage.count({ where: { status: "PENDING", attempts: { gt: 0 } } }));
    },
  });
  new Gauge({
    name: "aide_portail_tickets_open",
    help: "Tickets not yet resolved or closed, by queue",
    labelNames: ["queue"] as const,
    registers,
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
  // Totals from the database (monotonic, the same on every instance): rate() over them gives opened/closed per second.
  new Gauge({
    name: "aide_portail_tickets_opened",
    help: "Tickets ever opened, by queue and channel",
    labelNames: ["queue", "channel"] as const,
    registers,
    async collect() {
      const groups = await ctx.prisma.ticket.groupBy({ by: ["queue", "channel"], _count: { _all: true } });
      this.reset();
      for (const g of groups) this.set({ queue: g.queue, channel: g.channel }, g._count._all);
    },
  });
  new Gauge({
    name: "aide_portail_tickets_closed",
    help: "Tickets resolved or closed, by queue",
    labelNames: ["queue"] as const,
    registers,
    async collect() {
      const groups = await ctx.prisma.ticket.groupBy({ by: ["queue"], where: { status: { in: [...CLOSED] } }, _count: { _all: true } });
      this.set({ queue: "SCHOOL" }, 0);
      this.set({ queue: "CENTRAL" }, 0);
      for (const g of groups) this.set({ queue: g.queue }, g._count._all);
    },
  });
  return {
    registry,
    httpRequests,
    httpDuration,
    turns,
    nluConfidence,
    turnDuration,
    mailEmails,
    mailDuration,
    outboxDeliveries,
    outboxDeliveryDuration,
    streamPushes,
    activityNotifications,
    recordTurn(t) {
      turns.inc({ intent: t.intent, channel: t.channel });
      nluConfidence.observe({ channel: t.channel }, t.confidence);
      if (t.seconds !== undefined) turnDuration.observe({ channel: t.channel }, t.seconds);
    },
    recordEmail(e) {
      mailEmails.inc({ action: e.action });
      if (e.seconds !== undefined) mailDuration.observe({ action: e.action }, e.seconds);
    },
    recordDelivery(d) {
      outboxDeliveries.inc({ outcome: d.outcome });
      outboxDeliveryDuration.observe({ transport: d.transport }, d.seconds);
    },
    recordStreamPush(trigger) {
      streamPushes.inc({ trigger });
    },
    recordActivityNotification(direction) {
      activityNotifications.inc({ direction });
    },
  };
}
