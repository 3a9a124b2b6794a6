// Direct Line conversations: started by the page's POST /tokens/generate, resumed by a token, and the one
// check every route makes — the token is genuine, unexpired, and names this conversation and its user.
import crypto from "node:crypto";
import type { CoreContext } from "../context";
import { AppError } from "../errors";
import { keyedHash } from "../accounts/app-secret";
import { issueDirectLineToken, verifyDirectLineToken } from "./directline-token";

export interface DirectLineStart {
  conversationId: string;
  userId: string;
  token: string;
  expiresIn: number;
}

export interface DirectLineAccess {
  conversationId: string;
  userId: string;
  locale: string | null;
  /** The number of stored activities (the latest watermark). */
  watermark: number;
  started: boolean;
}

const randomId = (bytes: number) => crypto.randomBytes(bytes).toString("base64url");

/** A new conversation for a new, server-chosen user id (a client never picks whose bot state it reads). */
export async function startDirectLineConversation(ctx: CoreContext, opts: { locale?: string } = {}): Promise<DirectLineStart> {
  const now = ctx.now();
  const conversationId = randomId(18);
  const userId = `dl_${randomId(12)}`;
  const locale = opts.locale && /^[a-zA-Z]{2}(-[a-zA-Z]{2})?$/.test(opts.locale) ? opts.locale : null;
  await ctx.prisma.directLineConversation.create({
    data: { id: conversationId, userId, locale, tokensValidFrom: now, createdAt: now, lastActivityAt: now },
  });
  return { conversationId, userId, ...issueDirectLineToken(ctx, { conversationId, userId }) };
}

/**
 * Checks a token for a conversation (the route's, or the token's own when the route names none).
 * 403 codes: directline.token_* (missing, forged, expired), directline.forbidden (another conversation);
 * 404: directline.conversation_not_found.
 */
export async function authorizeDirectLine(
  ctx: CoreContext,
  opts: { token: string | undefined; conversationId?: string },
): Promise<DirectLineAccess> {
  const claims = verifyDirectLineToken(ctx, opts.token);
  if (opts.conversationId !== undefined && opts.conversationId !== claims.conversationId) {
    throw new AppError("directline.forbidden", { log: "a Direct Line token used on another conversation" });
  }
  const row = await ctx.prisma.directLineConversation.findUnique({
    where: { id: claims.conversationId },
    select: { id: true, userId: true, locale: true, nextSeq: true, startedAt: true, tokensValidFrom: true },
  });
  if (!row) throw new AppError("directline.conversation_not_found", { log: "Direct Line conversation not found" });
  if (row.userId !== claims.userId || claims.issuedAt < row.tokensValidFrom.getTime()) {
    throw new AppError("directline.forbidden", { log: "Direct Line token for another user, or revoked" });
  }
  return { conversationId: row.id, userId: row.userId, locale: row.locale, watermark: row.nextSeq, started: row.startedAt !== null };
}

/** A fresh token for the same conversation and user; an expired or forged one is refused (403). */
export async function refreshDirectLineToken(ctx: CoreContext, opts: { token: string | undefined }): Promise<DirectLineStart> {
  const access = await authorizeDirectLine(ctx, { token: opts.token });
  return { conversationId: access.conversationId, userId: access.userId, ...issueDirectLineToken(ctx, access) };
}

/** True exactly once per conversation, for the caller that must send the bot its conversationUpdate. */
export async function markDirectLineConversationStarted(ctx: CoreContext, opts: { conversationId: string }): Promise<boolean> {
  const res = await ctx.prisma.directLineConversation.updateMany({
    where: { id: opts.conversationId, startedAt: null },
    data: { startedAt: ctx.now() },
  });
  return res.count === 1;
}

/**
 * The path prefix of the Connector routes the bot replies to: derived from the server secret, so it is the
 * same on every instance and across restarts (a stored conversation reference keeps working) and unguessable.
 */
export function directLineConnectorSecret(ctx: CoreContext): string {
  return keyedHash(ctx, "directline-connector", "v1").slice(0, 32);
}
