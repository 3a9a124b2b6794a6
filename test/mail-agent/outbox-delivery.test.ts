// The outbox end to end: compose from templates, store, deliver to a real SMTP receiver (smtp-server in
// process) or to .eml files, retry with backoff, never deliver twice.
import fs from "node:fs";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import { claimDueEmails, enqueueEmail, LEASE_MS, MAX_ATTEMPTS } from "../../core";
import { deliverOutboxOnce } from "../../mail-agent/outbox/deliver-outbox";
import { emlFileName, fileTransport, SMTP_TIMEOUTS, smtpTransport } from "../../mail-agent/outbox/mail-transport";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";
import { registerTestEmailTemplate } from "../helpers/test-email-template";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  registerTestEmailTemplate("testmail");
});
afterAll(() => db.close());
beforeEach(() => db.reset());

function smtpSink(opts: { failFirst?: number; reject?: boolean } = {}) {
  const received: { from: string; to: string[]; raw: string }[] = [];
  let failures = opts.failFirst ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (opts.reject) return cb(Object.assign(new Error("mailbox unavailable"), { responseCode: 550 }));
        if (failures-- > 0) return cb(Object.assign(new Error("try later"), { responseCode: 451 }));
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        cb();
      });
    },
  });
  return new Promise<{ url: string; received: typeof received; close(): Promise<void> }>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const port = (server.server.address() as { port: number }).port;
      resolve({ url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

describe("outbox", () => {
  it("composes in the requested language with threading headers, and dedupes by key", async () => {
    const ctx = testContext(db);
    const a = await enqueueEmail(ctx, {
      template: "testmail:email.hello",
      lang: "en",
      to: "parent@example.org",
      params: { name: "Ann", url: "https://x.test/a" },
      dedupeKey: "hello-1",
      inReplyTo: "<m1@example.org>",
      references: ["<m0@example.org>"],
      autoReply: true,
    });
    const b = await enqueueEmail(ctx, {
      template: "testmail:email.hello",
      lang: "en",
      to: "parent@example.org",
      params: { name: "Ann", url: "u" },
      dedupeKey: "hello-1",
    });
    expect(a.created).toBe(true);
    expect(b).toEqual({ id: a.id, messageId: a.messageId, created: false });
    const row = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.subject).toBe("Hello Ann");
    expect(row.text).toContain("Your file: https://x.test/a");
    expect(row.text).toContain("The portal team");
    expect(row.html).toContain('<a href="https://x.test/a">');
    expect(row.headers).toMatchObject({
      "Auto-Submitted": "auto-replied",
      "In-Reply-To": "<m1@example.org>",
      References: "<m0@example.org> <m1@example.org>",
    });
    expect(await db.prisma.outboxMessage.count()).toBe(1);
  });

  it("delivers over SMTP exactly once, with the stored Message-ID", async () => {
    const sink = await smtpSink();
    const ctx = testContext(db);
    try {
      const q = await enqueueEmail(ctx, {
        template: "testmail:email.hello",
        lang: "fr",
        to: "lea.parent@example.org",
        params: { name: "Léa", url: "https://x.test" },
      });
      const transport = smtpTransport(sink.url);
      expect(await deliverOutboxOnce(ctx, transport)).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(await deliverOutboxOnce(ctx, transport)).toEqual({ sent: 0, retried: 0, failed: 0 });
      transport.close();
      expect(sink.received).toHaveLength(1);
      expect(sink.received[0].to).toEqual(["lea.parent@example.org"]);
      const parsed = await simpleParser(sink.received[0].raw);
      expect(parsed.messageId).toBe(q.messageId);
      expect(parsed.subject).toBe("Bonjour Léa");
      expect(parsed.headers.get("auto-submitted")).toBe("auto-generated");
      const row = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: q.id } });
      expect(row.status).toBe("SENT");
      expect(row.attempts).toBe(1);
    } finally {
      await sink.close();
    }
  });

  it("retries a temporary failure after the backoff, and gives up on a permanent one", async () => {
    const sink = await smtpSink({ failFirst: 1 });
    const ctx = testContext(db);
    try {
      const q = await enqueueEmail(ctx, {
        template: "testmail:email.hello",
        lang: "fr",
        to: "p@example.org",
        params: { name: "A", url: "u" },
      });
      const transport = smtpTransport(sink.url);
      expect(await deliverOutboxOnce(ctx, transport)).toEqual({ sent: 0, retried: 1, failed: 0 });
      // not yet due: nothing happens before the backoff has passed
      expect(await deliverOutboxOnce(ctx, transport)).toEqual({ sent: 0, retried: 0, failed: 0 });
      ctx.clock.advance(31_000);
      expect(await deliverOutboxOnce(ctx, transport)).toEqual({ sent: 1, retried: 0, failed: 0 });
      transport.close();
      expect(sink.received).toHaveLength(1);
      const row = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: q.id } });
      expect(row.attempts).toBe(2);
    } finally {
      await sink.close();
    }
    const rejecting = await smtpSink({ reject: true });
    try {
      const q2 = await enqueueEmail(ctx, {
        template: "testmail:email.hello",
        lang: "fr",
        to: "gone@example.org",
        params: { name: "B", url: "u" },
      });
      const transport = smtpTransport(rejecting.url);
      expect(await deliverOutboxOnce(ctx, transport)).toEqual({ sent: 0, retried: 0, failed: 1 });
      transport.close();
      const row = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: q2.id } });
      expect(row.status).toBe("FAILED");
      expect(row.lastError).toContain("mailbox unavailable");
    } finally {
      await rejecting.close();
    }
  });

  it("writes .eml files when no SMTP server is configured, and two deliverers never send one email twice", async () => {
    const ctx = testContext(db);
    const ids = [];
    for (let i = 0; i < 6; i++) {
      ids.push(
        await enqueueEmail(ctx, {
          template: "testmail:email.hello",
          lang: "fr",
          to: `p${i}@example.org`,
          params: { name: `P${i}`, url: "u" },
        }),
      );
    }
    const sent: string[] = [];
    const dir = ctx.config.outboxDir;
    const base = fileTransport(dir);
    const counting = {
      ...base,
      send: async (e: Parameters<typeof base.send>[0]) => {
        sent.push(e.id);
        await base.send(e);
      },
    };
    const [r1, r2] = await Promise.all([deliverOutboxOnce(ctx, counting, 4), deliverOutboxOnce(ctx, counting, 4)]);
    expect(r1.sent + r2.sent).toBe(6);
    expect(new Set(sent).size).toBe(6);
    expect(sent).toHaveLength(6);
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".eml"));
    expect(files.sort()).toEqual(ids.map((q) => emlFileName(q.messageId)).sort());
    const parsed = await simpleParser(fs.readFileSync(`${dir}/${emlFileName(ids[0].messageId)}`));
    expect(parsed.subject).toBe("Bonjour P0");
  });

  it("leases one email at a time, so a slow transport never lets a second deliverer take and resend the rest of a batch", async () => {
    const ctx = testContext(db);
    for (let i = 0; i < 3; i++)
      await enqueueEmail(ctx, {
        template: "testmail:email.hello",
        lang: "fr",
        to: `p${i}@example.org`,
        params: { name: `P${i}`, url: "u" },
      });
    const sent: string[] = [];
    const other = {
      kind: "file" as const,
      verify: async () => undefined,
      close: () => undefined,
      send: async (e: { id: string }) => {
        sent.push(e.id);
      },
    };
    let nested: Promise<unknown> = Promise.resolve();
    const slow = {
      ...other,
      send: async (e: { id: string }) => {
        sent.push(e.id);
        ctx.clock.advance(90_000); // a slow SMTP exchange, within one email's lease but not three
        nested = deliverOutboxOnce(ctx, other); // meanwhile another instance polls the outbox
        await nested;
      },
    };
    await deliverOutboxOnce(ctx, slow);
    await nested;
    expect(sent).toHaveLength(3);
    expect(new Set(sent).size).toBe(3);
    expect(await db.prisma.outboxMessage.count({ where: { status: "SENT" } })).toBe(3);
  });

  it("a deliverer that lost its lease never undoes the delivery of the instance that took the email over", async () => {
    const ctx = testContext(db);
    const q = await enqueueEmail(ctx, {
      template: "testmail:email.hello",
      lang: "fr",
      to: "p@example.org",
      params: { name: "A", url: "u" },
    });
    const ok = { kind: "file" as const, verify: async () => undefined, close: () => undefined, send: async () => undefined };
    const stalled = {
      ...ok,
      send: async () => {
        ctx.clock.advance(10 * 60_000); // lease gone: the other instance takes it and delivers it
        expect((await deliverOutboxOnce(ctx, ok)).sent).toBe(1);
        throw new Error("connection reset");
      },
    };
    await deliverOutboxOnce(ctx, stalled);
    const row = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: q.id } });
    expect(row.status).toBe("SENT"); // not put back to PENDING for a third sending
    ctx.clock.advance(24 * 3600_000);
    expect((await deliverOutboxOnce(ctx, ok)).sent).toBe(0);
  });

  it("takes back an email whose sender died mid-delivery once its lease has run out", async () => {
    const ctx = testContext(db);
    const q = await enqueueEmail(ctx, {
      template: "testmail:email.hello",
      lang: "fr",
      to: "p@example.org",
      params: { name: "A", url: "u" },
    });
    await db.prisma.outboxMessage.update({
      where: { id: q.id },
      data: { status: "SENDING", lockedUntil: new Date(ctx.now().getTime() + 60_000), attempts: 1 },
    });
    const transport = fileTransport(ctx.config.outboxDir);
    expect((await deliverOutboxOnce(ctx, transport)).sent).toBe(0);
    ctx.clock.advance(61_000);
    expect((await deliverOutboxOnce(ctx, transport)).sent).toBe(1);
  });
});

describe("SMTP transport timeouts", () => {
  it("bound one delivery well within the outbox lease", () => {
    const worst = SMTP_TIMEOUTS.connectionTimeout + SMTP_TIMEOUTS.greetingTimeout + SMTP_TIMEOUTS.socketTimeout;
    expect(worst).toBeLessThan(LEASE_MS / 2);
  });
});

describe("outbox: an email that kills its sender every time", () => {
  beforeEach(() => db.reset());
  it("is given up after the last attempt instead of being taken back forever", async () => {
    const ctx = testContext(db);
    const q = await enqueueEmail(ctx, {
      template: "testmail:email.hello",
      lang: "fr",
      to: "p@example.org",
      params: { name: "A", url: "u" },
    });
    await db.prisma.outboxMessage.update({
      where: { id: q.id },
      data: { status: "SENDING", lockedUntil: new Date(ctx.now().getTime() - 1000), attempts: MAX_ATTEMPTS },
    });
    expect(await claimDueEmails(ctx)).toEqual([]);
    const row = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: q.id } });
    expect(row.status).toBe("FAILED");
    expect(row.lastError).toMatch(/each of its 8 attempts/);
  });
});
