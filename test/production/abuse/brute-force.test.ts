// Brute force of secret answers, chat sign-in codes and staff (triage) passwords, with the guesses spread over
// two instances on the same database (two contexts; on PostgreSQL two connection pools, as two processes
// have): the lockouts hold on both, the account's owner is told once, and an email without an account gets
// exactly the same answers (code, template, params, message; over HTTP: same status, same page). Timing is
// measured in bench/enumeration-bench.ts, never here.
import {
  resetPasswordWithSecretAnswer,
  sendChatSignInCode,
  settleAfterReply,
  signInStaff,
  verifyChatSignInCode,
  type CoreContext,
} from "../../../core";
import { openDatabase } from "../../../core/db/database";
import { hashPassword } from "../../../core/accounts/secrets";
import { makeAccount, unique } from "../../factories/families";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { testClock, testConfig } from "../../helpers/context";
import { testLogger } from "../../helpers/test-logs";
import { startTriageServer, STAFF_PASSWORD, type TriageServer } from "../../helpers/triage-server";
import { seenAnswer, type SeenAnswer } from "../../accounts/support";

jest.setTimeout(170_000);

const MINUTE = 60_000;
let db: TestDatabase;
let second: { prisma: CoreContext["prisma"]; close(): Promise<void> };
let one: CoreContext;
let two: CoreContext;
const clock = testClock("2026-11-23T12:00:00-05:00");

beforeAll(async () => {
  db = await createTestDatabase();
  // A second instance: its own pool on PostgreSQL; the embedded database serves one process, so its client.
  second = db.url ? await openDatabase({ databaseUrl: db.url, poolSize: 2 }) : { prisma: db.prisma, close: async () => undefined };
  // Instances share their configuration (APP_SECRET keys the limits), not their memory.
  const config = testConfig({ APP_SECRET: "brute-force-test-secret-0123456789abcdef" });
  one = { prisma: db.prisma, config, log: testLogger(), now: clock.now };
  two = { prisma: second.prisma, config, log: testLogger(), now: clock.now };
});
afterAll(async () => {
  await settleAfterReply(one);
  await settleAfterReply(two);
  await second?.close();
  await db?.close();
});

type Shown = Omit<SeenAnswer, "detail">;
/** What a person is shown (everything but the operator's detail). */
async function shown(p: Promise<unknown>): Promise<Shown> {
  const { detail: _detail, ...rest } = await seenAnswer(p);
  return rest;
}
const instance = (i: number) => (i % 2 ? two : one);

async function emailsTo(to: string, template: string): Promise<number> {
  await settleAfterReply(one);
  await settleAfterReply(two);
  return db.prisma.outboxMessage.count({ where: { toAddress: to, template } });
}

describe("secret answers, guessed on two instances", () => {
  const guessDay = async (email: string, right: string): Promise<Shown[]> => {
    const out: Shown[] = [];
    for (let i = 1; i <= 12; i++) {
      out.push(await shown(resetPasswordWithSecretAnswer(instance(i), { email, answer: `mauvaise ${i}` })));
      if (i === 5) clock.advance(31 * MINUTE); // the short lock waited out, as an attacker would
    }
    // The right answer during the lock: refused like any other, on either instance.
    out.push(await shown(resetPasswordWithSecretAnswer(one, { email, answer: right })));
    out.push(await shown(resetPasswordWithSecretAnswer(two, { email, answer: right })));
    return out;
  };

  it("lock at the 5th and for the day at the 10th wrong answer on both, owner told once; an unknown email is answered alike", async () => {
    const { account, secretAnswer } = await makeAccount(db.prisma);
    const known = await guessDay(account.email, secretAnswer);
    expect(known.map((s) => s.code)).toEqual([
      ...Array(4).fill("accounts.secret_answer_wrong"),
      "accounts.secret_locked",
      ...Array(4).fill("accounts.secret_answer_wrong"),
      ...Array(5).fill("accounts.secret_locked"),
    ]);
    expect(known[9].params).toEqual({ minutes: 24 * 60 });
    expect(await emailsTo(account.email, "accounts:email.secretLocked")).toBe(1);
    expect(await db.prisma.outboxMessage.count({ where: { toAddress: account.email, template: "accounts:email.passwordReset" } })).toBe(0);
    clock.advance(25 * 60 * MINUTE);
    const stranger = `personne.${unique()}@example.com`;
    expect(await guessDay(stranger, secretAnswer)).toEqual(known);
    expect(await db.prisma.outboxMessage.count({ where: { toAddress: stranger } })).toBe(0);
  });
});

describe("chat sign-in codes, guessed on two instances", () => {
  const wrong = (code: string, i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0");
  const lastCode = async (email: string): Promise<string> => {
    await settleAfterReply(one);
    await settleAfterReply(two);
    const m = await db.prisma.outboxMessage.findFirst({
      where: { toAddress: email, template: "accounts:email.chatCode" },
      orderBy: { createdAt: "desc" },
    });
    return m ? /\n(\d{6})\n/.exec(m.text)![1] : "000000";
  };
  const guessDay = async (email: string): Promise<{ out: Shown[]; right: string }> => {
    const out: Shown[] = [];
    let right = "";
    for (let round = 0; round < 2; round++) {
      out.push(await shown(sendChatSignInCode(instance(round), { email, channelKey: "conv-bf", lang: "fr" })));
      right = await lastCode(email);
      for (let i = 0; i < 6; i++)
        out.push(await shown(verifyChatSignInCode(instance(i), { email, code: wrong(right, i), channelKey: "conv-bf" })));
    }
    // The code just sent, right, once the day's lock is on: refused on both instances; no new code is sent.
    out.push(await shown(verifyChatSignInCode(one, { email, code: right, channelKey: "conv-bf" })));
    out.push(await shown(verifyChatSignInCode(two, { email, code: right, channelKey: "conv-bf" })));
    out.push(await shown(sendChatSignInCode(two, { email, channelKey: "conv-bf", lang: "fr" })));
    return { out, right };
  };

  it("5 guesses per code, the day's lock at the 10th on both, owner told once; an unknown email is answered alike", async () => {
    const { account } = await makeAccount(db.prisma);
    const known = await guessDay(account.email);
    const codes = known.out.map((s) => s.code);
    // Per code: 5 guesses evaluated, the 6th finds the code used up; the 10th wrong guess of the day locks.
    expect(codes.filter((c) => c === "no error")).toHaveLength(2); // the two codes sent
    expect(codes.slice(-3)).toEqual(["accounts.code_locked", "accounts.code_locked", "accounts.code_locked"]);
    expect(known.out.at(-1)!.params).toEqual({ minutes: 24 * 60 });
    expect(await emailsTo(account.email, "accounts:email.chatCodeLocked")).toBe(1);
    expect(await emailsTo(account.email, "accounts:email.chatCode")).toBe(2);
    const failures = await db.prisma.auditEvent.count({ where: { entityId: account.id, action: "account.chat_code_failed" } });
    expect(failures).toBeLessThanOrEqual(10);
    clock.advance(25 * 60 * MINUTE);
    const stranger = `inconnu.${unique()}@example.com`;
    expect((await guessDay(stranger)).out).toEqual(known.out);
    expect(await db.prisma.outboxMessage.count({ where: { toAddress: stranger } })).toBe(0);
  });
});

describe("staff passwords, guessed on two instances", () => {
  const makeStaff = async () => {
    const email = `${unique("secretaire")}@cepeo.example.test`;
    await db.prisma.staff.create({ data: { email, name: "Chantal", role: "AGENT", passwordHash: await hashPassword(STAFF_PASSWORD) } });
    return email;
  };
  const guess = async (email: string): Promise<Shown[]> => {
    const out: Shown[] = [];
    for (let i = 0; i < 7; i++) out.push(await shown(signInStaff(instance(i), { email, password: `Mauvais-Passe-${i}` })));
    // The right password during the lock: refused on both instances.
    out.push(await shown(signInStaff(one, { email, password: STAFF_PASSWORD })));
    out.push(await shown(signInStaff(two, { email, password: STAFF_PASSWORD })));
    return out;
  };

  it("locks at the 5th wrong password on both instances, tells the owner once; an unknown email is answered alike", async () => {
    const email = await makeStaff();
    const known = await guess(email);
    expect(known.map((s) => s.code)).toEqual([...Array(4).fill("staff.signin_invalid"), ...Array(5).fill("staff.signin_locked")]);
    expect(await emailsTo(email, "triage:signIn.lockedEmail")).toBe(1);
    const notice = await db.prisma.outboxMessage.findFirstOrThrow({ where: { toAddress: email } });
    expect(notice.text).toContain("5 mots de passe incorrects");
    expect(notice.text).not.toContain("Mauvais-Passe");
    const stranger = `inconnue.${unique()}@cepeo.example.test`;
    expect(await guess(stranger)).toEqual(known);
    expect(await db.prisma.outboxMessage.count({ where: { toAddress: stranger } })).toBe(0);
    // The lock lasts 15 minutes, then the right password works again.
    clock.advance(16 * MINUTE);
    expect((await shown(signInStaff(two, { email, password: STAFF_PASSWORD }))).code).toBe("no error");
  });

  describe("through the sign-in page", () => {
    let srv: TriageServer;
    beforeAll(async () => {
      srv = await startTriageServer(db, one);
    });
    afterAll(() => srv.close());

    /** One POST of the real form (its login-CSRF token first); the page as shown, the email and token blanked. */
    async function attempt(email: string, password: string): Promise<{ status: number; page: string }> {
      const form = await fetch(`${srv.base}/triage/sign-in`);
      const pre = /name="_pre" value="([^"]+)"/.exec(await form.text())![1];
      const cookie = (form.headers.get("set-cookie") ?? "").split(";")[0];
      const res = await fetch(`${srv.base}/triage/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ email, password, _pre: pre }).toString(),
        redirect: "manual",
      });
      const page = (await res.text())
        .split(email)
        .join("EMAIL")
        .replace(/name="_pre" value="[^"]+"/g, 'name="_pre" value="PRE"');
      return { status: res.status, page };
    }

    it("answers a known and an unknown email with the same status and the same page, attempt by attempt", async () => {
      const email = await makeStaff();
      const stranger = `inconnue.${unique()}@cepeo.example.test`;
      const known: { status: number; page: string }[] = [];
      const unknown: { status: number; page: string }[] = [];
      for (let i = 0; i < 6; i++) {
        known.push(await attempt(email, `Mauvais-${i}-passe`));
        unknown.push(await attempt(stranger, `Mauvais-${i}-passe`));
      }
      expect(known.map((k) => k.status)).toEqual([401, 401, 401, 401, 429, 429]);
      expect(unknown).toEqual(known);
      expect(await emailsTo(email, "triage:signIn.lockedEmail")).toBe(1);
    });
  });
});
