// Signing in from chat: a 6-digit code emailed to the account's address, valid 10 minutes, 5 tries, bound to the
// conversation that asked for it; at most 3 codes per 15 minutes per email (known or not, so the limit tells
// nothing). The code is stored as HMAC-SHA256(server secret, row id + code), never in clear.
import crypto from "node:crypto";
import type { CoreContext } from "../context";
import type { Lang } from "../i18n";
import { recordAudit } from "../audit";
import { enqueueEmail } from "../outbox/enqueue-email";
import { looksLikeEmail, normalizeEmail } from "../util/text";
import { ACCOUNT_POLICY } from "./account-policy";
import { accountError } from "./account-error";
import { asLang, findAccountByEmail, maskEmail, minutesUntil } from "./account-summary";
import { keyedHash } from "./app-secret";
import { consumeRateLimit, emailKey } from "./rate-limit";
import { generateNumericCode, sameDigest } from "./secrets";

const POLICY = ACCOUNT_POLICY.chatCode;
const codeHash = (ctx: CoreContext, id: string, code: string) => keyedHash(ctx, "chat-code", `${id}:${code}`);

export interface SendChatSignInCodeOptions {
  email: string;
  /** The conversation (Direct Line / Teams conversation id) the code will sign in. */
  channelKey: string;
  lang: Lang;
}

/** `{ emailedTo }` masked from what was typed, whether or not it has an account. Errors: `invalid_email`, `code_rate_limited`. */
export async function sendChatSignInCode(ctx: CoreContext, opts: SendChatSignInCodeOptions): Promise<{ emailedTo: string }> {
  const email = normalizeEmail(opts.email);
  if (!looksLikeEmail(email)) throw accountError("invalid_email");
  const limit = await consumeRateLimit(ctx, emailKey(ctx, "chat-code", email), { max: POLICY.maxPerWindow, windowMs: POLICY.windowMs });
  if (!limit.allowed) throw accountError("code_rate_limited", { params: { minutes: minutesUntil(ctx, limit.retryAt) } });

  const account = await findAccountByEmail(ctx, { email });
  if (account?.status !== "ACTIVE") {
    ctx.log.info({ component: "accounts" }, "chat code asked for an email without an active account");
    return { emailedTo: maskEmail(email) };
  }
  const now = ctx.now();
  const id = crypto.randomUUID();
  const code = generateNumericCode();
  await ctx.prisma.$transaction(async (tx) => {
    // Only the latest code of a conversation works.
    await tx.oneTimeCode.updateMany({ where: { accountId: account.id, purpose: "CHAT_SIGNIN", subject: opts.channelKey, consumedAt: null }, data: { consumedAt: now } });
    await tx.oneTimeCode.create({
      data: { id, purpose: "CHAT_SIGNIN", accountId: account.id, subject: opts.channelKey, codeHash: codeHash(ctx, id, code), expiresAt: new Date(now.getTime() + POLICY.ttlMs), createdAt: now },
    });
    await enqueueEmail(ctx, { template: "accounts:email.chatCode", lang: opts.lang, to: account.email, params: { code, minutes: POLICY.ttlMs / 60_000 } }, tx);
    await recordAudit(tx, { at: ctx.now(), actorType: "anonymous", action: "account.chat_code_sent", entityType: "account", entityId: account.id, data: { channelKey: opts.channelKey } });
  });
  return { emailedTo: maskEmail(email) };
}

export interface VerifyChatSignInCodeOptions {
  email: string;
  code: string;
  channelKey: string;
}

export interface ChatSignedIn {
  accountId: string;
  lang: Lang;
  expiresAt: Date;
}

/** Signs the conversation in. One error, `accounts.code_invalid`, for wrong, expired, used or exhausted codes. */
export async function verifyChatSignInCode(ctx: CoreContext, opts: VerifyChatSignInCodeOptions): Promise<ChatSignedIn> {
  const email = normalizeEmail(opts.email);
  const account = looksLikeEmail(email) ? await findAccountByEmail(ctx, { email }) : null;
  if (account?.status !== "ACTIVE") throw accountError("code_invalid", { log: "chat code for an email without an active account" });
  const now = ctx.now();
  const row = await ctx.prisma.oneTimeCode.findFirst({
    where: { accountId: account.id, purpose: "CHAT_SIGNIN", subject: opts.channelKey, consumedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, codeHash: true, expiresAt: true },
  });
  if (!row || row.expiresAt <= now) throw accountError("code_invalid", { log: "no live chat code" });
  // Take one attempt BEFORE comparing, with a conditional update: guesses fired at once can never get more
  // than maxAttempts comparisons between them (reading `attempts` first and counting after would let them).
  const taken = await ctx.prisma.oneTimeCode.updateMany({
    where: { id: row.id, consumedAt: null, attempts: { lt: POLICY.maxAttempts } },
    data: { attempts: { increment: 1 } },
  });
  if (taken.count !== 1) throw accountError("code_invalid", { log: "chat code out of attempts" });
  const typed = String(opts.code ?? "").slice(0, 64).replace(/\D+/g, "");
  if (typed.length !== 6 || !sameDigest(codeHash(ctx, row.id, typed), row.codeHash)) {
    const { attempts } = await ctx.prisma.oneTimeCode.findUniqueOrThrow({ where: { id: row.id }, select: { attempts: true } });
    if (attempts >= POLICY.maxAttempts) await ctx.prisma.oneTimeCode.updateMany({ where: { id: row.id, consumedAt: null }, data: { consumedAt: now } });
    await recordAudit(ctx.prisma, { at: ctx.now(), actorType: "anonymous", action: "account.chat_code_failed", entityType: "account", entityId: account.id, data: { attempt: attempts } });
    throw accountError("code_invalid", { log: `wrong chat code for account ${account.id}` });
  }
  const expiresAt = new Date(now.getTime() + ACCOUNT_POLICY.chatSessionIdleMs);
  await ctx.prisma.$transaction(async (tx) => {
    const used = await tx.oneTimeCode.updateMany({ where: { id: row.id, consumedAt: null }, data: { consumedAt: now } });
    if (used.count !== 1) throw accountError("code_invalid", { log: "chat code consumed concurrently" });
    await tx.session.deleteMany({ where: { channelKey: opts.channelKey } }); // one identity per conversation
    await tx.session.create({ data: { accountId: account.id, channelKey: opts.channelKey, expiresAt, lastSeenAt: now, createdAt: now } });
    await recordAudit(tx, { at: ctx.now(), actorType: "parent", actorId: account.id, action: "account.chat_signed_in", entityType: "account", entityId: account.id, data: { channelKey: opts.channelKey } });
  });
  ctx.log.info({ component: "accounts", accountId: account.id }, "chat conversation signed in");
  return { accountId: account.id, lang: asLang(account.lang), expiresAt };
}
