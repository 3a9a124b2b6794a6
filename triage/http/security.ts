// Security of every console response: headers (CSP without inline script or style, no framing, no sniffing,
// no referrer, no caching of pages that show parents' data), the session cookie (HttpOnly, Secure,
// SameSite=Strict) and the pre-session CSRF cookie of the sign-in form (double submit).
import crypto from "node:crypto";
import type { Response } from "restify";

export const SESSION_COOKIE = "ap_staff";
export const PRE_CSRF_COOKIE = "ap_presignin";

export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  "Cache-Control": "no-store",
  // Browsers ignore it over plain http (localhost); behind TLS it pins https for a year.
  "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
};

export function applySecurityHeaders(res: Response): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
}

function cookie(name: string, value: string, maxAgeSeconds: number): string {
  return `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=Strict`;
}

export function appendCookie(res: Response, value: string): void {
  const prev = res.getHeader("Set-Cookie");
  const list = Array.isArray(prev) ? prev.map(String) : prev ? [String(prev)] : [];
  res.setHeader("Set-Cookie", [...list, value]);
}

export function setSessionCookie(res: Response, token: string, expiresAt: Date): void {
  appendCookie(res, cookie(SESSION_COOKIE, token, Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000))));
}

export function clearSessionCookie(res: Response): void {
  appendCookie(res, cookie(SESSION_COOKIE, "", 0));
}

export function newPreSignInToken(): string {
  return crypto.randomBytes(24).toString("base64url");
}

export function setPreSignInCookie(res: Response, token: string): void {
  appendCookie(res, cookie(PRE_CSRF_COOKIE, token, 3600));
}

export function samePreSignInToken(cookieValue: string | undefined, formValue: string): boolean {
  if (!cookieValue || !formValue) return false;
  const a = Buffer.from(cookieValue);
  const b = Buffer.from(formValue);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
