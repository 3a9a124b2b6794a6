// GET /metrics' domain figures: events recorded through ChannelDeps.metrics (turns by intent and channel, NLU
// confidence, emails by outcome, deliveries, latencies as histograms) and totals read from the database at
// scrape time (tickets opened/closed by queue, outbox depth and retries), checked on a real database.
import { createMetrics } from "../../core/metrics";
import { enqueueEmail } from "../../core/outbox";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

/** The value of one sample line of the exposition text, e.g. `aide_portail_turns_total{intent="x",channel="y"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("metrics", () => {
  it("counts turns by intent and channel and observes confidence and latency", async () => {
    const m = createMetrics(testContext(db));
    m.recordTurn({ channel: "webchat", intent: "account.password_reset", confidence: 0.91, seconds: 0.12 });
    m.recordTurn({ channel: "webchat", intent: "account.password_reset", confidence: 0.42, seconds: 0.3 });
    m.recordTurn({ channel: "email", intent: "records.schedule", confidence: 0.77 });
    const text = await m.registry.metrics();
    expect(sample(text, 'aide_portail_turns_total{intent="account.password_reset",channel="webchat"}')).toBe(2);
    expect(sample(text, 'aide_portail_turns_total{intent="records.schedule",channel="email"}')).toBe(1);
    expect(sample(text, 'aide_portail_nlu_confidence_bucket{le="0.5",channel="webchat"}')).toBe(1);
    expect(sample(text, 'aide_portail_nlu_confidence_bucket{le="0.95",channel="webchat"}')).toBe(2);
    expect(sample(text, 'aide_portail_turn_duration_seconds_count{channel="webchat"}')).toBe(2);
    expect(sample(text, 'aide_portail_turn_duration_seconds_bucket{le="0.25",channel="webchat"}')).toBe(1);
    expect(text).not.toContain('aide_portail_turn_duration_seconds_count{channel="email"}');
  });

  it("counts emails by outcome and deliveries by outcome, with their latencies", async () => {
    const m = createMetrics(testContext(db));
    for (const action of ["TICKET", "TICKET", "IGNORE", "QUARANTINE"]) m.recordEmail({ action, seconds: 0.05 });
    m.recordDelivery({ outcome: "sent", transport: "smtp", seconds: 0.2 });
    m.recordDelivery({ outcome: "retry", transport: "smtp", seconds: 3 });
    const text = await m.registry.metrics();
    expect(sample(text, 'aide_portail_mail_emails_total{action="TICKET"}')).toBe(2);
    expect(sample(text, 'aide_portail_mail_emails_total{action="IGNORE"}')).toBe(1);
    expect(sample(text, 'aide_portail_mail_emails_total{action="QUARANTINE"}')).toBe(1);
    expect(sample(text, 'aide_portail_mail_processing_seconds_count{action="TICKET"}')).toBe(2);
    expect(sample(text, 'aide_portail_outbox_deliveries_total{outcome="retry"}')).toBe(1);
    expect(sample(text, 'aide_portail_outbox_delivery_seconds_bucket{le="2.5",transport="smtp"}')).toBe(1);
  });

  it("reads tickets opened and closed by queue, and the outbox's depth and retries, from the database", async () => {
    await db.reset();
    const ctx = testContext(db);
    const base = { lang: "fr", subject: "Aide", requesterEmail: "p@exemple.ca" };
    await db.prisma.ticket.createMany({
      data: [
        { ...base, channel: "EMAIL", queue: "CENTRAL", status: "NEW" },
        { ...base, channel: "CHAT", queue: "CENTRAL", status: "CLOSED" },
        { ...base, channel: "EMAIL", queue: "SCHOOL", status: "RESOLVED" },
      ],
    });
    const a = await enqueueEmail(ctx, {
      template: "accounts:email.loginId",
      lang: "fr",
      to: "a@exemple.ca",
      params: { email: "a@exemple.ca" },
    });
    await enqueueEmail(ctx, { template: "accounts:email.loginId", lang: "fr", to: "b@exemple.ca", params: { email: "b@exemple.ca" } });
    await db.prisma.outboxMessage.update({ where: { messageId: a.messageId }, data: { attempts: 2 } });
    const text = await createMetrics(ctx).registry.metrics();
    expect(sample(text, 'aide_portail_tickets_opened{queue="CENTRAL",channel="EMAIL"}')).toBe(1);
    expect(sample(text, 'aide_portail_tickets_opened{queue="CENTRAL",channel="CHAT"}')).toBe(1);
    expect(sample(text, 'aide_portail_tickets_closed{queue="CENTRAL"}')).toBe(1);
    expect(sample(text, 'aide_portail_tickets_closed{queue="SCHOOL"}')).toBe(1);
    expect(sample(text, 'aide_portail_tickets_open{queue="CENTRAL"}')).toBe(1);
    expect(sample(text, "aide_portail_outbox_depth")).toBe(2);
    expect(sample(text, "aide_portail_outbox_retrying")).toBe(1);
  });
});
