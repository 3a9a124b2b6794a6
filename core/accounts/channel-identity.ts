// A chat identity (a Teams user) linked to an account after one verified code, so the next conversations of
// that user start signed in. Relinking the same identity moves it to the account that proved itself last.
import type { CoreContext } from "../context";
import type { Lang } from "../i18n";
import { recordAudit } from "../audit";
import { accountError } from "./account-error";
import { asLang } from "./account-summary";

export interface ChannelIdentityOptions {
  channel: string;
  userKey: string;
}

export async function linkChannelIdentity(
  ctx: CoreContext,
  opts: ChannelIdentityOptions & { accountId: string },
): Promise<{ accountId: string; channel: string }> {
  const account = await ctx.prisma.account.findUnique({ where: { id: opts.accountId }, select: { id: true, status: true } });
  if (!account || account.status !== "ACTIVE")
    throw accountError("account_not_found", { log: `cannot link identity to account ${opts.accountId}` });
  await ctx.prisma.$transaction(async (tx) => {
    const before = await tx.channelIdentity.findUnique({
      where: { channel_userKey: { channel: opts.channel, userKey: opts.userKey } },
      select: { accountId: true },
    });
    if (before?.accountId === account.id) return;
    await tx.channelIdentity.upsert({
      where: { channel_userKey: { channel: opts.channel, userKey: opts.userKey } },
      create: { channel: opts.channel, userKey: opts.userKey, accountId: account.id, createdAt: ctx.now() },
      update: { accountId: account.id },
    });
    await recordAudit(tx, {
      at: ctx.now(),
      actorType: "parent",
      actorId: account.id,
      action: "account.channel_linked",
      entityType: "account",
      entityId: account.id,
      data: { channel: opts.channel, previousAccountId: before?.accountId ?? null },
    });
  });
  return { accountId: account.id, channel: opts.channel };
}

export async function findAccountByChannelIdentity(
  ctx: CoreContext,
  opts: ChannelIdentityOptions,
): Promise<{ accountId: string; lang: Lang } | null> {
  const row = await ctx.prisma.channelIdentity.findUnique({
    where: { channel_userKey: { channel: opts.channel, userKey: opts.userKey } },
    select: { account: { select: { id: true, status: true, lang: true } } },
  });
  if (!row || row.account.status !== "ACTIVE") return null;
  return { accountId: row.account.id, lang: asLang(row.account.lang) };
}
