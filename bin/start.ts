// `aide-portail start`: the whole system in one process, built in one readable order:
// config → database (migrated) → demo seed on first embedded run → outbox delivery → HTTP server.
// Later: the bot's routes, Direct Line and Web Chat, triage, and the mail agent plug in here.
import type { Server } from "restify";
import { AppError, createMetrics, seedDemo, settleAfterReply, type CoreContext } from "../core";
import { createHttpServer, type ReadinessCheck } from "../bot/http/server";
import { fileTransport, smtpTransport } from "../mail-agent/outbox/mail-transport";
import { startOutboxDelivery } from "../mail-agent/outbox/deliver-outbox";
import { boot, type Booted } from "./boot";

export interface RunningSystem {
  booted: Booted;
  server: Server;
  url: string;
  stop(): Promise<void>;
}

/** The embedded database is seeded with the demo on its first run; a PostgreSQL server never is implicitly. */
async function seedOnFirstRun(b: Booted): Promise<void> {
  if (b.db.kind !== "pglite") return;
  const [schools, imports] = await Promise.all([b.ctx.prisma.school.count(), b.ctx.prisma.importRun.count()]);
  if (schools > 0 || imports > 0) return;
  b.log.info({ component: "start" }, "first run: loading the demo dataset");
  await seedDemo(b.ctx);
}

function readiness(ctx: CoreContext, smtp: { verify(): Promise<void> }): ReadinessCheck[] {
  return [
    { name: "database", check: async () => void (await ctx.prisma.$queryRaw`select 1`) },
    { name: "smtp", check: () => smtp.verify() },
  ];
}

export async function startSystem(opts: { env?: NodeJS.ProcessEnv; host?: string } = {}): Promise<RunningSystem> {
  const booted = await boot({ env: opts.env });
  const { ctx, config, log } = booted;
  try {
    await seedOnFirstRun(booted);
  } catch (err) {
    await booted.close();
    throw err;
  }
  const transport = config.SMTP_URL ? smtpTransport(config.SMTP_URL) : fileTransport(config.outboxDir);
  const stopDelivery = startOutboxDelivery(ctx, transport);
  const metrics = createMetrics(ctx);
  const server = createHttpServer({ ctx, metrics, readiness: readiness(ctx, transport) });
  const host = opts.host ?? "0.0.0.0";
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.PORT, host, () => resolve());
    });
  } catch (err) {
    // Nothing is served: release the database (and its lock) and the outbox before saying why.
    await stopDelivery();
    await booted.close();
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError(code === "EADDRINUSE" ? "http.port_in_use" : "http.listen_failed", {
      params: { port: config.PORT },
      log: code === "EADDRINUSE"
        ? `PORT ${config.PORT} is already in use on ${host} (another aide-portail, or another program): stop it or set PORT to a free port`
        : `cannot listen on ${host}:${config.PORT}: ${(err as Error).message}`,
      cause: err,
    });
  }
  const address = server.address();
  const url = `http://localhost:${typeof address === "object" && address ? address.port : config.PORT}`;
  log.info({ component: "start", url, database: booted.db.kind, mail: transport.kind }, "Aide-Portail started");
  let stopping: Promise<void> | undefined;
  return {
    booted,
    server,
    url,
    stop: () =>
      (stopping ??= (async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await settleAfterReply(ctx); // emails queued after a reply (chat codes, login ids) reach the outbox first
        await stopDelivery();
        await booted.close();
      })()),
  };
}
