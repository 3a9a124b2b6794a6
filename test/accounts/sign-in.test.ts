import { signIn } from "../../core/accounts";
import { makeAccount, makeFamily } from "../factories/families";
import { accountsContext, auditActions, codeOf, errorOf, setup, type AccountsTestContext } from "./support";

const t = setup();
let ctx: AccountsTestContext;
beforeEach(() => {
  ctx = accountsContext(t.db());
});

describe("signIn", () => {
  it("signs in with the email in any case or spacing; records lastLoginAt and an audit event", async () => {
    const { guardian } = await makeFamily(ctx.prisma, { guardian: { email: "marie.tremblay.si@gmail.com" } });
    const { account, password } = await makeAccount(ctx.prisma, { guardian, lang: "en", mustChangePassword: true });
    expect(await signIn(ctx, { email: " Marie.Tremblay.SI @GMAIL.com", password })).toEqual({
      accountId: account.id,
      mustChangePassword: true,
      lang: "en",
    });
    const row = await ctx.prisma.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(row.lastLoginAt?.getTime()).toBe(ctx.now().getTime());
    expect(await auditActions(ctx, account.id)).toEqual(["account.signed_in"]);
    expect(ctx.logs()).not.toContain(password);
  });

  it("gives one neutral error for a wrong password and for an unknown email", async () => {
    const { account } = await makeAccount(ctx.prisma);
    const wrong = await errorOf(signIn(ctx, { email: account.email, password: "Mauvais123" }));
    const unknown = await errorOf(signIn(ctx, { email: "personne@example.com", password: "Mauvais123" }));
    expect(wrong.code).toBe("accounts.signin_invalid");
    expect(unknown.code).toBe(wrong.code);
    expect(unknown.userKey).toBe(wrong.userKey);
    expect(unknown.params).toEqual(wrong.params);
  });

  it("locks after 5 failures for 15 minutes (even the right password), then unlocks; success resets the count", async () => {
    const { account, password } = await makeAccount(ctx.prisma);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push(await codeOf(signIn(ctx, { email: account.email, password: `Faux${i}xyz1` })));
    expect(codes).toEqual([...Array(4).fill("accounts.signin_invalid"), "accounts.signin_locked"]);
    const locked = await errorOf(signIn(ctx, { email: account.email, password }));
    expect(locked).toMatchObject({ code: "accounts.signin_locked", params: { minutes: 15 } });
    ctx.clock.advance(14 * 60_000);
    expect(await codeOf(signIn(ctx, { email: account.email, password }))).toBe("accounts.signin_locked");
    ctx.clock.advance(60_000);
    expect(await codeOf(signIn(ctx, { email: account.email, password }))).toBe("no error");
    expect(await ctx.prisma.account.findUniqueOrThrow({ where: { id: account.id }, select: { failedLoginAttempts: true } })).toEqual({
      failedLoginAttempts: 0,
    });
    const actions = await auditActions(ctx, account.id);
    expect(actions.filter((a) => a === "account.signin_failed")).toHaveLength(4);
    expect(actions).toContain("account.signin_locked");
  });

  it("locks an unknown email the same way, so the lockout does not reveal which emails have accounts", async () => {
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push(await codeOf(signIn(ctx, { email: "fantome@example.com", password: "Faux1234" })));
    expect(codes).toEqual([...Array(4).fill("accounts.signin_invalid"), "accounts.signin_locked", "accounts.signin_locked"]);
    ctx.clock.advance(15 * 60_000);
    expect(await codeOf(signIn(ctx, { email: "fantome@example.com", password: "Faux1234" }))).toBe("accounts.signin_invalid");
  });

  it("refuses pending and disabled accounts with their own messages", async () => {
    const pending = await makeAccount(ctx.prisma, { status: "PENDING_VALIDATION" });
    expect(await codeOf(signIn(ctx, { email: pending.account.email, password: "Nimporte123" }))).toBe(
      "accounts.account_pending_validation",
    );
    const school = await makeAccount(ctx.prisma, { status: "PENDING_SCHOOL" });
    expect(await codeOf(signIn(ctx, { email: school.account.email, password: school.password }))).toBe("accounts.account_pending_school");
    expect(await codeOf(signIn(ctx, { email: school.account.email, password: "Mauvais123" }))).toBe("accounts.signin_invalid");
    const disabled = await makeAccount(ctx.prisma, { status: "DISABLED" });
    expect(await codeOf(signIn(ctx, { email: disabled.account.email, password: disabled.password }))).toBe("accounts.account_disabled");
  });
});
