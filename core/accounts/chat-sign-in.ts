// Signing in from chat: a 6-digit code emailed to the account's address, valid 10 minutes, 5 tries, bound to the
// conversation that asked for it; at most 3 codes per 15 minutes and 10 a day per email, and 10 wrong codes a
// day lock chat sign-in for 24 hours (the owner is told by email). Every limit is keyed by email, known or not,
// so a limit tells nothing; the code is composed and emailed after the reply, so the time does not either.
// The code is stored as HMAC-SHA256(server secret, row id + code), never in clear.
import crypto from "node:crypto";
import type { CoreContext } from "../context";
import type { Lang } from "../i18n";
import { recordAudit } from "../audit";
import { enqueueEmail } from "../outbox/enqueue-email";
import { afterReply } from "../util/after-reply";
import { looksLikeEmail, normalizeEmail } from "../util/text";
import { ACCOUNT_POLICY } from "./account-policy";
import { accountError } from "./account-error";
import { asLang, findAccountByEmail, maskEmail, minutesUntil } from "./account-summary";
import { keyedHash } from "./app-secret";
import { clearRateLimit, consumeRateLimit, emailKey, lockedUntil, recordFailure } from "./rate-limit";
import { generateNumericCode, sameDigest } from "./secrets";

const POLICY = ACCOUNT_POLICY.chatCode;
const codeHash = (ctx: CoreContext, id: string, code: string) => keyedHash(ctx, "chat-code", `${id}:${code}`);
/** Stands for the account / code row of an email without one: the same queries run, and match nothing. */
const NO_ID = "00000000-0000-0000-0000-000000000000";
const failKey = (ctx: CoreContext, email: string) => emailKey(ctx, "chat-code-fail-day", email);

export interface SendChatSignInCodeOptions {
  email: string;
  /** The conversation (Direct Line / Teams conversation id) the code will sign in. */
  channelKey: string;
  lang: Lang;
}

/**
 * `{ emailedTo }` masked from what was typed, whether or not it has an account. Errors: `invalid_email`,
 * `code_rate_limited` (3 per 15 minutes, 10 a day), `code_locked` (10 wrong codes in a day). The account is
 * looked up, and its code created and queued, after the reply: the caller's time is the same for every email.
 */
export async function sendChatSignInCode(ctx: CoreContext, opts: SendChatSignInCodeOptions): Promise<{ emailedTo: string }> {
  const email = normalizeEmail(opts.email);
  if (!looksLikeEmail(email)) throw accountError("invalid_email");
  const locked = await lockedUntil(ctx, failKey(ctx, email));
  if (locked) throw accountError("code_locked", { params: { minutes: minutesUntil(ctx, locked) } });
  const limit = await consumeRateLimit(ctx, emailKey(ctx, "chat-code", email), { max: POLICY.maxPerWindow, windowMs: POLICY.windowMs });
  if (!limit.allowed) throw accountError("code_rate_limited", { params: { minutes: minutesUntil(ctx, limit.retryAt) } });
  const daily = await consumeRateLimit(ctx, emailKey(ctx, "chat-code-day", email), ACCOUNT_POLICY.chatCodeDaily);
  if (!daily.allowed)
    throw accountError("code_rate_limited", { params: { minutes: minutesUntil(ctx, daily.retryAt) }, log: "daily chat-code cap" });
  const { channelKey, lang } = opts;
  afterReply(ctx, "chat code", () => createAndEmailCode(ctx, email, channelKey, lang));
  return { emailedTo: maskEmail(email) };
}

async function createAndEmailCode(ctx: CoreContext, email: string, channelKey: string, lang: Lang): Promise<void> {
  const account = await findAccountByEmail(ctx, { email });
  if (account?.status !== "ACTIVE") {
    ctx.log.info({ component: "accounts" }, "chat code asked for an email without an active account");
    return;
  }
  const now = ctx.now();
  const id = crypto.randomUUID();
  const code = generateNumericCode();
  await ctx.prisma.$transaction(async (tx) => {
    // Only the latest code of a conversation works.
    await tx.oneTimeCode.updateMany({
      where: { accountId: account.id, purpose: "CHAT_SIGNIN", subject: channelKey, consumedAt: null },
      data: { consumedAt: now },
    });
    await tx.oneTimeCode.create({
      data: {
        id,
        purpose: "CHAT_SIGNIN",
        accountId: account.id,
        subject: channelKey,
        codeHash: codeHash(ctx, id, code),
        expiresAt: new Date(now.getTime() + POLICY.ttlMs),
        createdAt: now,
      },
    });
    await enqueueEmail(
      ctx,
      { template: "accounts:email.chatCode", lang, to: account.email, params: { code, minutes: POLICY.ttlMs / 60_000 } },
      tx,
    );
    await recordAudit(tx, {
      at: now,
      actorType: "anonymous",
      action: "account.chat_code_sent",
      entityType: "account",
      entityId: account.id,
      data: { channelKey },
    });
  });
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

/**
 * Signs the conversation in. One error, `accounts.code_invalid`, for wrong, expired, used or exhausted codes and
 * for emails without an account (the same queries run for them, on rows that do not exist); every such failure
 * counts toward the email's daily cap, whose 10th locks chat sign-in for 24 hours (`accounts.code_locked`) and
 * tells the account's owner by email.
 */
export async function verifyChatSignInCode(ctx: CoreContext, opts: VerifyChatSignInCodeOptions): Promise<ChatSignedIn> {
  const email = normalizeEmail(opts.email);
  if (!looksLikeEmail(email)) throw accountError("code_invalid", { log: "chat code for a malformed email" });
  const dayKey = failKey(ctx, email);
  const locked = await lockedUntil(ctx, dayKey);
  if (locked) throw accountError("code_locked", { params: { minutes: minutesUntil(ctx, locked) } });
  const found = await findAccountByEmail(ctx, { email });
  const account = found?.status === "ACTIVE" ? found : null;
  const now = ctx.now();
  const row = await ctx.prisma.oneTimeCode.findFirst({
    where: { accountId: account?.id ?? NO_ID, purpose: "CHAT_SIGNIN", subject: opts.channelKey, consumedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, codeHash: true, expiresAt: true },
  });
  const live = row && row.expiresAt > now ? row : null;
  // Take one attempt BEFORE comparing, with a conditional update: guesses fired at once can never get more
  // than maxAttempts comparisons between them (reading `attempts` first and counting after would let them).
  const taken = await ctx.prisma.oneTimeCode.updateMany({
    where: { id: live?.id ?? NO_ID, consumedAt: null, attempts: { lt: POLICY.maxAttempts } },
    data: { attempts: { increment: 1 } },
  });
  const typed = String(opts.code ?? "")
    .slice(0, 64)
    .replace(/\D+/g, "");
  const digest = codeHash(ctx, live?.id ?? NO_ID, typed);
  const right = taken.count === 1 && !!live && typed.length === 6 && sameDigest(digest, live.codeHash);
  if (!account || !live || !right) {
    const detail = !account
      ? "chat code for an email without an active account"
      : !live
        ? "no live chat code"
        : taken.count !== 1
          ? "chat code out of attempts"
          : `wrong chat code for account ${account.id}`;
    const used = await ctx.prisma.oneTimeCode.findUnique({ where: { id: live?.id ?? NO_ID }, select: { attempts: true } });
    const attempts = used?.attempts ?? 0;
    if (attempts >= POLICY.maxAttempts)
      await ctx.prisma.oneTimeCode.updateMany({ where: { id: live?.id ?? NO_ID, consumedAt: null }, data: { consumedAt: now } });
    const daily = await recordFailure(ctx, dayKey, ACCOUNT_POLICY.chatCodeFailDaily);
    await recordAudit(ctx.prisma, {
      // chat_code_failed: a code was compared and wrong; chat_code_refused: nothing to compare (same write).
      at: now,
      actorType: "anonymous",
      action: live && taken.count === 1 ? "account.chat_code_failed" : "account.chat_code_refused",
      entityType: "account",
      entityId: account?.id ?? null,
      data: {
        ...(account ? { attempt: attempts } : { withoutAccount: true }),
        ...(daily.locked ? { dailyLock: daily.lockedUntil!.toISOString() } : {}),
      },
    });
    if (daily.locked && account) {
      ctx.log.warn(
        { component: "accounts", accountId: account.id },
        "chat sign-in locked for a day after repeated wrong codes; owner notified",
      );
      const owner = { to: account.email, lang: asLang(account.lang) };
      const { maxFailures, lockMs } = ACCOUNT_POLICY.chatCodeFailDaily;
      afterReply(ctx, "chat-code lock notice", async () => {
        await enqueueEmail(ctx, {
          template: "accounts:email.chatCodeLocked",
          lang: owner.lang,
          to: owner.to,
          params: { failures: maxFailures, hours: lockMs / 3_600_000 },
        });
      });
    }
    if (daily.locked) throw accountError("code_locked", { params: { minutes: minutesUntil(ctx, daily.lockedUntil!) }, log: detail });
    throw accountError("code_invalid", { log: detail });
  }
  const expiresAt = new Date(now.getTime() + ACCOUNT_POLICY.chatSessionIdleMs);
  await ctx.prisma.$transaction(async (tx) => {
    const used = await tx.oneTimeCode.updateMany({ where: { id: live.id, consumedAt: null }, data: { consumedAt: now } });
    if (used.count !== 1) throw accountError("code_invalid", { log: "chat code consumed concurrently" });
    await tx.session.deleteMany({ where: { channelKey: opts.channelKey } }); // one identity per conversation
    await tx.session.create({ data: { accountId: account.id, channelKey: opts.channelKey, expiresAt, lastSeenAt: now, createdAt: now } });
    await recordAudit(tx, {
      at: now,
      actorType: "parent",
      actorId: account.id,
      action: "account.chat_signed_in",
      entityType: "account",
      entityId: account.id,
      data: { channelKey: opts.channelKey },
    });
  });
  await clearRateLimit(ctx, dayKey);
  ctx.log.info({ component: "accounts", accountId: account.id }, "chat conversation signed in");
  return { accountId: account.id, lang: asLang(account.lang), expiresAt };
}
