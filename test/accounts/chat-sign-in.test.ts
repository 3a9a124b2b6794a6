import {
  findAccountByChannelIdentity,
  getChatSession,
  linkChannelIdentity,
  sendChatSignInCode,
  signOutChat,
  verifyChatSignInCode,
} from "../../core/accounts";
import { makeAccount } from "../factories/families";
import { accountsContext, auditActions, codeOf, errorOf, lastEmailTo, outboxCount, setup, type AccountsTestContext } from "./support";

const t = setup();
let ctx: AccountsTestContext;
beforeEach(() => {
  ctx = accountsContext(t.db());
});

const codeIn = (text: string) => /\n(\d{6})\n/.exec(text)![1];
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

async function codeFor(email: string, channelKey = "conv-1") {
  await sendChatSignInCode(ctx, { email, channelKey, lang: "fr" });
  return codeIn((await lastEmailTo(ctx, email)).text);
}

describe("chat sign-in codes", () => {
  it("emails a 6-digit code stored only as a keyed hash; the right code signs the conversation in", async () => {
    const { account } = await makeAccount(ctx.prisma, { email: "marie.chat@gmail.com", lang: "en" });
    const res = await sendChatSignInCode(ctx, { email: " Marie.Chat@GMAIL.com", channelKey: "conv-1", lang: "fr" });
    expect(res).toEqual({ emailedTo: "m•••••@gmail.com" });
    const mail = await lastEmailTo(ctx, account.email);
    expect(mail.template).toBe("accounts:email.chatCode");
    const code = codeIn(mail.text);
    const row = await ctx.prisma.oneTimeCode.findFirstOrThrow({ where: { accountId: account.id } });
    expect(row).toMatchObject({ purpose: "CHAT_SIGNIN", subject: "conv-1" });
    expect(row.codeHash).not.toContain(code);
    expect(row.expiresAt.getTime() - ctx.now().getTime()).toBe(10 * 60_000);
    expect(ctx.logs()).not.toContain(code);

    const signedIn = await verifyChatSignInCode(ctx, {
      email: account.email,
      code: ` ${code.slice(0, 3)} ${code.slice(3)} `,
      channelKey: "conv-1",
    });
    expect(signedIn).toMatchObject({ accountId: account.id, lang: "en" });
    expect(await getChatSession(ctx, { channelKey: "conv-1" })).toEqual({ accountId: account.id, lang: "en" });
    expect(await codeOf(verifyChatSignInCode(ctx, { email: account.email, code, channelKey: "conv-1" }))).toBe("accounts.code_invalid");
    expect(await auditActions(ctx, account.id)).toEqual(["account.chat_code_sent", "account.chat_signed_in", "account.chat_code_refused"]);
  });

  it("answers an unknown email exactly like a known one, and sends nothing", async () => {
    const { account } = await makeAccount(ctx.prisma, { email: "connu@example.com" });
    const known = await sendChatSignInCode(ctx, { email: account.email, channelKey: "c", lang: "fr" });
    const unknown = await sendChatSignInCode(ctx, { email: "inconnu@example.com", channelKey: "c", lang: "fr" });
    expect(Object.keys(unknown)).toEqual(Object.keys(known));
    expect(unknown.emailedTo).toBe("i•••••@example.com");
    expect(await outboxCount(ctx, { toAddress: "inconnu@example.com" })).toBe(0);
    expect(await codeOf(verifyChatSignInCode(ctx, { email: "inconnu@example.com", code: "123456", channelKey: "c" }))).toBe(
      "accounts.code_invalid",
    );
  });

  it("expires after 10 minutes", async () => {
    const { account } = await makeAccount(ctx.prisma);
    const code = await codeFor(account.email);
    ctx.clock.advance(10 * 60_000);
    expect(await codeOf(verifyChatSignInCode(ctx, { email: account.email, code, channelKey: "conv-1" }))).toBe("accounts.code_invalid");
    expect(await getChatSession(ctx, { channelKey: "conv-1" })).toBeNull();
  });

  it("allows 5 tries per code: after 5 wrong ones even the right code fails", async () => {
    const { account } = await makeAccount(ctx.prisma);
    const code = await codeFor(account.email);
    for (let i = 0; i < 4; i++)
      expect(await codeOf(verifyChatSignInCode(ctx, { email: account.email, code: wrongCode(code), channelKey: "conv-1" }))).toBe(
        "accounts.code_invalid",
      );
    expect(await codeOf(verifyChatSignInCode(ctx, { email: account.email, code, channelKey: "conv-1" }))).toBe("no error");

    const second = await codeFor(account.email, "conv-2");
    for (let i = 0; i < 5; i++)
      await codeOf(verifyChatSignInCode(ctx, { email: account.email, code: wrongCode(second), channelKey: "conv-2" }));
    expect(await codeOf(verifyChatSignInCode(ctx, { email: account.email, code: second, channelKey: "conv-2" }))).toBe(
      "accounts.code_invalid",
    );
    expect((await auditActions(ctx, account.id)).filter((a) => a === "account.chat_code_failed")).toHaveLength(9);
  });

  it("binds the code to its conversation, and only the latest code works", async () => {
    const { account } = await makeAccount(ctx.prisma);
    const first = await codeFor(account.email, "conv-A");
    expect(await codeOf(verifyChatSignInCode(ctx, { email: account.email, code: first, channelKey: "conv-B" }))).toBe(
      "accounts.code_invalid",
    );
    const second = await codeFor(account.email, "conv-A");
    if (first !== second)
      expect(await codeOf(verifyChatSignInCode(ctx, { email: account.email, code: first, channelKey: "conv-A" }))).toBe(
        "accounts.code_invalid",
      );
    expect(await codeOf(verifyChatSignInCode(ctx, { email: account.email, code: second, channelKey: "conv-A" }))).toBe("no error");
  });

  it("limits codes to 3 per 15 minutes per email, known or not", async () => {
    const { account } = await makeAccount(ctx.prisma);
    for (const email of [account.email, "inconnu.rl@example.com"]) {
      for (let i = 0; i < 3; i++) expect(await codeOf(sendChatSignInCode(ctx, { email, channelKey: "c", lang: "fr" }))).toBe("no error");
      const err = await errorOf(sendChatSignInCode(ctx, { email, channelKey: "c", lang: "fr" }));
      expect(err).toMatchObject({ code: "accounts.code_rate_limited", params: { minutes: 15 } });
    }
    ctx.clock.advance(15 * 60_000);
    expect(await codeOf(sendChatSignInCode(ctx, { email: account.email, channelKey: "c", lang: "fr" }))).toBe("no error");
  });
});

describe("chat sessions", () => {
  async function signedIn(channelKey = "conv-s") {
    const { account } = await makeAccount(ctx.prisma);
    const code = await codeFor(account.email, channelKey);
    await verifyChatSignInCode(ctx, { email: account.email, code, channelKey });
    return account;
  }

  it("slides while the parent talks and ends after 30 idle minutes", async () => {
    const account = await signedIn();
    for (let i = 0; i < 4; i++) {
      ctx.clock.advance(29 * 60_000);
      expect(await getChatSession(ctx, { channelKey: "conv-s" })).toMatchObject({ accountId: account.id });
    }
    ctx.clock.advance(30 * 60_000);
    expect(await getChatSession(ctx, { channelKey: "conv-s" })).toBeNull();
    expect(await ctx.prisma.session.count()).toBe(0);
  });

  it("signs out on request, and ends when the account is disabled", async () => {
    const account = await signedIn();
    expect(await signOutChat(ctx, { channelKey: "conv-s" })).toEqual({ signedOut: true });
    expect(await getChatSession(ctx, { channelKey: "conv-s" })).toBeNull();
    expect(await signOutChat(ctx, { channelKey: "conv-s" })).toEqual({ signedOut: false });
    expect(await auditActions(ctx, account.id)).toContain("account.chat_signed_out");

    const other = await signedIn("conv-t");
    await ctx.prisma.account.update({ where: { id: other.id }, data: { status: "DISABLED" } });
    expect(await getChatSession(ctx, { channelKey: "conv-t" })).toBeNull();
  });
});

describe("Teams identity link", () => {
  it("links a Teams user to the account, finds it again, and moves it to the account that proves itself later", async () => {
    const a = (await makeAccount(ctx.prisma, { lang: "en" })).account;
    const b = (await makeAccount(ctx.prisma)).account;
    expect(await findAccountByChannelIdentity(ctx, { channel: "msteams", userKey: "29:abc" })).toBeNull();
    await linkChannelIdentity(ctx, { accountId: a.id, channel: "msteams", userKey: "29:abc" });
    await linkChannelIdentity(ctx, { accountId: a.id, channel: "msteams", userKey: "29:abc" });
    expect(await findAccountByChannelIdentity(ctx, { channel: "msteams", userKey: "29:abc" })).toEqual({ accountId: a.id, lang: "en" });
    await linkChannelIdentity(ctx, { accountId: b.id, channel: "msteams", userKey: "29:abc" });
    expect(await findAccountByChannelIdentity(ctx, { channel: "msteams", userKey: "29:abc" })).toEqual({ accountId: b.id, lang: "fr" });
    expect(await auditActions(ctx, a.id)).toEqual(["account.channel_linked"]);
    expect(await auditActions(ctx, b.id)).toEqual(["account.channel_linked"]);
  });
});
