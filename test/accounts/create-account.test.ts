import crypto from "node:crypto";
import {
  checkValidationToken,
  completeAccountCreation,
  requestAccountCreation,
  signIn,
  validateAccountEmail,
  type RequestAccountCreationOptions,
} from "../../core/accounts";
import { makeAccount, makeFamily, makeSchool, makeStudent, linkGuardian, day } from "../factories/families";
import { accountsContext, auditActions, codeOf, errorOf, lastEmailTo, setup, type AccountsTestContext } from "./support";

const t = setup();
let ctx: AccountsTestContext;
beforeEach(() => {
  ctx = accountsContext(t.db());
});

/** A family of two children (the second the youngest) and the form a parent would fill in. */
async function familyAndForm(overrides: Partial<RequestAccountCreationOptions> = {}) {
  const older = await makeSchool(ctx.prisma, {
    code: `ESP-${crypto.randomBytes(3).toString("hex")}`,
    name: "École secondaire publique De La Salle",
  });
  const younger = await makeSchool(ctx.prisma, { name: "École élémentaire publique Carrefour Jeunesse" });
  const fam = await makeFamily(ctx.prisma, {
    children: 2,
    schools: [older, younger],
    birthDates: ["2012-03-04", "2016-01-01"],
    guardian: {
      givenName: "Éloïse",
      familyName: "Côté-Dubé",
      civicNumber: "2445",
      email: `eloise.${crypto.randomBytes(3).toString("hex")}@gmail.com`,
    },
  });
  const form: RequestAccountCreationOptions = {
    email: fam.guardian.email!,
    familyName: "Côté-Dubé",
    givenName: "Éloïse",
    youngestChildBirthDate: "2016-01-01",
    youngestChildSchoolCode: younger.code,
    civicNumber: "2445",
    lang: "fr",
    ...overrides,
  };
  return { ...fam, older, younger, form };
}

function tokenFrom(text: string): string {
  const m = /\/compte\/valider\?jeton=([A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error("no validation link in the email");
  return decodeURIComponent(m[1]);
}

describe("validateAccountEmail (seed 1 §1.2, « Valider le courriel »)", () => {
  it("accepts the email a child's record lists, whatever its case and spaces", async () => {
    const { guardian } = await makeFamily(ctx.prisma, { guardian: { email: "marie.tremblay.x1@gmail.com" } });
    expect(await validateAccountEmail(ctx, { email: "  Marie.Tremblay.X1 @GMAIL.com " })).toEqual({ email: guardian.email });
  });

  it("refuses an email that is in no contact, with the seed's message key", async () => {
    await makeFamily(ctx.prisma);
    const err = await errorOf(validateAccountEmail(ctx, { email: "inconnu@example.com" }));
    expect(err.code).toBe("accounts.email_not_in_contacts");
    expect(err.userKey).toBe("errors:accounts.email_not_in_contacts");
  });

  it("refuses the email of a guardian whose only child is no longer active", async () => {
    const school = await makeSchool(ctx.prisma);
    const fam = await makeFamily(ctx.prisma, { school, student: { active: false } });
    expect(await codeOf(validateAccountEmail(ctx, { email: fam.guardian.email! }))).toBe("accounts.email_not_in_contacts");
  });

  it("tells an email that already has an active account apart (suggest the reset), and refuses a malformed one", async () => {
    const { guardian } = await makeFamily(ctx.prisma);
    await makeAccount(ctx.prisma, { guardian });
    expect(await codeOf(validateAccountEmail(ctx, { email: guardian.email! }))).toBe("accounts.account_already_active");
    expect(await codeOf(validateAccountEmail(ctx, { email: "pas un courriel" }))).toBe("accounts.invalid_email");
  });
});

describe("requestAccountCreation (« Information du parent »)", () => {
  it("creates a pending account and queues the validation link, the token stored only as its SHA-256", async () => {
    const { guardian, form } = await familyAndForm({ email: "" });
    const res = await requestAccountCreation(ctx, { ...form, email: guardian.email!.toUpperCase() });
    expect(res.emailedTo).toMatch(/^e•••••@gmail\.com$/);
    const account = await ctx.prisma.account.findUniqueOrThrow({ where: { id: res.accountId } });
    expect(account).toMatchObject({ email: guardian.email, status: "PENDING_VALIDATION", guardianId: guardian.id, passwordHash: null });

    const mail = await lastEmailTo(ctx, guardian.email!);
    expect(mail.template).toBe("accounts:email.validation");
    expect(mail.text).toContain("Bonjour Éloïse");
    expect(mail.text).toContain("https://aide.example.test/compte/valider?jeton=");
    const token = tokenFrom(mail.text);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const code = await ctx.prisma.oneTimeCode.findFirstOrThrow({ where: { accountId: res.accountId } });
    expect(code.purpose).toBe("EMAIL_VALIDATION");
    expect(code.codeHash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(code.expiresAt.getTime() - ctx.now().getTime()).toBe(48 * 3600_000);
    expect(await auditActions(ctx, res.accountId)).toEqual(["account.creation_requested"]);
    expect(ctx.logs()).not.toContain(token);
  });

  it("compares names without case, accents or hyphens, and the civic number by its digits", async () => {
    const { form } = await familyAndForm();
    const res = await requestAccountCreation(ctx, { ...form, familyName: "cote dube", givenName: "ELOISE", civicNumber: " 2445 " });
    expect(res.accountId).toBeTruthy();
  });

  it.each([
    ["familyName", { familyName: "Tremblay" }],
    ["givenName", { givenName: "Marie" }],
    ["youngest child's birth date", { youngestChildBirthDate: "2016-01-02" }],
    ["youngest child's school", { youngestChildSchoolCode: "EEP-AUTRE-ECOLE" }],
    ["civic number", { civicNumber: "2446" }],
  ])("refuses a wrong %s with one generic error that names no field", async (_field, wrong) => {
    const { form, guardian } = await familyAndForm();
    const err = await errorOf(requestAccountCreation(ctx, { ...form, ...wrong }));
    expect(err.code).toBe("accounts.creation_info_mismatch");
    expect(Object.keys(err.params)).toEqual(["attemptsLeft"]);
    expect(await ctx.prisma.account.count()).toBe(0);
    expect(await auditActions(ctx, guardian.id)).toEqual(["account.creation_mismatch"]);
  });

  it("asks for the YOUNGEST child: the older child's birth date and school do not work", async () => {
    const { form, older } = await familyAndForm();
    expect(
      await codeOf(requestAccountCreation(ctx, { ...form, youngestChildBirthDate: "2012-03-04", youngestChildSchoolCode: older.code })),
    ).toBe("accounts.creation_info_mismatch");
    expect(await codeOf(requestAccountCreation(ctx, form))).toBe("no error");
  });

  it("accepts the school's name instead of its code", async () => {
    const { form } = await familyAndForm();
    expect(
      await codeOf(requestAccountCreation(ctx, { ...form, youngestChildSchoolCode: "ecole elementaire publique carrefour jeunesse" })),
    ).toBe("no error");
  });

  it("locks the email for 30 minutes after 5 mismatches, even for the right answers, then lets it through", async () => {
    const { form, guardian } = await familyAndForm();
    const left: unknown[] = [];
    for (let i = 0; i < 4; i++) left.push((await errorOf(requestAccountCreation(ctx, { ...form, civicNumber: "1" }))).params.attemptsLeft);
    expect(left).toEqual([4, 3, 2, 1]);
    const fifth = await errorOf(requestAccountCreation(ctx, { ...form, civicNumber: "1" }));
    expect(fifth.code).toBe("accounts.creation_locked");
    expect(fifth.params.minutes).toBe(30);
    expect(await codeOf(requestAccountCreation(ctx, form))).toBe("accounts.creation_locked");
    expect(await auditActions(ctx, guardian.id)).toContain("account.creation_locked");
    ctx.clock.advance(30 * 60_000);
    expect(await codeOf(requestAccountCreation(ctx, form))).toBe("no error");
  });

  it("accepts either twin's school when the youngest children share a birth date", async () => {
    const { form, guardian } = await familyAndForm();
    const third = await makeSchool(ctx.prisma);
    await linkGuardian(ctx.prisma, guardian, await makeStudent(ctx.prisma, { school: third, birthDate: day("2016-01-01") }));
    expect(await codeOf(requestAccountCreation(ctx, { ...form, youngestChildSchoolCode: third.code }))).toBe("no error");
  });
});

describe("completeAccountCreation (password + secret question)", () => {
  async function requested() {
    const fam = await familyAndForm();
    await requestAccountCreation(ctx, fam.form);
    const token = tokenFrom((await lastEmailTo(ctx, fam.guardian.email!)).text);
    return { ...fam, token };
  }
  const good = { password: "Soleil2026", secretQuestionId: "favourite_character", secretAnswer: "Le Petit Prince" };

  it("activates the account: bcrypt hashes, question id, validated email; sign-in then works", async () => {
    const { token, guardian } = await requested();
    expect(await checkValidationToken(ctx, { token })).toEqual({ email: guardian.email, lang: "fr", next: "set_password" });
    const summary = await completeAccountCreation(ctx, { token, ...good });
    expect(summary).toEqual({
      id: expect.any(String),
      email: guardian.email,
      status: "ACTIVE",
      lang: "fr",
      mustChangePassword: false,
      guardian: { givenName: "Éloïse", familyName: "Côté-Dubé" },
    });
    expect(JSON.stringify(summary)).not.toMatch(/\$2[aby]\$/);
    const row = await ctx.prisma.account.findUniqueOrThrow({ where: { id: summary.id } });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$10\$/);
    expect(row.secretAnswerHash).toMatch(/^\$2[aby]\$10\$/);
    expect(row.secretQuestionId).toBe("favourite_character");
    expect(row.emailValidatedAt?.getTime()).toBe(ctx.now().getTime());
    expect((await signIn(ctx, { email: guardian.email!, password: good.password })).accountId).toBe(summary.id);
    expect(await auditActions(ctx, summary.id)).toEqual(["account.creation_requested", "account.activated", "account.signed_in"]);
    expect(ctx.logs()).not.toContain(good.password);
  });

  it("refuses a reused token", async () => {
    const { token } = await requested();
    await completeAccountCreation(ctx, { token, ...good });
    expect(await codeOf(completeAccountCreation(ctx, { token, ...good }))).toBe("accounts.token_invalid");
  });

  it("refuses an expired token (after 48 h) and an unknown one", async () => {
    const { token } = await requested();
    ctx.clock.advance(48 * 3600_000 + 1000);
    expect(await codeOf(completeAccountCreation(ctx, { token, ...good }))).toBe("accounts.token_expired");
    expect(await codeOf(completeAccountCreation(ctx, { token: "n'importe-quoi", ...good }))).toBe("accounts.token_invalid");
  });

  it("a new request invalidates the older link", async () => {
    const { token, form, guardian } = await requested();
    await requestAccountCreation(ctx, form);
    const newer = tokenFrom((await lastEmailTo(ctx, guardian.email!)).text);
    expect(newer).not.toBe(token);
    expect(await codeOf(completeAccountCreation(ctx, { token, ...good }))).toBe("accounts.token_invalid");
    expect(await codeOf(completeAccountCreation(ctx, { token: newer, ...good }))).toBe("no error");
  });

  it.each([
    ["Sol2026", "accounts.password_too_short"],
    ["12345678", "accounts.password_needs_letter"],
    ["Soleilsoleil", "accounts.password_needs_digit"],
    ["é".repeat(37) + "1", "accounts.password_too_long"],
  ])("applies the password policy: %s → %s, and the token stays usable", async (password, code) => {
    const { token } = await requested();
    expect(await codeOf(completeAccountCreation(ctx, { token, ...good, password }))).toBe(code);
    expect(await codeOf(completeAccountCreation(ctx, { token, ...good }))).toBe("no error");
  });

  it("requires a question of the portal's list (by id) and an answer of at least two letters or digits", async () => {
    const { token } = await requested();
    expect(await codeOf(completeAccountCreation(ctx, { token, ...good, secretQuestionId: "  " }))).toBe("accounts.secret_question_invalid");
    expect(
      await codeOf(completeAccountCreation(ctx, { token, ...good, secretQuestionId: "Quel est le nom de jeune fille de votre mère?" })),
    ).toBe("accounts.secret_question_invalid");
    expect(await codeOf(completeAccountCreation(ctx, { token, ...good, secretQuestionId: "Quel est votre plat préféré?" }))).toBe(
      "accounts.secret_question_invalid",
    );
    expect(await codeOf(completeAccountCreation(ctx, { token, ...good, secretAnswer: " ! " }))).toBe("accounts.secret_answer_too_short");
  });
});

describe("completeAccountCreation under concurrency", () => {
  it("lets only one of two simultaneous uses of a link win", async () => {
    const { form, guardian } = await familyAndForm();
    await requestAccountCreation(ctx, form);
    const token = tokenFrom((await lastEmailTo(ctx, guardian.email!)).text);
    const opts = { token, password: "Soleil2026", secretQuestionId: "first_pet", secretAnswer: "Réponse" };
    const results = await Promise.all([codeOf(completeAccountCreation(ctx, opts)), codeOf(completeAccountCreation(ctx, opts))]);
    expect(results.sort()).toEqual(["accounts.token_invalid", "no error"]);
    expect((await auditActions(ctx)).filter((a) => a === "account.activated")).toHaveLength(1);
  });
});
