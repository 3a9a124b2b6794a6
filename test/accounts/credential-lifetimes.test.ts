// Credentials do not outlive their purpose: a temporary password expires, a reset or a password change
// closes the chat sessions opened with the old password, and account creation has a daily cap of mismatches.
import crypto from "node:crypto";
import { changePassword, requestAccountCreation, resetPasswordWithSecretAnswer, signIn } from "../../core/accounts";
import { makeAccount, makeFamily, makeSchool } from "../factories/families";
import { accountsContext, codeOf, errorOf, lastEmailTo, setup, type AccountsTestContext } from "./support";

const t = setup();
let ctx: AccountsTestContext;
beforeEach(() => {
  ctx = accountsContext(t.db());
});

const HOUR = 3_600_000;

async function openSession(accountId: string, channelKey: string) {
  await ctx.prisma.session.create({ data: { accountId, channelKey, expiresAt: new Date(ctx.now().getTime() + HOUR) } });
}

async function resetAndReadTemporary(email: string, answer: string): Promise<string> {
  await resetPasswordWithSecretAnswer(ctx, { email, answer });
  const mail = await lastEmailTo(ctx, email);
  return /mot de passe temporaire est (\S+)/.exec(mail.text)![1];
}

describe("temporary passwords", () => {
  it("work for 72 hours, then sign-in says they expired (and only after a correct password)", async () => {
    const { account, secretAnswer } = await makeAccount(ctx.prisma);
    const temporary = await resetAndReadTemporary(account.email, secretAnswer);
    ctx.clock.advance(71 * HOUR);
    expect(await signIn(ctx, { email: account.email, password: temporary })).toMatchObject({ mustChangePassword: true });
    ctx.clock.advance(2 * HOUR);
    expect(await codeOf(signIn(ctx, { email: account.email, password: temporary }))).toBe("accounts.temporary_password_expired");
    expect(await codeOf(signIn(ctx, { email: account.email, password: "pas-le-bon-1" }))).toBe("accounts.signin_invalid");
  });

  it("stop expiring once changed for a password of the parent's own", async () => {
    const { account, secretAnswer } = await makeAccount(ctx.prisma);
    const temporary = await resetAndReadTemporary(account.email, secretAnswer);
    await changePassword(ctx, { accountId: account.id, currentPassword: temporary, newPassword: "Nouveau-mot-2026" });
    ctx.clock.advance(30 * 24 * HOUR);
    expect(await signIn(ctx, { email: account.email, password: "Nouveau-mot-2026" })).toMatchObject({ mustChangePassword: false });
    const row = await ctx.prisma.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(row.temporaryPasswordExpiresAt).toBeNull();
  });
});

describe("sessions after a credential change", () => {
  it("a reset by secret question closes every chat session of the account", async () => {
    const { account, secretAnswer } = await makeAccount(ctx.prisma);
    const other = await makeAccount(ctx.prisma);
    await openSession(account.id, "conv-a");
    await openSession(account.id, "conv-b");
    await openSession(other.account.id, "conv-other");
    await resetPasswordWithSecretAnswer(ctx, { email: account.email, answer: secretAnswer });
    expect(await ctx.prisma.session.count({ where: { accountId: account.id } })).toBe(0);
    expect(await ctx.prisma.session.count({ where: { accountId: other.account.id } })).toBe(1);
  });

  it("a password change keeps the conversation it is made from and closes the others", async () => {
    const { account, password } = await makeAccount(ctx.prisma);
    await openSession(account.id, "conv-here");
    await openSession(account.id, "conv-elsewhere");
    await changePassword(ctx, {
      accountId: account.id,
      currentPassword: password,
      newPassword: "Autre-mot-2026",
      keepChannelKey: "conv-here",
    });
    const left = await ctx.prisma.session.findMany({ where: { accountId: account.id }, select: { channelKey: true } });
    expect(left).toEqual([{ channelKey: "conv-here" }]);
  });
});

describe("account creation: daily cap on mismatches", () => {
  it("after 10 mismatches in a day the email is locked for 24 hours, even when the short lock has passed", async () => {
    const school = await makeSchool(ctx.prisma);
    const email = `cap.${crypto.randomBytes(3).toString("hex")}@gmail.com`;
    const fam = await makeFamily(ctx.prisma, {
      children: 1,
      schools: [school],
      birthDates: ["2016-01-01"],
      guardian: { givenName: "Ana", familyName: "Roy", civicNumber: "12", email },
    });
    const form = {
      email,
      familyName: "Roy",
      givenName: "Ana",
      youngestChildBirthDate: "2016-01-01",
      youngestChildSchoolCode: school.code,
      civicNumber: "12",
      lang: "fr" as const,
    };
    expect(fam.guardian.email).toBe(email);
    const codes: string[] = [];
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 5; i++)
        codes.push(await codeOf(requestAccountCreation(ctx, { ...form, youngestChildBirthDate: `2015-0${i + 1}-01` })));
      ctx.clock.advance(31 * 60_000);
    }
    expect(codes.filter((c) => c === "accounts.creation_locked")).toHaveLength(2);
    const locked = await errorOf(requestAccountCreation(ctx, form));
    expect(locked.code).toBe("accounts.creation_locked");
    expect(Number(locked.params.minutes)).toBeGreaterThan(20 * 60);
    ctx.clock.advance(24 * HOUR);
    expect(await codeOf(requestAccountCreation(ctx, form))).toBe("no error");
  });
});
