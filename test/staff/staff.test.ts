// Staff accounts of the triage console on a real database: creation with a one-time link, the password it
// sets, sign-in lockout (unknown emails too), per-client limit, session expiry, CSRF tokens.
import {
  checkStaffCsrfToken,
  createStaff,
  getStaffSession,
  setStaffPassword,
  signInStaff,
  signOutStaff,
  staffCsrfToken,
  STAFF_POLICY,
} from "../../core";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";
import { makeSchool } from "../factories/families";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await db.reset();
});

const codeOf = (url: string) => new URL(url).searchParams.get("code")!;

describe("createStaff and setStaffPassword", () => {
  it("creates a secretary of two schools with a one-time link that sets the password once", async () => {
    const ctx = testContext(db);
    const [a, b] = [await makeSchool(db.prisma), await makeSchool(db.prisma)];
    const s = await createStaff(ctx, {
      email: " Chantal@Ecole.TEST ",
      role: "secretary",
      schoolCodes: [a.code, b.code.toLowerCase()],
      name: "Chantal",
    });
    expect(s).toMatchObject({ email: "chantal@ecole.test", role: "SECRETARY", schools: [{ code: a.code }, { code: b.code }] });
    expect(s.setPasswordUrl).toMatch(/^https:\/\/aide\.example\.test\/triage\/set-password\?code=/);
    const stored = await db.prisma.oneTimeCode.findFirstOrThrow({ where: { staffId: s.staffId } });
    expect(stored.codeHash).not.toContain(codeOf(s.setPasswordUrl));
    await expect(setStaffPassword(ctx, { code: codeOf(s.setPasswordUrl), password: "court1" })).rejects.toMatchObject({
      code: "staff.password_too_short",
    });
    await setStaffPassword(ctx, { code: codeOf(s.setPasswordUrl), password: "Un-mot-de-passe-2026" });
    await expect(setStaffPassword(ctx, { code: codeOf(s.setPasswordUrl), password: "Un-autre-2026-abc" })).rejects.toMatchObject({
      code: "staff.link_invalid",
    });
    const signed = await signInStaff(ctx, { email: "chantal@ecole.test", password: "Un-mot-de-passe-2026" });
    expect(signed.staff.schools.map((x) => x.code).sort()).toEqual([a.code, b.code].sort());
  });

  it("refuses a secretary without school, an unknown school, an unknown role and a second account", async () => {
    const ctx = testContext(db);
    await expect(createStaff(ctx, { email: "x@e.test", role: "secretary" })).rejects.toMatchObject({ code: "staff.school_required" });
    await expect(createStaff(ctx, { email: "x@e.test", role: "secretary", schoolCodes: ["NOPE"] })).rejects.toMatchObject({
      code: "staff.unknown_school",
    });
    await expect(createStaff(ctx, { email: "x@e.test", role: "boss" })).rejects.toMatchObject({ code: "staff.invalid_role" });
    await createStaff(ctx, { email: "x@e.test", role: "agent" });
    await expect(createStaff(ctx, { email: "X@e.test", role: "agent" })).rejects.toMatchObject({ code: "staff.already_exists" });
  });

  it("expires the link after 72 hours", async () => {
    const ctx = testContext(db);
    const s = await createStaff(ctx, { email: "a@e.test", role: "agent" });
    ctx.clock.advance(STAFF_POLICY.setPasswordLinkMs + 1);
    await expect(setStaffPassword(ctx, { code: codeOf(s.setPasswordUrl), password: "Un-mot-de-passe-2026" })).rejects.toMatchObject({
      code: "staff.link_invalid",
    });
  });
});

describe("signInStaff and sessions", () => {
  async function agent() {
    const ctx = testContext(db);
    const s = await createStaff(ctx, { email: "agent@e.test", role: "agent" });
    await setStaffPassword(ctx, { code: codeOf(s.setPasswordUrl), password: "Un-mot-de-passe-2026" });
    return ctx;
  }

  it("locks an email after 5 wrong passwords for 15 minutes — an unknown email the same way", async () => {
    const ctx = await agent();
    for (const email of ["agent@e.test", "nobody@e.test"]) {
      for (let i = 0; i < 4; i++)
        await expect(signInStaff(ctx, { email, password: "faux" })).rejects.toMatchObject({ code: "staff.signin_invalid" });
      await expect(signInStaff(ctx, { email, password: "faux" })).rejects.toMatchObject({
        code: "staff.signin_locked",
        params: { minutes: 15 },
      });
    }
    await expect(signInStaff(ctx, { email: "agent@e.test", password: "Un-mot-de-passe-2026" })).rejects.toMatchObject({
      code: "staff.signin_locked",
    });
    ctx.clock.advance(STAFF_POLICY.signIn.lockMs + 1);
    await expect(signInStaff(ctx, { email: "agent@e.test", password: "Un-mot-de-passe-2026" })).resolves.toMatchObject({
      staff: { role: "AGENT" },
    });
    const audit = await db.prisma.auditEvent.findMany({ where: { action: { startsWith: "staff.signin" } } });
    expect(JSON.stringify(audit)).not.toContain("faux");
  });

  it("limits attempts from one client whatever the email", async () => {
    const ctx = await agent();
    for (let i = 0; i < STAFF_POLICY.signInPerClient.max; i++) {
      await expect(signInStaff(ctx, { email: `x${i}@e.test`, password: "faux", clientKey: "10.0.0.9" })).rejects.toMatchObject({
        code: "staff.signin_invalid",
      });
    }
    await expect(
      signInStaff(ctx, { email: "agent@e.test", password: "Un-mot-de-passe-2026", clientKey: "10.0.0.9" }),
    ).rejects.toMatchObject({ code: "staff.signin_rate_limited" });
    await expect(
      signInStaff(ctx, { email: "agent@e.test", password: "Un-mot-de-passe-2026", clientKey: "10.0.0.10" }),
    ).resolves.toBeTruthy();
  });

  it("keeps a session while used, ends it after 8 idle hours or at sign-out; CSRF tokens belong to one session", async () => {
    const ctx = await agent();
    const a = await signInStaff(ctx, { email: "agent@e.test", password: "Un-mot-de-passe-2026" });
    const b = await signInStaff(ctx, { email: "agent@e.test", password: "Un-mot-de-passe-2026" });
    expect(await db.prisma.staffSession.count({ where: { tokenHash: a.token } })).toBe(0); // only the hash is stored
    expect(checkStaffCsrfToken(ctx, { token: a.token, csrf: staffCsrfToken(ctx, { token: a.token }) })).toBe(true);
    expect(checkStaffCsrfToken(ctx, { token: a.token, csrf: staffCsrfToken(ctx, { token: b.token }) })).toBe(false);
    expect(checkStaffCsrfToken(ctx, { token: a.token, csrf: undefined })).toBe(false);
    ctx.clock.advance(5 * 3600_000);
    expect(await getStaffSession(ctx, { token: a.token })).toMatchObject({ role: "AGENT" });
    ctx.clock.advance(5 * 3600_000);
    expect(await getStaffSession(ctx, { token: a.token })).toMatchObject({ role: "AGENT" }); // 10 h, but used 5 h ago
    expect(await getStaffSession(ctx, { token: b.token })).toBeNull(); // idle 10 h
    ctx.clock.advance(3 * 3600_000);
    expect(await getStaffSession(ctx, { token: a.token })).toBeNull(); // 13 h: past the working day's 12 h
    const c = await signInStaff(ctx, { email: "agent@e.test", password: "Un-mot-de-passe-2026" });
    await signOutStaff(ctx, { token: c.token });
    expect(await getStaffSession(ctx, { token: c.token })).toBeNull();
  });
});
