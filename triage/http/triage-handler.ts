// The one wrapper of every console route: security headers, the signed-in staff member (session cookie),
// the CSRF check on every state change (form field `_csrf` or header X-CSRF-Token), the translator, and
// errors turned into the right status and the person's sentence (pages) or a JSON error (API).
// restify 11: the wrapped handlers are async and take (req, res), never next.
import type { Request, Response } from "restify";
import type { TFunction } from "i18next";
import {
  asDatabaseUnreachable,
  checkStaffCsrfToken,
  getStaffSession,
  isAppError,
  staffCsrfToken,
  translator,
  UNAVAILABLE_RETRY_S,
  type ChannelDeps,
  type Lang,
  type StaffMember,
} from "../../core";
import { type Raw } from "./html";
import { cookies, readBody } from "./request";
import { applySecurityHeaders, SESSION_COOKIE } from "./security";

export interface TriageContext {
  req: Request;
  res: Response;
  deps: ChannelDeps;
  lang: Lang;
  t: TFunction;
  staff: StaffMember | null;
  /** The session's CSRF token, for forms and the X-CSRF-Token response header. */
  csrf: string | null;
  token: string | null;
  /** The parsed body of a POST (form or JSON). */
  body: Record<string, unknown>;
}

export type Kind = "page" | "api";
export type Access = "public" | "staff";

export function sendHtml(res: Response, status: number, body: Raw): void {
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.sendRaw(status, `<!doctype html>\n${body.value}`);
}

export function sendJson(res: Response, status: number, body: unknown): void {
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.sendRaw(status, JSON.stringify(body));
}

export function redirect(res: Response, location: string): void {
  res.setHeader("Location", location);
  res.sendRaw(303, "");
}

export function statusOf(code: string): number {
  if (code.endsWith(".not_found")) return 404;
  if (code === "staff.forbidden") return 403;
  if (code === "triage.csrf") return 403;
  if (code === "triage.unauthenticated") return 401;
  if (code === "staff.signin_locked" || code === "staff.signin_rate_limited" || code.endsWith(".rate_limited")) return 429;
  if (code === "staff.signin_invalid") return 401;
  if (code === "triage.body_too_large") return 413;
  if (code === "db.unreachable") return 503;
  return 400;
}

export type ErrorPage = (c: TriageContext, status: number, message: string) => Raw;

export interface HandlerOptions {
  kind: Kind;
  access: Access;
  errorPage: ErrorPage;
}

export function langOf(req: Request): Lang {
  return cookies(req).ap_lang === "en" ? "en" : "fr";
}

export function triageHandler(deps: ChannelDeps, opts: HandlerOptions, fn: (c: TriageContext) => Promise<void>) {
  const log = deps.ctx.log.child({ component: "triage" });
  return async (req: Request, res: Response): Promise<void> => {
    applySecurityHeaders(res);
    const lang = langOf(req);
    const c: TriageContext = { req, res, deps, lang, t: translator(lang), staff: null, csrf: null, token: null, body: {} };
    try {
      const token = cookies(req)[SESSION_COOKIE] ?? null;
      if (token) {
        c.staff = await getStaffSession(deps.ctx, { token });
        if (c.staff) {
          c.token = token;
          c.csrf = staffCsrfToken(deps.ctx, { token });
          res.setHeader("X-CSRF-Token", c.csrf);
        }
      }
      if (opts.access === "staff" && !c.staff) {
        if (opts.kind === "api")
          return sendJson(res, 401, { error: "triage.unauthenticated", message: c.t("triage:errors.unauthenticated") });
        return redirect(res, "/triage/sign-in");
      }
      if (req.method === "POST") {
        c.body = await readBody(req);
        if (opts.access === "staff") {
          const sent = c.body._csrf ?? req.headers["x-csrf-token"];
          if (!checkStaffCsrfToken(deps.ctx, { token: c.token!, csrf: sent })) {
            log.warn({ route: req.getRoute?.()?.path, staffId: c.staff!.id }, "CSRF token missing or wrong");
            const message = c.t("triage:errors.csrf");
            return opts.kind === "api"
              ? sendJson(res, 403, { error: "triage.csrf", message })
              : sendHtml(res, 403, opts.errorPage(c, 403, message));
          }
        }
      }
      await fn(c);
    } catch (thrown) {
      // The database is down (a restart, a failover): a 503 the secretary can retry, not a 500.
      const err = asDatabaseUnreachable(thrown);
      if (isAppError(err)) {
        const status = statusOf(err.code);
        if (status === 503) res.setHeader("Retry-After", String(UNAVAILABLE_RETRY_S));
        const message = c.t(err.userKey, err.params);
        if (status >= 500 || status === 429) log.warn({ code: err.code, err: err.message }, "console request refused");
        if (opts.kind === "api") return sendJson(res, status, { error: err.code, message });
        return sendHtml(res, status, opts.errorPage(c, status, message));
      }
      log.error({ err, route: req.getRoute?.()?.path }, "console request failed");
      const message = c.t("triage:errors.generic");
      if (opts.kind === "api") return sendJson(res, 500, { error: "internal", message });
      return sendHtml(res, 500, opts.errorPage(c, 500, message));
    }
  };
}
