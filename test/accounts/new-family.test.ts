import {
  approveNewFamilyAccount,
  checkValidationToken,
  confirmAccountEmail,
  rejectNewFamilyAccount,
  requestAccountCreation,
  requestNewFamilyAccount,
  resendValidationEmail,
  signIn,
  type RequestNewFamilyAccountOptions,
} from "../../core/accounts";
import { makeFamily, makeSchool, unique } from "../factories/families";
import { accountsContext, auditActions, codeOf, emailsTo, lastEmailTo, outboxCount, setup, type AccountsTestContext } from "./support";

const t = setup();
let ctx: AccountsTestContext;
beforeEach(() => {
  ctx = accountsContext(t.db());
});

function form(overrides: Partial<RequestNewFamilyAccountOptions> = {}): RequestNewFamilyAccountOptions {
  return {
    givenName: "Amina",
    familyName: "Diallo",
    streetAddress: "12 rue Principale",
    city: "Orléans",
    province: "Ontario",
    postalCode: "k1c2x4",
    phone: "(613) 555-0199",
    email: `amina.${unique()}@example.com`,
    password: "Bienvenue2026",
    secretQuestionId: "birth_city",
    secretAnswer: "Dakar",
    lang: "fr",
    ...overrides,
  };
}
const tokenFrom = (text: string) => decodeURIComponent(/jeton=([A-Za-z0-9_-]+)/.exec(text)![1]);

async function staff(role: "SECRETARY" | "AGENT", schoolId: string | null) {
  return ctx.prisma.staff.create({ data: { email: `${unique("staff")}@cepeo.example.test`, role, schoolId } });
}

describe("new family (seed 2)", () => {
  it("creates a PENDING_SCHOOL account with the typed profile and sends the « Valider votre compte » link", async () => {
    const school = await makeSchool(ctx.prisma);
    const f = form({ schoolCode: school.code.toLowerCase() });
    const res = await requestNewFamilyAccount(ctx, f);
    const row = await ctx.prisma.account.findUniqueOrThrow({ where: { id: res.accountId } });
    expect(row).toMatchObject({ status: "PENDING_SCHOOL", pendingSchoolId: school.id, guardianId: null, secretQuestionId: "birth_city" });
    expect(row.pendingProfile).toEqual({
      givenName: "Amina",
      familyName: "Diallo",
      streetAddress: "12 rue Principale",
      city: "Orléans",
      province: "ON",
      postalCode: "K1C 2X4",
      phone: "613-555-0199",
    });
    const mail = await lastEmailTo(ctx, f.email);
    expect(mail.template).toBe("accounts:email.newFamilyReceived");
    expect(mail.text).toContain("Valider votre compte");
    expect(await checkValidationToken(ctx, { token: tokenFrom(mail.text) })).toMatchObject({ next: "confirm_email" });
    expect(await auditActions(ctx, res.accountId)).toEqual(["account.new_family_requested"]);
    expect(ctx.logs()).not.toContain(f.password);
  });

  it.each([
    [{ givenName: " " }, "accounts.new_family_field_missing"],
    [{ province: "Ohio" }, "accounts.province_invalid"],
    [{ postalCode: "12345" }, "accounts.postal_code_invalid"],
    [{ phone: "555-0199" }, "accounts.phone_invalid"],
    [{ email: "amina@" }, "accounts.invalid_email"],
    [{ password: "court1" }, "accounts.password_too_short"],
    [{ secretAnswer: "?" }, "accounts.secret_answer_too_short"],
    [{ schoolCode: "EEP-NULLE-PART" }, "accounts.school_unknown"],
  ])("refuses %o with %s", async (bad, code) => {
    expect(await codeOf(requestNewFamilyAccount(ctx, form(bad as Partial<RequestNewFamilyAccountOptions>)))).toBe(code);
    expect(await ctx.prisma.account.count()).toBe(0);
  });

  it("sends a family already in the records to the normal path, and refuses a second request", async () => {
    const { guardian } = await makeFamily(ctx.prisma);
    expect(await codeOf(requestNewFamilyAccount(ctx, form({ email: guardian.email! })))).toBe("accounts.email_known_use_standard_creation");
    const f = form();
    await requestNewFamilyAccount(ctx, f);
    expect(await codeOf(requestNewFamilyAccount(ctx, f))).toBe("accounts.account_already_pending");
    expect(
      await codeOf(
        requestAccountCreation(ctx, {
          email: f.email,
          familyName: "x",
          givenName: "y",
          youngestChildBirthDate: "2015-01-01",
          youngestChildSchoolCode: "z",
          civicNumber: "1",
          lang: "fr",
        }),
      ),
    ).toBe("accounts.account_already_pending");
  });

  it("is approved by its school's secretary once the email is confirmed; then the parent signs in", async () => {
    const school = await makeSchool(ctx.prisma);
    const other = await makeSchool(ctx.prisma);
    const f = form({ schoolCode: school.code });
    const { accountId } = await requestNewFamilyAccount(ctx, f);
    expect(await codeOf(signIn(ctx, { email: f.email, password: f.password }))).toBe("accounts.account_pending_school");
    const secretary = await staff("SECRETARY", school.id);
    expect(await codeOf(approveNewFamilyAccount(ctx, { accountId, staffId: secretary.id }))).toBe("accounts.email_not_validated");

    const token = tokenFrom((await lastEmailTo(ctx, f.email)).text);
    await confirmAccountEmail(ctx, { token });
    expect(await codeOf(confirmAccountEmail(ctx, { token }))).toBe("accounts.token_invalid");
    expect(await codeOf(approveNewFamilyAccount(ctx, { accountId, staffId: (await staff("SECRETARY", other.id)).id }))).toBe(
      "accounts.staff_not_allowed",
    );

    const summary = await approveNewFamilyAccount(ctx, { accountId, staffId: secretary.id });
    expect(summary.status).toBe("ACTIVE");
    const mail = await lastEmailTo(ctx, f.email);
    expect(mail.template).toBe("accounts:email.newFamilyApproved");
    expect(mail.text).toContain(f.email);
    expect((await signIn(ctx, { email: f.email, password: f.password })).accountId).toBe(accountId);
    expect(await auditActions(ctx, accountId)).toEqual([
      "account.new_family_requested",
      "account.email_confirmed",
      "account.new_family_approved",
      "account.signed_in",
    ]);
    expect(await codeOf(approveNewFamilyAccount(ctx, { accountId, staffId: secretary.id }))).toBe("accounts.account_not_found");
  });

  it("is rejected by a help-desk agent: the request is removed, the family told, the email free again", async () => {
    const f = form();
    const { accountId } = await requestNewFamilyAccount(ctx, f);
    const agent = await staff("AGENT", null);
    expect(await rejectNewFamilyAccount(ctx, { accountId, staffId: agent.id })).toEqual({ accountId, rejected: true });
    expect(await ctx.prisma.account.count()).toBe(0);
    expect((await lastEmailTo(ctx, f.email)).template).toBe("accounts:email.newFamilyRejected");
    expect(await auditActions(ctx, accountId)).toEqual(["account.new_family_requested", "account.new_family_rejected"]);
    expect(await codeOf(requestNewFamilyAccount(ctx, f))).toBe("no error");
  });
});

describe("resendValidationEmail (« je n'ai pas reçu le courriel d'activation »)", () => {
  it("sends a new link that replaces the old one, at most 3 times an hour, with one neutral answer for everyone", async () => {
    const f = form();
    await requestNewFamilyAccount(ctx, f);
    const first = tokenFrom((await lastEmailTo(ctx, f.email)).text);
    expect(await resendValidationEmail(ctx, { email: f.email.toUpperCase() })).toEqual({ accepted: true });
    const second = tokenFrom((await lastEmailTo(ctx, f.email)).text);
    expect(second).not.toBe(first);
    expect(await codeOf(confirmAccountEmail(ctx, { token: first }))).toBe("accounts.token_invalid");
    await resendValidationEmail(ctx, { email: f.email });
    await resendValidationEmail(ctx, { email: f.email });
    await resendValidationEmail(ctx, { email: f.email });
    expect(await emailsTo(ctx, f.email)).toHaveLength(4); // the request + 3 resends
    ctx.clock.advance(3600_000);
    await resendValidationEmail(ctx, { email: f.email });
    expect(await emailsTo(ctx, f.email)).toHaveLength(5);
    expect(await resendValidationEmail(ctx, { email: "personne@example.com" })).toEqual({ accepted: true });
    expect(await outboxCount(ctx, { toAddress: "personne@example.com" })).toBe(0);
  });
});

describe("new family: hostile input", () => {
  it("refuses a field longer than the form allows, naming it, and stores nothing", async () => {
    const res = await codeOf(requestNewFamilyAccount(ctx, form({ givenName: "A".repeat(1_000_000) })));
    expect(res).toBe("accounts.new_family_field_too_long");
    expect(await ctx.prisma.account.count()).toBe(0);
    expect(await outboxCount(ctx)).toBe(0);
  });

  it("drops NUL and control characters instead of failing in the database", async () => {
    const f = form({ givenName: "Ami\u0000na", city: "Orl\u0007éans" });
    const res = await requestNewFamilyAccount(ctx, f);
    const row = await ctx.prisma.account.findUniqueOrThrow({ where: { id: res.accountId } });
    expect(row.pendingProfile).toMatchObject({ givenName: "Amina", city: "Orléans" });
    expect(row.secretQuestionId).toBe("birth_city");
    // A question is an id of the list: free text, even with control characters stripped, is refused.
    expect(await codeOf(requestNewFamilyAccount(ctx, form({ secretQuestionId: "Ville\u0000 natale?" })))).toBe(
      "accounts.secret_question_invalid",
    );
    expect(await codeOf(requestNewFamilyAccount(ctx, form({ secretQuestionId: "Dans quelle ville êtes-vous né(e)?" })))).toBe(
      "accounts.secret_question_invalid",
    );
  });
});
