// Security headers of the Web Chat page. The Content Security Policy is the narrowest the full Web Chat bundle
// runs under (checked in Chromium, test/bot/webchat): scripts only from this server, no 'unsafe-eval', no inline
// script; Web Chat's emotion styles carry the page's nonce; connections (XHR and the WebSocket) only to this server;
// framing only by the board's configured origins (WEBCHAT_ORIGINS) for the embeddable snippet.
import crypto from "node:crypto";
import type { Response } from "restify";

const EMPTY_STYLE_HASH = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

export function newNonce(): string {
  return crypto.randomBytes(16).toString("base64");
}

export function contentSecurityPolicy(opts: { nonce: string; frameAncestors: readonly string[] }): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // The bundle also inserts one empty <style> element without the nonce: its hash (the SHA-256 of "") admits
    // exactly that, and no other inline style.
    `style-src 'self' 'nonce-${opts.nonce}' '${EMPTY_STYLE_HASH}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    `frame-ancestors ${["'self'", ...opts.frameAncestors].join(" ")}`,
  ].join("; ");
}

export function setPageSecurityHeaders(res: Response, opts: { nonce: string; frameAncestors: readonly string[]; https: boolean }): void {
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(opts));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  if (opts.https) res.setHeader("Strict-Transport-Security", "max-age=31536000");
}
