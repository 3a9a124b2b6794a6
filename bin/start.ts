// `aide-portail start`: the whole system in one process, built in one readable order:
// config → database (migrated) → demo seed on first embedded run → mail agent (outbox delivery) →
// HTTP server → the bot's routes → triage's routes → listen.
// A role narrows it for several instances on one PostgreSQL: "web" (--no-mail) drains the outbox but reads no
// mailbox; "mail" (--mail-only) reads the mailbox and drains the outbox, and serves only health, readiness
// and metrics. Any number of instances may drain the outbox: its claim is FOR UPDATE SKIP LOCKED.
import type { Server } from "restify";
import type { StartRole } from "../cli/command-deps";
import {
  AppError,
  createActivityNotifier,
  createMetrics,
  getDemoSeedState,
  seedDemo,
  settleAfterReply,
  type ChannelDeps,
  type CoreContext,
  type Logger,
} from "../core";
import { startMailAgent } from "../mail-agent";
import { createHttpServer, type ReadinessCheck } from "./http-server";
import { boot, type Booted } from "./boot";

export interface RunningSystem {
  booted: Booted;
  server: Server;
  url: string;
  stop(): Promise<void>;
}

/**
 * The embedded database is seeded with the demo on its first run; a PostgreSQL server never is implicitly.
 * A seed that an earlier start did not finish (interrupted, killed) is completed: the seed is idempotent.
 */
export async function seedOnFirstRun(b: Booted): Promise<void> {
  if (b.db.kind !== "pglite") return;
  const state = await getDemoSeedState(b.ctx);
  if (state === "seeded" || state === "other-data") return;
  if (state === "interrupted") b.log.warn({ component: "start" }, "the demo seed of an earlier start did not finish: completing it");
  else b.log.info({ component: "start" }, "first run: loading the demo dataset");
  await seedDemo(b.ctx);
}

function databaseReadiness(ctx: CoreContext): ReadinessCheck {
  return { name: "database", check: async () => void (await ctx.prisma.$queryRaw`select 1`) };
}

/** What holds the memory at each step of the start (debug level; bench/start-bench.ts prints them). */
function memoryCheckpoint(log: Booted["log"], step: string): void {
  if (!log.isLevelEnabled("debug")) return;
  const m = process.memoryUsage();
  const mb = (n: number) => Math.round(n / 1048576);
  log.debug({ component: "start", step, rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), externalMb: mb(m.external) }, "memory checkpoint");
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  host?: string;
  /** Default "all": the HTTP channels, the mailbox intake and the outbox. */
  role?: StartRole;
  /** The process's logger (default: built from LOG_LEVEL, on stdout); tests send it to a file. */
  log?: Logger;
}

export async function startSystem(opts: StartOptions = {}): Promise<RunningSystem> {
  const role = opts.role ?? "all";
  const booted = await boot({ env: opts.env, log: opts.log });
  const { ctx, config, log } = booted;
  memoryCheckpoint(log, "booted (database open)");
  try {
    await seedOnFirstRun(booted);
  } catch (err) {
    await booted.close();
    throw err;
  }
  const metrics = createMetrics(ctx);
  // One LISTEN connection per web process: a WebSocket here hears of activities another instance stored.
  const activities =
    role === "mail" ? undefined : createActivityNotifier(ctx, { onNotification: (d) => metrics.recordActivityNotification(d) });
  const deps: ChannelDeps = { ctx, metrics, activities };
  memoryCheckpoint(log, "seeded");
  const mail = startMailAgent(deps, { intake: role !== "web" });
  memoryCheckpoint(log, "mail agent");
  const server = createHttpServer({ ctx, metrics, readiness: [databaseReadiness(ctx), ...mail.readiness] });
  // Loaded only by the roles that serve them: the mail role never holds botbuilder (≈ 40 MB of RSS).
  const bot = role === "mail" ? { stop: async () => {} } : (require("../bot") as typeof import("../bot")).registerBotRoutes(server, deps);
  memoryCheckpoint(log, "bot routes");
  if (role !== "mail") (require("../triage") as typeof import("../triage")).registerTriageRoutes(server, deps);
  memoryCheckpoint(log, "triage routes");
  const host = opts.host ?? "0.0.0.0";
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.PORT, host, () => resolve());
    });
  } catch (err) {
    // Nothing is served: release the database (and its lock) and the outbox before saying why.
    await bot.stop();
    await activities?.close();
    await mail.stop();
    await booted.close();
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError(code === "EADDRINUSE" ? "http.port_in_use" : "http.listen_failed", {
      params: { port: config.PORT },
      log:
        code === "EADDRINUSE"
          ? `PORT ${config.PORT} is already in use on ${host} (another aide-portail, or another program): stop it or set PORT to a free port`
          : `cannot listen on ${host}:${config.PORT}: ${(err as Error).message}`,
      cause: err,
    });
  }
  memoryCheckpoint(log, "listening");
  const address = server.address();
  const url = `http://localhost:${typeof address === "object" && address ? address.port : config.PORT}`;
  log.info(
    { component: "start", url, role, database: booted.db.kind, mail: mail.transport.kind, intake: mail.intake ? "on" : "off" },
    "Aide-Portail started",
  );
  let stopping: Promise<void> | undefined;
  return {
    booted,
    server,
    url,
    stop: () =>
      (stopping ??= (async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await bot.stop();
        await activities?.close();
        await settleAfterReply(ctx); // emails queued after a reply (chat codes, login ids) reach the outbox first
        await mail.stop();
        await booted.close();
      })()),
  };
}
