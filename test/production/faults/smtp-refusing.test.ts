// Fault: the SMTP server refuses, then accepts. A real SMTP receiver (test/helpers/smtp-sink.ts) turns every
// session away — first with a 4xx at the greeting (overloaded), then with a 5xx at MAIL FROM (a server that
// does not yet allow us: a setting fixed later) — and then accepts. The outbox (the mail agent's delivery,
// SMTP transport, on a migrated embedded database under DATA_DIR) retries on its backoff schedule; the failure
// shows in the logs, in /metrics and in `doctor`; once the server accepts, each email is sent exactly once and
// none is lost. A 5xx about one recipient stays final (that email is given up, and said so).
// The retry schedule (30 s, 1 min…) is followed on the test's clock. The same on both databases: it runs in the
// embedded-database pass only.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createMetrics, enqueueEmail } from "../../../core";
import { deliverOutboxOnce, smtpTransport, type MailTransport } from "../../../mail-agent";
import { testClock } from "../../helpers/context";
import { openOutboxOnDisk, type OutboxOnDisk } from "../../helpers/outbox-on-disk";
import { startSmtpSink, type SmtpSink } from "../../helpers/smtp-sink";
import { describeUnless, ONE_PASS } from "../../helpers/describe-unless";

const FILE = "test/production/faults/smtp-refusing.test.ts";
const maybe = describeUnless(FILE, [[Boolean(process.env.DATABASE_URL), ONE_PASS]]);

const EMAILS = 5;
const messageIdOf = (raw: string) => /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? null;

maybe("SMTP refusing, then accepting", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-fault-smtp-"));
  const clock = testClock("2026-12-01T08:00:00-05:00");
  let sink: SmtpSink;
  let outbox: OutboxOnDisk;
  let transport: MailTransport;

  const rows = () => outbox.db.prisma.outboxMessage.findMany({ orderBy: { toAddress: "asc" } });
  const deliver = () => deliverOutboxOnce(outbox.ctx, transport);
  const metric = async (name: string) => {
    const text = await createMetrics(outbox.ctx).registry.metrics();
    return Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1]);
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    outbox = await openOutboxOnDisk(
      { DATA_DIR: dataDir, SMTP_URL: sink.url, APP_SECRET: "smtp-refusing-test-secret-0123456789abcdef" },
      clock,
    );
    transport = smtpTransport(sink.url);
  });
  afterAll(async () => {
    transport?.close();
    await outbox?.close();
    await sink?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("retries on its schedule while refused, shows it, then sends each email exactly once", async () => {
    const ids = await outbox.enqueue(EMAILS);

    // 1. Overloaded: 421 at the greeting. Every email is retried in 30 s, none given up.
    sink.refuse = { at: "connect", code: 421, message: "4.3.2 Service temporarily unavailable" };
    expect(await deliver()).toEqual({ sent: 0, retried: EMAILS, failed: 0 });
    for (const r of await rows()) {
      expect(r).toMatchObject({ status: "PENDING", attempts: 1 });
      expect(r.nextAttemptAt.getTime() - clock.now().getTime()).toBe(30_000);
      expect(r.lastError).toContain("421");
    }
    const refused = outbox.logs.filter((l) => l.msg === "email not sent");
    expect(refused).toHaveLength(EMAILS);
    expect(refused.every((l) => l.level === 40 && l.outcome === "retry" && JSON.stringify(l.err).includes("421"))).toBe(true);
    expect(await metric("aide_portail_outbox_retrying")).toBe(EMAILS);
    // Not due yet: the backoff holds, nothing is tried.
    const refusalsSoFar = sink.refusals;
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sink.refusals).toBe(refusalsSoFar);

    // 2. A server that does not allow us yet: 550 at MAIL FROM. About the session, not the email: retried (1 min).
    clock.advance(30_000);
    sink.refuse = { at: "mail", code: 550, message: "5.7.1 Relaying denied for this client" };
    expect(await deliver()).toEqual({ sent: 0, retried: EMAILS, failed: 0 });
    for (const r of await rows()) {
      expect(r).toMatchObject({ status: "PENDING", attempts: 2 });
      expect(r.nextAttemptAt.getTime() - clock.now().getTime()).toBe(60_000);
    }
    const doctor = (await outbox.doctor()).outbox;
    expect(doctor?.ok).toBe(false);
    expect(doctor?.detail).toContain(`${EMAILS} courriel(s) en attente d'un nouvel essai`);
    expect(doctor?.detail).toContain("Relaying denied");
    expect(sink.received).toHaveLength(0);

    // 3. The server accepts: every email is sent, once, with its own Message-ID.
    clock.advance(60_000);
    sink.refuse = null;
    expect(await deliver()).toEqual({ sent: EMAILS, retried: 0, failed: 0 });
    expect(sink.received.map((m) => messageIdOf(m.raw)).sort()).toEqual([...ids].sort());
    expect((await rows()).map((r) => [r.status, r.attempts, r.lastError])).toEqual(Array.from({ length: EMAILS }, () => ["SENT", 3, null]));
    expect(await metric("aide_portail_outbox_retrying")).toBe(0);
    expect((await outbox.doctor()).outbox.ok).toBe(true);
    clock.advance(3_600_000);
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sink.received).toHaveLength(EMAILS);
  });

  it("a recipient the server refuses (550 at RCPT TO) is given up at once, and doctor says so", async () => {
    await enqueueEmail(outbox.ctx, {
      template: "accounts:email.loginId",
      lang: "fr",
      to: "inconnu@exemple.ca",
      params: { email: "inconnu@exemple.ca" },
    });
    sink.refuse = { at: "rcpt", code: 550, message: "5.1.1 No such user here", recipient: "inconnu@exemple.ca" };
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 1 });
    const row = await outbox.db.prisma.outboxMessage.findFirstOrThrow({ where: { toAddress: "inconnu@exemple.ca" } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(row.lastError).toContain("No such user");
    const doctor = (await outbox.doctor()).outbox;
    expect(doctor?.ok).toBe(false);
    expect(doctor?.detail).toContain("1 abandonné(s)");
    expect(doctor?.detail).toContain("No such user");
  });
});
