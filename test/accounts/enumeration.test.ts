// Known and unknown emails must be told the same thing (code, message key, params, and the error's message,
// which an edge may print), with only the operator's `detail` differing; and the daily caps on secret answers
// and chat codes (OWASP ASVS V2.2) hold for both alike, the account's owner being told by email.
import { resetPasswordWithSecretAnswer, sendChatSignInCode, signIn, verifyChatSignInCode } from "../../core/accounts";
import { settleAfterReply } from "../../core/util/after-reply";
import { makeAccount } from "../factories/families";
import {
  accountsContext,
  auditActions,
  codeOf,
  emailsTo,
  lastEmailTo,
  seenAnswer,
  setup,
  type AccountsTestContext,
  type SeenAnswer,
} from "./support";

const t = setup();
let ctx: AccountsTestContext;
beforeEach(() => {
  ctx = accountsContext(t.db());
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** What a person can be shown: everything but the operator's detail. */
const shown = ({ detail: _detail, ...rest }: SeenAnswer) => rest;

const codeIn = (text: string) => /\n(\d{6})\n/.exec(text)![1];
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("what a person is told does not depend on whether the email has an account", () => {
  it("sign-in, secret answers and chat codes: same code, key, params and message; the difference is only in `detail`", async () => {
    const { account } = await makeAccount(ctx.prisma, { email: "connue@example.com" });
    const unknown = "inconnue@example.com";
    const scenario = async (email: string): Promise<SeenAnswer[]> => {
      const out: SeenAnswer[] = [];
      for (let i = 0; i < 6; i++) out.push(await seenAnswer(signIn(ctx, { email, password: `Faux${i}-2026` })));
      for (let i = 0; i < 6; i++) out.push(await seenAnswer(resetPasswordWithSecretAnswer(ctx, { email, answer: `mauvaise ${i}` })));
      out.push(await seenAnswer(sendChatSignInCode(ctx, { email, channelKey: `c-${email}`, lang: "fr" })));
      for (let i = 0; i < 3; i++)
        out.push(await seenAnswer(verifyChatSignInCode(ctx, { email, code: "000000", channelKey: `c-${email}` })));
      return out;
    };
    const known = await scenario(account.email);
    const other = await scenario(unknown);
    expect(other.map(shown)).toEqual(known.map(shown));
    // The message is the code itself: nothing an edge prints names an account or a state.
    for (const s of [...known, ...other].filter((x) => x.code !== "no error")) expect(s.message).toBe(s.code);
    expect(known.some((s) => s.detail?.includes(account.id))).toBe(true);
    expect(other.some((s) => s.detail?.includes("without an active account") || s.detail?.includes("unknown email"))).toBe(true);
    expect(JSON.stringify(other.map(shown))).not.toContain(account.id);
  });
});

describe("daily cap on secret answers (10 a day, then 24 h)", () => {
  async function tenWrong(email: string): Promise<SeenAnswer[]> {
    const out: SeenAnswer[] = [];
    for (let i = 1; i <= 10; i++) {
      out.push(shown(await seenAnswer(resetPasswordWithSecretAnswer(ctx, { email, answer: `mauvaise ${i}` }))));
      if (i === 5) ctx.clock.advance(31 * MINUTE); // the short lock waited out, as an attacker would
    }
    return out;
  }

  it("locks the reset for 24 hours at the 10th wrong answer of the day and tells the owner, in the account's language", async () => {
    const { account, secretAnswer } = await makeAccount(ctx.prisma, { lang: "en" });
    const out = await tenWrong(account.email);
    expect(out.slice(5, 9).map((s) => [s.code, s.params])).toEqual(
      [4, 3, 2, 1].map((n) => ["accounts.secret_answer_wrong", { attemptsLeft: n }]),
    );
    expect(out[9]).toMatchObject({ code: "accounts.secret_locked", params: { minutes: 24 * 60 } });
    const mail = await lastEmailTo(ctx, account.email);
    expect(mail.template).toBe("accounts:email.secretLocked");
    expect(mail.lang).toBe("en");
    expect(mail.text).toContain("We received 10 wrong answers to your secret question in less than 24 hours.");
    expect(mail.text).toContain("blocked for 24 hours");
    expect(mail.text).not.toContain(secretAnswer);
    expect((await emailsTo(ctx, account.email)).filter((m) => m.template === "accounts:email.secretLocked")).toHaveLength(1);

    ctx.clock.advance(23 * HOUR);
    expect(await codeOf(resetPasswordWithSecretAnswer(ctx, { email: account.email, answer: secretAnswer }))).toBe("accounts.secret_locked");
    ctx.clock.advance(HOUR);
    expect(await codeOf(resetPasswordWithSecretAnswer(ctx, { email: account.email, answer: secretAnswer }))).toBe("no error");
    expect(await auditActions(ctx, account.id)).toContain("account.password_reset");
  });

  it("answers an email without an account exactly the same way, and emails nobody", async () => {
    const { account } = await makeAccount(ctx.prisma);
    const known = await tenWrong(account.email);
    ctx.clock.advance(25 * HOUR);
    const unknown = await tenWrong("personne.jour@example.com");
    expect(unknown).toEqual(known);
    expect(await emailsTo(ctx, "personne.jour@example.com")).toHaveLength(0);
  });

  it("forgives the day's failures after a right answer", async () => {
    const { account, secretAnswer } = await makeAccount(ctx.prisma);
    for (let i = 0; i < 4; i++) await codeOf(resetPasswordWithSecretAnswer(ctx, { email: account.email, answer: "non" }));
    expect(await codeOf(resetPasswordWithSecretAnswer(ctx, { email: account.email, answer: secretAnswer }))).toBe("no error");
    const after = await tenWrong(account.email);
    expect(after[9].code).toBe("accounts.secret_locked");
    expect(after[8]).toMatchObject({ code: "accounts.secret_answer_wrong", params: { attemptsLeft: 1 } });
  });
});

describe("daily caps on chat codes", () => {
  it("sends at most 10 codes a day per email, known or not", async () => {
    const { account } = await makeAccount(ctx.prisma);
    const run = async (email: string) => {
      const out: string[] = [];
      for (let i = 1; i <= 11; i++) {
        out.push(await codeOf(sendChatSignInCode(ctx, { email, channelKey: "c", lang: "fr" })));
        if (i % 3 === 0) ctx.clock.advance(15 * MINUTE);
      }
      return out;
    };
    const known = await run(account.email);
    expect(known).toEqual([...Array(10).fill("no error"), "accounts.code_rate_limited"]);
    expect((await emailsTo(ctx, account.email)).filter((m) => m.template === "accounts:email.chatCode")).toHaveLength(10);
    expect(await run("inconnu.codes@example.com")).toEqual(known);
  });

  it("locks chat sign-in for 24 hours at the 10th wrong code of the day, tells the owner, then lets the right code in", async () => {
    const { account } = await makeAccount(ctx.prisma, { lang: "fr" });
    const out: string[] = [];
    for (let round = 0; round < 2; round++) {
      await sendChatSignInCode(ctx, { email: account.email, channelKey: "conv", lang: "fr" });
      const code = codeIn((await lastEmailTo(ctx, account.email)).text);
      for (let i = 0; i < 5; i++)
        out.push(await codeOf(verifyChatSignInCode(ctx, { email: account.email, code: wrongCode(code), channelKey: "conv" })));
    }
    expect(out).toEqual([...Array(9).fill("accounts.code_invalid"), "accounts.code_locked"]);
    const mail = await lastEmailTo(ctx, account.email);
    expect(mail.template).toBe("accounts:email.chatCodeLocked");
    expect(mail.text).toContain("Nous avons reçu 10 codes de vérification incorrects");
    const locked = await seenAnswer(sendChatSignInCode(ctx, { email: account.email, channelKey: "conv", lang: "fr" }));
    expect(locked).toMatchObject({ code: "accounts.code_locked", params: { minutes: 24 * 60 } });

    ctx.clock.advance(24 * HOUR);
    await sendChatSignInCode(ctx, { email: account.email, channelKey: "conv", lang: "fr" });
    const code = codeIn((await lastEmailTo(ctx, account.email)).text);
    expect(await codeOf(verifyChatSignInCode(ctx, { email: account.email, code, channelKey: "conv" }))).toBe("no error");
  });

  it("locks an email without an account after the same number of guesses, with the same answers", async () => {
    const { account } = await makeAccount(ctx.prisma);
    const run = async (email: string) => {
      const out: SeenAnswer[] = [];
      out.push(shown(await seenAnswer(sendChatSignInCode(ctx, { email, channelKey: "k", lang: "fr" }))));
      for (let i = 0; i < 11; i++) out.push(shown(await seenAnswer(verifyChatSignInCode(ctx, { email, code: "123456", channelKey: "k" }))));
      out.push(shown(await seenAnswer(sendChatSignInCode(ctx, { email, channelKey: "k", lang: "fr" }))));
      return out;
    };
    const known = await run(account.email);
    await settleAfterReply(ctx);
    expect(known[10]).toMatchObject({ code: "accounts.code_locked", params: { minutes: 24 * 60 } });
    expect(known[12]).toMatchObject({ code: "accounts.code_locked" });
    expect(await run("sans.compte.code@example.com")).toEqual(known);
    expect(await emailsTo(ctx, "sans.compte.code@example.com")).toHaveLength(0);
  });
});
