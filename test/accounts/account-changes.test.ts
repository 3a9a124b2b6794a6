import {
  changePassword,
  changeSecretQuestion,
  getAccountSummary,
  getSecretQuestion,
  resetPasswordWithSecretAnswer,
  sendLoginIdReminder,
  signIn,
} from "../../core/accounts";
import { makeAccount, makeFamily } from "../factories/families";
import { accountsContext, auditActions, codeOf, emailsTo, lastEmailTo, outboxCount, setup, type AccountsTestContext } from "./support";

const t = setup();
let ctx: AccountsTestContext;
beforeEach(() => {
  ctx = accountsContext(t.db());
});

describe("changePassword", () => {
  it("changes the password after checking the current one, clears mustChangePassword, audits", async () => {
    const { account, password } = await makeAccount(ctx.prisma, { mustChangePassword: true });
    const summary = await changePassword(ctx, { accountId: account.id, currentPassword: password, newPassword: "Printemps2027" });
    expect(summary.mustChangePassword).toBe(false);
    expect(await codeOf(signIn(ctx, { email: account.email, password }))).toBe("accounts.signin_invalid");
    expect(await codeOf(signIn(ctx, { email: account.email, password: "Printemps2027" }))).toBe("no error");
    expect(await auditActions(ctx, account.id)).toContain("account.password_changed");
    expect(ctx.logs()).not.toContain("Printemps2027");
  });

  it("refuses a wrong current password, a new one equal to it, or one against the policy", async () => {
    const { account, password } = await makeAccount(ctx.prisma);
    expect(await codeOf(changePassword(ctx, { accountId: account.id, currentPassword: "Mauvais123", newPassword: "Printemps2027" }))).toBe(
      "accounts.password_wrong",
    );
    expect(await codeOf(changePassword(ctx, { accountId: account.id, currentPassword: password, newPassword: password }))).toBe(
      "accounts.password_same_as_current",
    );
    expect(await codeOf(changePassword(ctx, { accountId: account.id, currentPassword: password, newPassword: "printemps" }))).toBe(
      "accounts.password_needs_digit",
    );
    expect(
      await codeOf(
        changePassword(ctx, { accountId: "00000000-0000-0000-0000-000000000000", currentPassword: password, newPassword: "Printemps2027" }),
      ),
    ).toBe("accounts.account_not_found");
  });
});

describe("changeSecretQuestion", () => {
  it("replaces the question and the answer (folded) after checking the password", async () => {
    const { account, password } = await makeAccount(ctx.prisma);
    await changeSecretQuestion(ctx, { accountId: account.id, password, questionId: "elementary_school", answer: "Gabrielle-Roy" });
    expect(await getSecretQuestion(ctx, { email: account.email })).toEqual({ question: "Quel est le nom de votre école primaire?" });
    expect(await getSecretQuestion(ctx, { email: account.email, lang: "en" })).toEqual({
      question: "What is the name of your elementary school?",
    });
    expect(await codeOf(resetPasswordWithSecretAnswer(ctx, { email: account.email, answer: "Le Petit Prince" }))).toBe(
      "accounts.secret_answer_wrong",
    );
    expect(await codeOf(resetPasswordWithSecretAnswer(ctx, { email: account.email, answer: "gabrielle roy" }))).toBe("no error");
    expect(await auditActions(ctx, account.id)).toContain("account.secret_question_changed");
    expect(ctx.logs()).not.toContain("Gabrielle-Roy");
  });

  it("refuses a wrong password and an empty answer", async () => {
    const { account, password } = await makeAccount(ctx.prisma);
    expect(
      await codeOf(
        changeSecretQuestion(ctx, { accountId: account.id, password: "Mauvais123", questionId: "first_pet", answer: "Réponse" }),
      ),
    ).toBe("accounts.password_wrong");
    expect(await codeOf(changeSecretQuestion(ctx, { accountId: account.id, password, questionId: "first_pet", answer: "  " }))).toBe(
      "accounts.secret_answer_too_short",
    );
  });

  it("accepts only a question of the portal's list, by its id (a free-text question could never match a decoy)", async () => {
    const { account, password } = await makeAccount(ctx.prisma);
    for (const questionId of [
      "Dans quelle ville êtes-vous né?",
      "Quel est le nom de votre école primaire?",
      "Q?",
      "",
      "constructor",
      "first_pet\u0000",
    ]) {
      expect([
        questionId,
        await codeOf(changeSecretQuestion(ctx, { accountId: account.id, password, questionId, answer: "Réponse" })),
      ]).toEqual([questionId, "accounts.secret_question_invalid"]);
    }
    expect((await ctx.prisma.account.findUniqueOrThrow({ where: { id: account.id } })).secretQuestionId).toBe("favourite_character");
  });
});

describe("sendLoginIdReminder (« Récupérez votre identifiant de connexion »)", () => {
  it("emails the login id found by email, or by name and civic number; neutral for everything else", async () => {
    const { guardian } = await makeFamily(ctx.prisma, {
      guardian: { givenName: "Jean-François", familyName: "Bélanger", civicNumber: "88B" },
    });
    const { account } = await makeAccount(ctx.prisma, { guardian, lang: "en" });
    expect(await sendLoginIdReminder(ctx, { email: account.email.toUpperCase() })).toEqual({ accepted: true });
    const mail = await lastEmailTo(ctx, account.email);
    expect(mail.template).toBe("accounts:email.loginId");
    expect(mail.lang).toBe("en");
    expect(mail.text).toContain(account.email);
    expect(await sendLoginIdReminder(ctx, { givenName: "jean francois", familyName: "BELANGER", civicNumber: "88" })).toEqual({
      accepted: true,
    });
    expect(await emailsTo(ctx, account.email)).toHaveLength(2);
    expect(await sendLoginIdReminder(ctx, { givenName: "Jean-François", familyName: "Bélanger", civicNumber: "89" })).toEqual({
      accepted: true,
    });
    expect(await sendLoginIdReminder(ctx, { email: "personne@example.com" })).toEqual({ accepted: true });
    expect(await sendLoginIdReminder(ctx, {})).toEqual({ accepted: true });
    expect(await outboxCount(ctx)).toBe(2);
    expect(await auditActions(ctx, account.id)).toEqual(["account.login_id_sent", "account.login_id_sent"]);
  });

  it("sends at most 3 reminders an hour to one account", async () => {
    const { account } = await makeAccount(ctx.prisma);
    for (let i = 0; i < 5; i++) await sendLoginIdReminder(ctx, { email: account.email });
    expect(await emailsTo(ctx, account.email)).toHaveLength(3);
    ctx.clock.advance(3600_000);
    await sendLoginIdReminder(ctx, { email: account.email });
    expect(await emailsTo(ctx, account.email)).toHaveLength(4);
  });
});

describe("getAccountSummary", () => {
  it("returns the DTO without hashes", async () => {
    const { guardian } = await makeFamily(ctx.prisma, { guardian: { givenName: "Luc", familyName: "Roy" } });
    const { account } = await makeAccount(ctx.prisma, { guardian });
    const summary = await getAccountSummary(ctx, { accountId: account.id });
    expect(summary).toEqual({
      id: account.id,
      email: account.email,
      status: "ACTIVE",
      lang: "fr",
      mustChangePassword: false,
      guardian: { givenName: "Luc", familyName: "Roy" },
    });
  });
});
