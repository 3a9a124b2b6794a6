// What every Direct Line route shares: the Bearer token, the client's address, the Origin check (CORS only for
// the board's configured origins, and a refusal — not just a hidden answer — for any other), a bounded JSON body
// reader, and errors sent as Direct Line's `{ error: { code, message } }` in the person's language.
import type { IncomingMessage } from "node:http";
import type { Request, Response } from "restify";
import {
  AppError,
  asDatabaseUnreachable,
  isAppError,
  resolveClientAddress,
  UNAVAILABLE_RETRY_S,
  translator,
  type Config,
  type CoreContext,
  type ErrorCode,
  type Logger,
} from "../../core";

const STATUS: Partial<Record<ErrorCode, number>> = {
  "directline.token_missing": 403,
  "directline.token_invalid": 403,
  "directline.token_expired": 403,
  "directline.forbidden": 403,
  "directline.origin_not_allowed": 403,
  "directline.conversation_not_found": 404,
  "directline.body_too_large": 413,
  "directline.upload_not_supported": 415,
  "directline.rate_limited": 429,
  "db.unreachable": 503,
};

/** The headers Web Chat's preflight asks for (x-requested-with comes from RxJS ajax). */
export const CORS_ALLOWED_HEADERS = "authorization, content-type, x-ms-bot-agent, x-requested-with";

export function bearer(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  return typeof h === "string" && h.startsWith("Bearer ") ? h.slice(7).trim() || undefined : undefined;
}

/** The client's address: the peer, or behind a trusted proxy the right-most untrusted X-Forwarded-For hop. */
export function clientAddress(req: IncomingMessage, config: Pick<Config, "TRUSTED_PROXIES">): string {
  return resolveClientAddress(config, req.socket.remoteAddress, req.headers["x-forwarded-for"]);
}

/** A call from this machine itself, not a client forwarded by the local nginx (the Connector routes). */
export function isLoopback(req: IncomingMessage, config: Pick<Config, "TRUSTED_PROXIES">): boolean {
  const a = clientAddress(req, config);
  return a === "127.0.0.1" || a === "::1";
}

export function requestLang(req: IncomingMessage): "fr" | "en" {
  const h = String(req.headers["accept-language"] ?? "");
  return /^\s*en\b/i.test(h) ? "en" : "fr";
}

/** The origin of this server as the browser sees it (its Host header). */
export function selfOrigin(req: IncomingMessage): string {
  const proto = req.headers["x-forwarded-proto"] === "https" || (req.socket as { encrypted?: boolean }).encrypted ? "https" : "http";
  return `${proto}://${req.headers.host ?? ""}`;
}

/**
 * Same-origin and origin-less (non-browser) calls pass; a configured origin passes with CORS headers; any other
 * browser origin is refused with 403.
 */
export function checkOrigin(req: IncomingMessage, res: Response | null, allowed: readonly string[]): void {
  const origin = req.headers.origin;
  if (!origin || origin === selfOrigin(req)) return;
  if (!allowed.includes(origin)) throw new AppError("directline.origin_not_allowed", { log: `request from origin ${origin}` });
  if (res) {
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Vary", "Origin");
  }
}

/** OPTIONS preflight of a configured origin: 204 with the four headers Web Chat asks for; others 403. */
export function answerPreflight(req: Request, res: Response, allowed: readonly string[]): void {
  const origin = req.headers.origin;
  if (!origin || !allowed.includes(origin)) {
    res.sendRaw(403, "");
    return;
  }
  res.setHeader("Access-Control-Allow-Origin", origin);
  res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
  res.setHeader("Access-Control-Allow-Headers", CORS_ALLOWED_HEADERS);
  res.setHeader("Access-Control-Max-Age", "600");
  res.setHeader("Vary", "Origin");
  res.sendRaw(204, "");
}

/** The JSON body, refused past `maxBytes` (413) before it is all read; an empty body is `{}`. */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers["content-length"] ?? 0);
  const tooLarge = () =>
    new AppError("directline.body_too_large", { params: { maxKb: Math.floor(maxBytes / 1024) }, log: `body over ${maxBytes} bytes` });
  if (declared > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("directline.invalid_activity", { log: "body is not JSON" });
  }
}

export function sendJson(res: Response, status: number, body: unknown): void {
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.sendRaw(status, JSON.stringify(body));
}

/** An AppError becomes its status and template, the database away a 503; anything else is a logged 500 with the generic sentence. */
export function sendError(req: IncomingMessage, res: Response, cause: unknown, log: Logger): void {
  const t = translator(requestLang(req));
  // The database away (a restart, a failover): « try again shortly », not a 500; the turn is not half done.
  const err = asDatabaseUnreachable(cause);
  if (isAppError(err) && STATUS[err.code] !== undefined) {
    const status = STATUS[err.code] ?? 400;
    if (err.code === "directline.rate_limited") res.setHeader("Retry-After", String(err.params.seconds ?? 60));
    if (err.code === "db.unreachable") res.setHeader("Retry-After", String(UNAVAILABLE_RETRY_S));
    log.info({ code: err.code, url: req.url?.split("?")[0], reason: err.message }, "Direct Line request refused");
    sendJson(res, status, { error: { code: err.code, message: String(t(err.userKey, err.params)) } });
    return;
  }
  if (isAppError(err)) {
    log.info({ code: err.code, url: req.url?.split("?")[0], reason: err.message }, "Direct Line request refused");
    sendJson(res, 400, { error: { code: err.code, message: String(t(err.userKey, err.params)) } });
    return;
  }
  log.error({ err, url: req.url?.split("?")[0] }, "Direct Line request failed");
  sendJson(res, 500, { error: { code: "directline.internal", message: String(t("errors:generic")) } });
}

/** Counts one use against a quota, or throws directline.rate_limited with the seconds to wait. */
export async function requireQuota(ctx: CoreContext, consume: () => Promise<{ allowed: boolean; retryAt: Date }>): Promise<void> {
  const { allowed, retryAt } = await consume();
  if (!allowed) {
    const seconds = Math.max(1, Math.ceil((retryAt.getTime() - ctx.now().getTime()) / 1000));
    throw new AppError("directline.rate_limited", { params: { seconds }, log: `rate limited for ${seconds} s` });
  }
}
