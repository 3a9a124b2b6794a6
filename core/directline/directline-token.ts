// Direct Line tokens: signed with the server secret (HMAC-SHA256, core/accounts/app-secret.ts), bound to one
// conversation and one user, expiring after 30 minutes like Azure's (Web Chat refreshes them every 15).
// They hold no secret and are checked without a database read; the conversation row then confirms the binding.
import crypto from "node:crypto";
import type { CoreContext } from "../context";
import { AppError } from "../errors";
import { appSecret } from "../accounts/app-secret";

export const DIRECTLINE_TOKEN_TTL_MS = 30 * 60 * 1000;

export interface DirectLineClaims {
  conversationId: string;
  userId: string;
  issuedAt: number;
  expiresAt: number;
}

const PREFIX = "dl1";

function sign(ctx: CoreContext, payload: string): string {
  return crypto.createHmac("sha256", appSecret(ctx)).update(`directline-token:${payload}`).digest("base64url");
}

export function issueDirectLineToken(
  ctx: CoreContext,
  opts: { conversationId: string; userId: string },
): { token: string; expiresIn: number } {
  const issuedAt = ctx.now().getTime();
  const payload = Buffer.from(
    JSON.stringify({ c: opts.conversationId, u: opts.userId, i: issuedAt, e: issuedAt + DIRECTLINE_TOKEN_TTL_MS }),
  ).toString("base64url");
  return { token: `${PREFIX}.${payload}.${sign(ctx, payload)}`, expiresIn: DIRECTLINE_TOKEN_TTL_MS / 1000 };
}

/** The token's claims; AppError directline.token_invalid (forged, malformed) or directline.token_expired. */
export function verifyDirectLineToken(ctx: CoreContext, token: string | undefined): DirectLineClaims {
  if (!token) throw new AppError("directline.token_missing", { log: "no Bearer token" });
  const [prefix, payload, signature, extra] = token.split(".");
  if (prefix !== PREFIX || !payload || !signature || extra !== undefined) {
    throw new AppError("directline.token_invalid", { log: "malformed Direct Line token" });
  }
  const expected = Buffer.from(sign(ctx, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) {
    throw new AppError("directline.token_invalid", { log: "Direct Line token with a bad signature" });
  }
  let claims: { c?: unknown; u?: unknown; i?: unknown; e?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw new AppError("directline.token_invalid", { log: "Direct Line token payload is not JSON" });
  }
  const { c, u, i, e } = claims;
  if (typeof c !== "string" || typeof u !== "string" || typeof i !== "number" || typeof e !== "number") {
    throw new AppError("directline.token_invalid", { log: "Direct Line token payload lacks a claim" });
  }
  if (e <= ctx.now().getTime())
    throw new AppError("directline.token_expired", { log: `Direct Line token expired at ${new Date(e).toISOString()}` });
  return { conversationId: c, userId: u, issuedAt: i, expiresAt: e };
}
