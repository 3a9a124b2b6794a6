// What an attacker tries against the account flows: many guesses fired at once (attempt limits must hold
// under concurrency), huge inputs (clean answers, no event-loop stalls), and probing the decoy question
// for a difference that tells emails with an account from those without.
import {
  getSecretQuestion,
  listSecretQuestions,
  resetPasswordWithSecretAnswer,
  sendChatSignInCode,
  signIn,
  verifyChatSignInCode,
} from "../../core/accounts";
import { looksLikeEmail } from "../../core/util/text";
import { makeAccount } from "../factories/families";
import { accountsContext, auditActions, codeOf, lastEmailTo, outboxCount, setup, type AccountsTestContext } from "./support";

const t = setup();
let ctx: AccountsTestContext;
beforeEach(() => {
  ctx = accountsContext(t.db());
});

describe("huge or hostile input", () => {
  it("rejects a megabyte-long dotted « email » at once instead of backtracking on it", () => {
    expect(looksLikeEmail("a@" + "a.".repeat(500_000) + "@")).toBe(false);
    expect(looksLikeEmail("a".repeat(250) + "@b.ca")).toBe(false);
    expect(looksLikeEmail("marie@gmail.com")).toBe(true);
  });

  it("answers sign-in with a huge email or a huge password with the neutral error", async () => {
    const { account } = await makeAccount(ctx.prisma);
    expect(await codeOf(signIn(ctx, { email: "a@" + "a.".repeat(200_000) + "@", password: "x" }))).toBe("accounts.signin_invalid");
    expect(await codeOf(signIn(ctx, { email: account.email, password: "x".repeat(5_000_000) }))).toBe("accounts.signin_invalid");
  });
});

describe("attempt limits under concurrency", () => {
  it("evaluates at most 5 guesses of one chat code, even when 12 arrive at once", async () => {
    const { account } = await makeAccount(ctx.prisma);
    await sendChatSignInCode(ctx, { email: account.email, channelKey: "conv-race", lang: "fr" });
    const code = /\n(\d{6})\n/.exec((await lastEmailTo(ctx, account.email)).text)![1];
    const wrong = (i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0");
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        codeOf(verifyChatSignInCode(ctx, { email: account.email, code: wrong(i), channelKey: "conv-race" })),
      ),
    );
    // 12 failures in a day: the 10th starts the daily lock (accounts.code_locked from then on).
    expect(results.every((r) => r === "accounts.code_invalid" || r === "accounts.code_locked")).toBe(true);
    expect(results).toContain("accounts.code_locked");
    expect((await auditActions(ctx, account.id)).filter((a) => a === "account.chat_code_failed")).toHaveLength(5);
    expect(await codeOf(verifyChatSignInCode(ctx, { email: account.email, code, channelKey: "conv-race" }))).toBe("accounts.code_locked");
  });

  it("checks at most 5 secret answers, even when 10 arrive at once", async () => {
    const { account } = await makeAccount(ctx.prisma);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => codeOf(resetPasswordWithSecretAnswer(ctx, { email: account.email, answer: `mauvaise ${i}` }))),
    );
    expect(results.filter((r) => r === "accounts.secret_answer_wrong").length).toBeLessThanOrEqual(4);
    expect(await outboxCount(ctx)).toBe(0);
    expect(results.every((r) => r === "accounts.secret_answer_wrong" || r === "accounts.secret_locked")).toBe(true);
    // Each compared answer leaves one failure event (the 5th may be the lock itself): never more than 5.
    const actions = await auditActions(ctx, account.id);
    expect(actions.filter((a) => a === "account.secret_answer_failed").length).toBeLessThanOrEqual(5);
    expect(actions).toContain("account.secret_locked");
    expect((await ctx.prisma.account.findUniqueOrThrow({ where: { id: account.id } })).secretLockedUntil).not.toBeNull();
  });

  it("checks at most 5 passwords, even when 10 arrive at once", async () => {
    const { account, password } = await makeAccount(ctx.prisma);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => codeOf(signIn(ctx, { email: account.email, password: `Faux${i}xyz1` }))),
    );
    expect(results.every((r) => r === "accounts.signin_invalid" || r === "accounts.signin_locked")).toBe(true);
    const actions = await auditActions(ctx, account.id);
    expect(actions.filter((a) => a === "account.signin_failed").length).toBeLessThanOrEqual(5);
    expect(actions).toContain("account.signin_locked");
    expect(await codeOf(signIn(ctx, { email: account.email, password }))).toBe("accounts.signin_locked");
  });
});

describe("decoy questions", () => {
  const questions = () => listSecretQuestions();
  const lookup = (text: string) => {
    for (const q of questions()) for (const lang of ["fr", "en"] as const) if (q.text[lang] === text) return { id: q.id, lang };
    return null;
  };

  it("follow the language the attacker asks in exactly as a real question does (same question, translated)", async () => {
    const { account } = await makeAccount(ctx.prisma, { lang: "fr", secretQuestionId: "birth_city" });
    const emails = [account.email, ...Array.from({ length: 30 }, (_, i) => `sans.compte.${i}@example.com`)];
    for (const email of emails) {
      const fr = lookup((await getSecretQuestion(ctx, { email, lang: "fr" })).question);
      const en = lookup((await getSecretQuestion(ctx, { email, lang: "en" })).question);
      expect([email, fr?.lang, en?.lang]).toEqual([email, "fr", "en"]);
      expect([email, en?.id]).toEqual([email, fr?.id]);
    }
  });

  it("never show a question a decoy could not produce: the demo's « né? » and « jeune fille » are in the list", async () => {
    const { account: a } = await makeAccount(ctx.prisma, { secretQuestionId: "birth_city" });
    const { account: b } = await makeAccount(ctx.prisma, { secretQuestionId: "mother_maiden_name" });
    for (const email of [a.email, b.email]) expect(lookup((await getSecretQuestion(ctx, { email })).question)).not.toBeNull();
    // A stored id that is not (or no longer) in the list is never shown: the email gets its decoy.
    const { account: c } = await makeAccount(ctx.prisma, { secretQuestionId: "removed_question" });
    const shown = (await getSecretQuestion(ctx, { email: c.email, lang: "fr" })).question;
    expect(lookup(shown)).not.toBeNull();
    expect(await codeOf(resetPasswordWithSecretAnswer(ctx, { email: c.email, answer: "Le Petit Prince" }))).toBe(
      "accounts.secret_answer_wrong",
    );
  });
});
