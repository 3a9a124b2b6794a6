// The documented deployment (deploy/), on loopback: a private PostgreSQL database, `aide-portail db migrate`
// once (the migrate unit), two `aide-portail start --no-mail` instances (the web units) on two ports, and
// Debian's nginx on a third port running deploy/nginx/aide-portail.conf. Both instances answer through nginx,
// /readyz answers through nginx, emails enqueued while both drain the outbox are each sent once, and killing
// one instance leaves the service answering. Needs DATABASE_URL (CI's PostgreSQL pass) and nginx.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { enqueueEmail, loadConfig, silentLogger, type CoreContext } from "../../core";
import { openDatabase, type Database } from "../../core/system";
import { BIN, freePort, killLeftovers, startAidePortail, type StartedProcess } from "../helpers/aide-portail-process";
import { NGINX_BIN, startNginx, type Nginx } from "../helpers/nginx";
import { createScratchPostgres } from "../helpers/scratch-postgres";
import { startSmtpSink, waitFor, type SmtpSink } from "../helpers/smtp-sink";

const PG = process.env.DATABASE_URL;
const maybe = PG && NGINX_BIN ? describe : describe.skip;
jest.setTimeout(300_000);

const APP_SECRET = "two-instances-test-secret-0123456789abcdef";
const EMAILS = 30;

maybe("two instances behind nginx on one PostgreSQL", () => {
  let scratch: { url: string; drop(): Promise<void> };
  let db: Database;
  let ctx: CoreContext;
  let sink: SmtpSink;
  let a: StartedProcess;
  let b: StartedProcess;
  let nginx: Nginx;

  beforeAll(async () => {
    scratch = await createScratchPostgres(PG!, "ap_two");
    sink = await startSmtpSink();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "ap-two-"));
    const env = (name: string) => ({
      DATABASE_URL: scratch.url,
      APP_SECRET,
      SMTP_URL: sink.url,
      DATA_DIR: path.join(root, name),
      LOG_LEVEL: "info",
    });
    const migrate = spawnSync(process.execPath, [BIN, "db", "migrate"], {
      env: { ...process.env, NODE_OPTIONS: "", ...env("migrate") },
      encoding: "utf8",
    });
    expect(migrate.status).toBe(0);
    [a, b] = await Promise.all([startAidePortail(env("web-a"), ["--no-mail"]), startAidePortail(env("web-b"), ["--no-mail"])]);
    // The test's own header naming the instance that answered; the rest is the shipped file.
    nginx = await startNginx({
      upstreamPorts: [a.port, b.port],
      port: await freePort(),
      extra: "    add_header X-Test-Upstream $upstream_addr always;",
    });
    db = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
    ctx = { prisma: db.prisma, config: loadConfig({ DATABASE_URL: scratch.url, APP_SECRET }), log: silentLogger, now: () => new Date() };
  });

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all([a?.stop(), b?.stop()]);
    killLeftovers();
    await db?.close();
    await sink?.close();
    await scratch?.drop();
  });

  it("both instances answer through nginx, and /readyz answers through it", async () => {
    const upstreams = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${nginx.url}/healthz`);
      expect(res.status).toBe(200);
      upstreams.add(res.headers.get("x-test-upstream") ?? "");
    }
    expect([...upstreams].sort()).toEqual([`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`].sort());
    const ready = await fetch(`${nginx.url}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { checks: { name: string; ok: boolean }[] };
    expect(body.checks.map((c) => c.name).sort()).toEqual(["database", "smtp"]);
    // nginx passes the real client address on (X-Real-IP / X-Forwarded-For) and keeps /metrics to the host.
    expect((await fetch(`${nginx.url}/metrics`)).status).toBe(200);
  });

  it("emails enqueued while both instances drain the outbox are each sent exactly once", async () => {
    const ids: string[] = [];
    for (let i = 0; i < EMAILS; i++) {
      const e = await enqueueEmail(ctx, {
        template: "accounts:email.loginId",
        lang: "fr",
        to: `parent${i}@exemple.ca`,
        params: { email: `parent${i}@exemple.ca` },
      });
      ids.push(e.messageId);
    }
    await waitFor(
      async () => (await db.prisma.outboxMessage.count({ where: { status: "SENT" } })) === EMAILS,
      "every email to be SENT",
      60_000,
    );
    const received = sink.received.map((m) => /^Message-ID:\s*(\S+)/im.exec(m.raw)?.[1]);
    expect(received.sort()).toEqual([...ids].sort());
    expect(new Set(received).size).toBe(EMAILS);
    const rows = await db.prisma.outboxMessage.findMany({ select: { attempts: true } });
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
  });

  it("with one instance killed, the service keeps answering through nginx", async () => {
    await a.kill();
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${nginx.url}/healthz`);
      expect(res.status).toBe(200);
      expect(res.headers.get("x-test-upstream")).toContain(`127.0.0.1:${b.port}`);
    }
    expect((await fetch(`${nginx.url}/readyz`)).status).toBe(200);
  });
});
