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

/** The conversation's account, or null when signed out, idle too long, or the account is no longer active. */
export async function getChatSession(ctx: CoreContext, opts: { channelKey: string }): Promise<ChatSession | null> {
  const now = ctx.now();
  const session = await ctx.prisma.session.findFirst({
    where: { channelKey: opts.channelKey, accountId: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { id: true, expiresAt: true, account: { select: { id: true, status: true, lang: true } } },
  });
  if (!session?.account) return null;
  if (session.expiresAt <= now || session.account.status !== "ACTIVE") {
    await ctx.prisma.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  await ctx.prisma.session.updateMany({
    where: { id: session.id },
    data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + ACCOUNT_POLICY.chatSessionIdleMs) },
  });
  return { accountId: session.account.id, lang: asLang(session.account.lang) };
}

export async function signOutChat(ctx: CoreContext, opts: { channelKey: string }): Promise<{ signedOut: boolean }> {
  const sessions = await ctx.prisma.session.findMany({ where: { channelKey: opts.channelKey }, select: { id: true, accountId: true } });
  if (sessions.length === 0) return { signedOut: false };
  await ctx.prisma.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { id: { in: sessions.map((s) => s.id) } } });
    for (const s of sessions) {
      await recordAudit(tx, { at: ctx.now(), actorType: "parent", actorId: s.accountId, action: "account.chat_signed_out", entityType: "account", entityId: s.accountId, data: { channelKey: opts.channelKey } });
    }
  });
  return { signedOut: true };
}
