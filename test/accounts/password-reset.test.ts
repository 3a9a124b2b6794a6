import { changePassword, getSecretQuestion, listSecretQuestions, resetPasswordWithSecretAnswer, signIn } from "../../core/accounts";
import { claimDueEmails, markEmailSent, WIPED_BODY } from "../../core/outbox";
import { makeAccount, makeFamily } from "../factories/families";
import { accountsContext, auditActions, codeOf, errorOf, lastEmailTo, outboxCount, setup, type AccountsTestContext } from "./support";

const t = setup();
let ctx: AccountsTestContext;
beforeEach(() => {
  ctx = accountsContext(t.db());
});

const QUESTION = "Quel est le nom de votre personnage fictif préféré?";
const allTexts = () => listSecretQuestions().flatMap((q) => [q.text.fr, q.text.en]);
const idOf = (text: string) => listSecretQuestions().find((q) => q.text.fr === text || q.text.en === text)?.id;

function temporaryPasswordIn(text: string): string {
  const m = /mot de passe temporaire est (\S+)|temporary password is (\S+)/.exec(text);
  if (!m) throw new Error("no temporary password in the email");
  return m[1] ?? m[2];
}

describe("getSecretQuestion (seed 1 §3.1)", () => {
  it("returns the account's question, for the email in any case, in the conversation's language", async () => {
    const { account } = await makeAccount(ctx.prisma, { email: "adzo.test@yahoo.com", secretQuestionId: "favourite_character" });
    expect(await getSecretQuestion(ctx, { email: " ADZO.test@Yahoo.com" })).toEqual({ question: QUESTION });
    expect(await getSecretQuestion(ctx, { email: account.email, lang: "fr" })).toEqual({ question: QUESTION });
    expect(await getSecretQuestion(ctx, { email: account.email, lang: "en" })).toEqual({
      question: "What is the name of your favourite fictional character?",
    });
    expect(account.secretAnswerHash).toBeTruthy();
  });

  it("without a conversation language, shows the question in the account's language", async () => {
    const { account } = await makeAccount(ctx.prisma, { lang: "en", secretQuestionId: "mother_maiden_name" });
    expect(await getSecretQuestion(ctx, { email: account.email })).toEqual({ question: "What is your mother's maiden name?" });
  });

  it("gives an unknown email a stable decoy from the portal's own list, in the same shape", async () => {
    const first = await getSecretQuestion(ctx, { email: "personne.x@example.com" });
    expect(Object.keys(first)).toEqual(["question"]);
    expect(allTexts()).toContain(first.question);
    for (let i = 0; i < 3; i++) expect(await getSecretQuestion(ctx, { email: "Personne.X@example.com" })).toEqual(first);
    // In a conversation's language it is the same question, translated, exactly as a real one is.
    const fr = await getSecretQuestion(ctx, { email: "personne.x@example.com", lang: "fr" });
    const en = await getSecretQuestion(ctx, { email: "personne.x@example.com", lang: "en" });
    expect(listSecretQuestions().find((q) => q.text.fr === fr.question)?.text.en).toBe(en.question);
    expect(idOf(first.question)).toBe(idOf(fr.question));
    // Different emails do not all get the same decoy.
    const many = new Set<string>();
    for (let i = 0; i < 40; i++) many.add(idOf((await getSecretQuestion(ctx, { email: `x${i}@example.com`, lang: "fr" })).question)!);
    expect(many.size).toBeGreaterThan(1);
    // Decoys come from the one list: every question of it, the demo's ones included, can be a decoy.
    for (let i = 0; many.size < listSecretQuestions().length && i < 400; i++)
      many.add(idOf((await getSecretQuestion(ctx, { email: `y${i}@example.com`, lang: "fr" })).question)!);
    expect([...many].sort()).toEqual(
      listSecretQuestions()
        .map((q) => q.id)
        .sort(),
    );
  });

  it("gives a decoy to an account that has no secret question yet", async () => {
    const { account } = await makeAccount(ctx.prisma, { status: "PENDING_VALIDATION" });
    expect(allTexts()).toContain((await getSecretQuestion(ctx, { email: account.email })).question);
  });
});

describe("resetPasswordWithSecretAnswer", () => {
  it.each(["Le Petit Prince", "le petit prince", "LE PETIT-PRINCE", "  lepetitprince ", "Le Pétit Prince."])(
    "accepts « %s » for « Le Petit Prince » (case, accents, spaces and punctuation folded)",
    async (answer) => {
      const { account } = await makeAccount(ctx.prisma, { secretAnswer: "Le Petit Prince" });
      expect(await codeOf(resetPasswordWithSecretAnswer(ctx, { email: account.email, answer }))).toBe("no error");
    },
  );

  it("emails a temporary password with the seed's wording; it works once, must be changed, and is nowhere else", async () => {
    const { guardian } = await makeFamily(ctx.prisma, { guardian: { email: "marie.reset@gmail.com" } });
    const { account, secretAnswer, password: oldPassword } = await makeAccount(ctx.prisma, { guardian });
    const res = await resetPasswordWithSecretAnswer(ctx, { email: "Marie.Reset@GMAIL.com ", answer: secretAnswer });
    expect(res).toEqual({ emailedTo: "m•••••@gmail.com" });

    const mail = await lastEmailTo(ctx, account.email);
    expect(mail.template).toBe("accounts:email.passwordReset");
    expect(mail.lang).toBe("fr");
    const temp = temporaryPasswordIn(mail.text);
    expect(temp).toHaveLength(12);
    expect(temp).toMatch(/[A-Za-z]/);
    expect(temp).toMatch(/[2-9]/);
    expect(temp).toMatch(/[!#$%*+=?@]/);
    expect(temp).not.toMatch(/[0O1lI]/);
    for (const sentence of [
      "Bonjour,",
      "Vous avez demandé la réinitialisation du mot de passe de votre compte de Portail des parents.",
      `Votre nouveau mot de passe temporaire est ${temp}`,
      "Le mot de passe doit être tapé exactement tel qu'il apparaît ci-dessus.",
      "Dirigez-vous sur le Portail des parents afin de vous y connecter avec votre nouveau mot de passe.",
      "Une fois connecté, nous vous suggérons fortement de changer votre mot de passe en cliquant sur :",
      "• Gestion de mon compte",
      "• puis, sur Changer mon mot de passe",
      "Si vous avez des questions, n'hésitez pas à contacter l'école de votre enfant.",
      "Merci et bonne navigation!",
      "L'équipe du portail",
    ])
      expect(mail.text).toContain(sentence);

    expect(JSON.stringify(res)).not.toContain(temp);
    expect(ctx.logs()).not.toContain(temp);
    expect(ctx.logs()).not.toContain(secretAnswer);
    expect(ctx.logs()).toContain("password reset by secret question");
    const audit = await ctx.prisma.auditEvent.findMany();
    expect(JSON.stringify(audit)).not.toContain(temp);
    expect(audit.map((a) => a.action)).toEqual(["account.password_reset"]);

    expect(await codeOf(signIn(ctx, { email: account.email, password: oldPassword }))).toBe("accounts.signin_invalid");
    const signedIn = await signIn(ctx, { email: account.email, password: temp });
    expect(signedIn.mustChangePassword).toBe(true);
    await changePassword(ctx, { accountId: account.id, currentPassword: temp, newPassword: "Nouveau2026" });
    expect((await signIn(ctx, { email: account.email, password: "Nouveau2026" })).mustChangePassword).toBe(false);
  });

  it("writes the email in English for an English account", async () => {
    const { account, secretAnswer } = await makeAccount(ctx.prisma, { lang: "en" });
    await resetPasswordWithSecretAnswer(ctx, { email: account.email, answer: secretAnswer });
    const mail = await lastEmailTo(ctx, account.email);
    expect(mail.lang).toBe("en");
    const temp = temporaryPasswordIn(mail.text);
    expect(mail.text).toContain("You asked to reset the password of your Parent Portal account.");
    expect(mail.text).toContain(`Your new temporary password is ${temp}`);
    expect(mail.text).toContain("Thank you and happy browsing!");
  });

  it("counts wrong answers, locks at the 5th for 30 minutes, answers the 10th cleanly, then lets the right answer through", async () => {
    const { account, secretAnswer } = await makeAccount(ctx.prisma);
    const seen: { code: string; params: Record<string, unknown> }[] = [];
    for (let i = 1; i <= 10; i++) {
      const e = await errorOf(resetPasswordWithSecretAnswer(ctx, { email: account.email, answer: `Mauvaise ${i}` }));
      seen.push({ code: e.code, params: e.params });
    }
    expect(seen.slice(0, 4)).toEqual([4, 3, 2, 1].map((n) => ({ code: "accounts.secret_answer_wrong", params: { attemptsLeft: n } })));
    expect(seen.slice(4).every((s) => s.code === "accounts.secret_locked")).toBe(true);
    expect(seen[9].params).toEqual({ minutes: 30 });
    expect(await codeOf(resetPasswordWithSecretAnswer(ctx, { email: account.email, answer: secretAnswer }))).toBe("accounts.secret_locked");
    const actions = await auditActions(ctx, account.id);
    expect(actions.filter((a) => a === "account.secret_answer_failed")).toHaveLength(4);
    expect(actions).toContain("account.secret_locked");
    expect(await outboxCount(ctx)).toBe(0);
    ctx.clock.advance(30 * 60_000);
    expect(await codeOf(resetPasswordWithSecretAnswer(ctx, { email: account.email, answer: secretAnswer }))).toBe("no error");
  });

  it("fails the decoy exactly like a wrong answer, including the countdown and the lock", async () => {
    const { account } = await makeAccount(ctx.prisma);
    const run = async (email: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 7; i++) {
        const e = await errorOf(resetPasswordWithSecretAnswer(ctx, { email, answer: `essai ${i}` }));
        out.push({ code: e.code, userKey: e.userKey, params: e.params, keys: Object.keys(e).sort() });
      }
      return out;
    };
    expect(await run("inconnu.decoy@example.com")).toEqual(await run(account.email));
    // The decoy's answer can never be right, not even the « usual » answer.
    ctx.clock.advance(31 * 60_000);
    expect(await codeOf(resetPasswordWithSecretAnswer(ctx, { email: "autre.decoy@example.com", answer: "Le Petit Prince" }))).toBe(
      "accounts.secret_answer_wrong",
    );
  });
});

describe("the temporary password in the outbox", () => {
  it("is wiped from the stored email once it is delivered", async () => {
    const { account, secretAnswer } = await makeAccount(ctx.prisma);
    await resetPasswordWithSecretAnswer(ctx, { email: account.email, answer: secretAnswer });
    const temp = temporaryPasswordIn((await lastEmailTo(ctx, account.email)).text);
    const [claim] = await claimDueEmails(ctx);
    expect(claim.text).toContain(temp); // the deliverer still gets it
    expect(await markEmailSent(ctx, claim)).toBe(true);
    const row = await lastEmailTo(ctx, account.email);
    expect(row.status).toBe("SENT");
    expect(JSON.stringify(row)).not.toContain(temp);
    expect(row.text).toBe(WIPED_BODY);
  });
});
