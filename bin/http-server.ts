// The one restify server of the process (built by the composition root): health, readiness and metrics; the bot
// (bot/index.ts) and triage (triage/index.ts) register their routes on it.
import restify from "restify";
import type { CoreContext, Metrics } from "../core";

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
  /**
   * Reuse the last result for this long (ms). For checks that open a connection (SMTP, IMAP): a load balancer
   * probing every second must not open an SMTP session every second. The database is checked each time.
   */
  cacheMs?: number;
}

type CheckResult = { name: string; ok: true } | { name: string; ok: false; error: string };

export interface HttpServerOptions {
  ctx: CoreContext;
  metrics: Metrics;
  /** Checks behind GET /readyz (database, mailbox, SMTP): each must resolve for a 200. */
  readiness: ReadinessCheck[];
  /** A check that has not answered by then counts as failed (default 3 s, under load balancers' probe timeouts). */
  readinessTimeoutMs?: number;
}

/** A PostgreSQL pool waiting for a connection or an SMTP server that never greets would hold the probe forever. */
function withTimeout(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

// restify 11: an async handler takes (req, res) and no next.
export function createHttpServer(opts: HttpServerOptions): restify.Server {
  const { ctx, metrics } = opts;
  const log = ctx.log.child({ component: "http" });
  const server = restify.createServer({ name: "aide-portail", handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.on("after", (req: restify.Request, res: restify.Response, route?: { spec?: { path?: unknown } }) => {
    const path = String(route?.spec?.path ?? "unmatched");
    metrics.httpRequests.inc({ method: req.method, route: path, status: String(res.statusCode) });
    metrics.httpDuration.observe({ method: req.method ?? "GET", route: path }, (Date.now() - (req.time?.() ?? Date.now())) / 1000);
  });
  server.on("restifyError", (req: restify.Request, res: restify.Response, err: Error, next: (e?: unknown) => void) => {
    log.warn({ method: req.method, url: req.url?.split("?")[0], err }, "request failed");
    next();
  });

  server.get("/healthz", (_req, res, next) => {
    res.send(200, { status: "ok" });
    next();
  });

  // One result (or one check under way) per check: concurrent probes share it, cached ones reuse it.
  const last = new Map<string, { at: number; result: Promise<CheckResult> }>();
  const runCheck = (c: ReadinessCheck): Promise<CheckResult> => {
    const now = ctx.now().getTime();
    const prev = last.get(c.name);
    if (prev && c.cacheMs && now - prev.at < c.cacheMs) return prev.result;
    const result = withTimeout(c.check(), opts.readinessTimeoutMs ?? 3000).then(
      (): CheckResult => ({ name: c.name, ok: true }),
      (err): CheckResult => {
        log.warn({ check: c.name, err }, "readiness check failed");
        return { name: c.name, ok: false, error: (err as Error).message };
      },
    );
    last.set(c.name, { at: now, result });
    return result;
  };

  server.get("/readyz", async (_req: restify.Request, res: restify.Response) => {
    const results = await Promise.all(opts.readiness.map(runCheck));
    const ok = results.every((r) => r.ok);
    res.send(ok ? 200 : 503, { status: ok ? "ready" : "not ready", checks: results });
  });

  server.get("/metrics", async (_req: restify.Request, res: restify.Response) => {
    const body = await metrics.registry.metrics();
    res.setHeader("Content-Type", metrics.registry.contentType);
    res.sendRaw(200, body);
  });

  return server;
}
