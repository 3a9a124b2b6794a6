// `aide-portail chat|ask --as EMAIL`: the operator at the machine signs a terminal conversation in as a parent,
// without a code. Only the command line calls this (no HTTP route leads here); it is audited like a sign-in.
import type { CoreContext } from "../context";
import { recordAudit } from "../audit";
import { normalizeEmail } from "../util/text";
import { ACCOUNT_POLICY } from "./account-policy";
import { accountError } from "./account-error";
import { findAccountByEmail } from "./account-summary";
import type { ChatSignedIn } from "./chat-sign-in";
import { asLang } from "./account-summary";

export async function openLocalChatSession(ctx: CoreContext, opts: { email: string; channelKey: string }): Promise<ChatSignedIn> {
  const account = await findAccountByEmail(ctx, { email: normalizeEmail(opts.email) });
  if (account?.status !== "ACTIVE") throw accountError("account_not_found", { log: "--as names no active account" });
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ACCOUNT_POLICY.chatSessionIdleMs);
  await ctx.prisma.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { channelKey: opts.channelKey } });
    await tx.session.create({ data: { accountId: account.id, channelKey: opts.channelKey, expiresAt, lastSeenAt: now, createdAt: now } });
    await recordAudit(tx, {
      at: now,
      actorType: "system",
      actorId: account.id,
      action: "account.chat_signed_in_locally",
      entityType: "account",
      entityId: account.id,
      data: { channelKey: opts.channelKey },
    });
  });
  return { accountId: account.id, lang: asLang(account.lang), expiresAt };
}
