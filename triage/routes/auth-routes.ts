// Sign-in (rate-limited per client and locked per email in the core), sign-out, the one-time set-password
// link, and the language preference.
import type { Server } from "restify";
import { isAppError, setStaffPassword, checkStaffPasswordLink, signInStaff, signOutStaff } from "../../core";
import { sendHtml, redirect } from "../http/triage-handler";
import { clientKey, cookies, query, str } from "../http/request";
import {
  appendCookie,
  clearSessionCookie,
  newPreSignInToken,
  PRE_CSRF_COOKIE,
  samePreSignInToken,
  setPreSignInCookie,
  setSessionCookie,
} from "../http/security";
import { setPasswordPage, signInPage } from "../pages/auth-pages";
import type { Make } from "./route-kit";

export function registerAuthRoutes(server: Server, make: Make): void {
  server.get(
    "/triage/sign-in",
    make("page", "public", async (c) => {
      if (c.staff) return redirect(c.res, "/triage");
      const pre = newPreSignInToken();
      setPreSignInCookie(c.res, pre);
      sendHtml(c.res, 200, signInPage(c, { preToken: pre }));
    }),
  );

  server.post(
    "/triage/sign-in",
    make("page", "public", async (c) => {
      const email = str(c.body.email, 254);
      const pre = newPreSignInToken();
      const again = (status: number, error: string) => {
        setPreSignInCookie(c.res, pre);
        sendHtml(c.res, status, signInPage(c, { preToken: pre, email, error }));
      };
      // Login CSRF: the form must come from our own page (double-submit token of the pre-session cookie).
      if (!samePreSignInToken(cookies(c.req)[PRE_CSRF_COOKIE], str(c.body._pre, 100))) return again(403, c.t("triage:errors.csrf"));
      try {
        const s = await signInStaff(c.deps.ctx, {
          email,
          password: str(c.body.password, 1000),
          clientKey: clientKey(c.req, c.deps.ctx.config),
        });
        setSessionCookie(c.res, s.token, s.expiresAt);
        redirect(c.res, "/triage");
      } catch (err) {
        if (isAppError(err) && err.code.startsWith("staff.signin"))
          return again(err.code === "staff.signin_invalid" ? 401 : 429, c.t(err.userKey, err.params));
        throw err;
      }
    }),
  );

  server.post(
    "/triage/sign-out",
    make("page", "staff", async (c) => {
      await signOutStaff(c.deps.ctx, { token: c.token! });
      clearSessionCookie(c.res);
      redirect(c.res, "/triage/sign-in");
    }),
  );

  server.get(
    "/triage/set-password",
    make("page", "public", async (c) => {
      const code = query(c.req).code ?? "";
      sendHtml(c.res, 200, setPasswordPage(c, { code, valid: await checkStaffPasswordLink(c.deps.ctx, { code }) }));
    }),
  );

  // No session yet: the one-time code in the form is what an attacker cannot forge.
  server.post(
    "/triage/set-password",
    make("page", "public", async (c) => {
      const code = str(c.body.code, 200);
      const password = str(c.body.password, 1000);
      if (password !== str(c.body.confirm, 1000)) {
        return sendHtml(c.res, 400, setPasswordPage(c, { code, valid: true, error: c.t("triage:setPassword.mismatch") }));
      }
      try {
        await setStaffPassword(c.deps.ctx, { code, password });
        sendHtml(c.res, 200, setPasswordPage(c, { code: "", valid: true, done: true }));
      } catch (err) {
        if (isAppError(err) && err.code.startsWith("staff.password")) {
          return sendHtml(c.res, 400, setPasswordPage(c, { code, valid: true, error: c.t(err.userKey, err.params) }));
        }
        throw err;
      }
    }),
  );

  // A display preference only (no account state changes): a cookie, then back to the console.
  server.get(
    "/triage/lang/:lang",
    make("page", "public", async (c) => {
      const lang = (c.req.params as { lang?: string }).lang === "en" ? "en" : "fr";
      appendCookie(c.res, `ap_lang=${lang}; Path=/; Max-Age=31536000; Secure; SameSite=Lax`);
      redirect(c.res, "/triage");
    }),
  );
}
