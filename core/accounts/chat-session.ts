// The signed-in state of a chat conversation: a Session row bound to its channelKey, kept alive while the
// parent keeps talking (30 minutes idle timeout, sliding), ended by « déconnexion ».
import type { CoreContext } from "../context";
import type { Lang } from "../i18n";
import { recordAudit } from "../audit";
import { ACCOUNT_POLICY } from "./account-policy";
import { asLang } from "./account-summary";

export interface ChatSession {
  accountId: string;
  lang: Lang;
}

/**
 * The idle deadline slides forward at most once a minute: a conversation of several messages a minute costs one
 * read per message, not a read and a write (the timeout is then between 29 and 30 minutes of silence).
 */
const TOUCH_EVERY_MS = 60_000;

interface SessionRow {
  id: string;
  expiresAt: Date;
  lastSeenAt: Date;
  accountId: string;
  status: string;
  lang: string | null;
}

/** The conversation's account, or null when signed out, idle too long, or the account is no longer active. */
export async function getChatSession(ctx: CoreContext, opts: { channelKey: string }): Promise<ChatSession | null> {
  const now = ctx.now();
  // One round trip for the session and its account (Prisma's include would be two).
  const [session] = await ctx.prisma.$queryRaw<SessionRow[]>`
    SELECT s."id", s."expiresAt", s."lastSeenAt", a."id" AS "accountId", a."status"::text AS "status", a."lang"
    FROM "Session" s JOIN "Account" a ON a."id" = s."accountId"
    WHERE s."channelKey" = ${String(opts.channelKey)}
    ORDER BY s."createdAt" DESC LIMIT 1`;
  if (!session) return null;
  if (session.expiresAt <= now || session.status !== "ACTIVE") {
    await ctx.prisma.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await ctx.prisma.session.updateMany({
      where: { id: session.id },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + ACCOUNT_POLICY.chatSessionIdleMs) },
    });
  }
  return { accountId: session.accountId, lang: asLang(session.lang) };
}

export async function signOutChat(ctx: CoreContext, opts: { channelKey: string }): Promise<{ signedOut: boolean }> {
  const sessions = await ctx.prisma.session.findMany({ where: { channelKey: opts.channelKey }, select: { id: true, accountId: true } });
  if (sessions.length === 0) return { signedOut: false };
  await ctx.prisma.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { id: { in: sessions.map((s) => s.id) } } });
    for (const s of sessions) {
      await recordAudit(tx, {
        at: ctx.now(),
        actorType: "parent",
        actorId: s.accountId,
        action: "account.chat_signed_out",
        entityType: "account",
        entityId: s.accountId,
        data: { channelKey: opts.channelKey },
      });
    }
  });
  return { signedOut: true };
}
