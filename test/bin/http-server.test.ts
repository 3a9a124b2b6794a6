// The HTTP server's operational routes on a real database: alive, ready (or why not), Prometheus metrics.
import type { Server } from "restify";
import { createMetrics } from "../../core";
import { createHttpServer } from "../../bin/http-server";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testClock, testContext } from "../helpers/context";

let db: TestDatabase;
let server: Server;
let base: string;
let smtpUp = true;
let smtpHangs = false;
let mailboxChecks = 0;
const clock = testClock();

beforeAll(async () => {
  db = await createTestDatabase();
  const ctx = testContext(db, { clock });
  await ctx.prisma.$queryRaw`select 1`; // the first query of a fresh engine is slow; probes measure the warm one
  server = createHttpServer({
    ctx,
    metrics: createMetrics(ctx),
    readiness: [
      { name: "database", check: async () => void (await ctx.prisma.$queryRaw`select 1`) },
      {
        name: "smtp",
        check: async () => {
          if (smtpHangs) await new Promise(() => undefined); // a server that accepts and never answers
          if (!smtpUp) throw new Error("connect ECONNREFUSED 127.0.0.1:25");
        },
      },
      { name: "mailbox", check: async () => void (mailboxChecks += 1), cacheMs: 10_000 },
    ],
    readinessTimeoutMs: 1000,
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await db.close();
});

describe("HTTP operational routes", () => {
  it("GET /healthz answers 200", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("GET /readyz is 200 when every check passes and 503 naming the failing one otherwise", async () => {
    const ok = await fetch(`${base}/readyz`);
    expect(ok.status).toBe(200);
    smtpUp = false;
    const down = await fetch(`${base}/readyz`);
    smtpUp = true;
    expect(down.status).toBe(503);
    const body = await down.json();
    expect(body.checks).toEqual([
      { name: "database", ok: true },
      { name: "smtp", ok: false, error: "connect ECONNREFUSED 127.0.0.1:25" },
      { name: "mailbox", ok: true },
    ]);
  });

  it("GET /readyz reuses a cached check's result within its window, and checks again after it", async () => {
    clock.advance(60_000);
    const before = mailboxChecks;
    await Promise.all([fetch(`${base}/readyz`), fetch(`${base}/readyz`)]);
    await fetch(`${base}/readyz`);
    expect(mailboxChecks - before).toBe(1);
    clock.advance(10_001);
    await fetch(`${base}/readyz`);
    expect(mailboxChecks - before).toBe(2);
  });

  it("GET /metrics serves the Prometheus text format with request counts and domain gauges", async () => {
    await db.prisma.outboxMessage.create({
      data: { template: "t", lang: "fr", toAddress: "a@b.c", fromAddress: "x@y.z", subject: "s", text: "t", messageId: "<m@y.z>" },
    });
    await fetch(`${base}/healthz`);
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toMatch(/aide_portail_http_requests_total\{method="GET",route="\/healthz",status="200"\} [1-9]/);
    expect(text).toContain('aide_portail_outbox_messages{status="PENDING"} 1');
    expect(text).toContain('aide_portail_tickets_open{queue="CENTRAL"} 0');
  });

  it("GET /readyz answers 503 in time when a check hangs (a load balancer's probe must not wait forever)", async () => {
    smtpHangs = true;
    try {
      const res = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(10_000) });
      expect(res.status).toBe(503);
      expect((await res.json()).checks[1]).toEqual({ name: "smtp", ok: false, error: "no answer within 1 s" });
    } finally {
      smtpHangs = false;
    }
  });

  it("unknown routes get a 404, not a crash, and one metrics label whatever the path", async () => {
    for (const p of ["/nope", "/wp-admin/x.php", `/r${Date.now()}`]) expect((await fetch(`${base}${p}`)).status).toBe(404);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/aide_portail_http_requests_total\{method="GET",route="unmatched",status="404"\} 3/);
    expect(text).not.toContain("wp-admin");
  });
});
