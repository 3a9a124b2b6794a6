/**
 * Account-enumeration benchmark (called by `npm run bench`): times every unauthenticated account use case that
 * takes an email, and the staff (triage console) sign-in, for an email with an active account ("known"), one without ("unknown"), and each of them
 * once locked or rate-limited, on an in-memory PGlite. Prints median and p90 of N calls per case side by side,
 * with the known/unknown ratios: a ratio far from 1.00 tells an attacker which emails have an account.
 * Every timed call uses its own email (fresh for known/unknown, locked beforehand for the locked columns), so
 * limits never interfere between calls; known and unknown calls alternate so drift hits both alike. Work a use
 * case queues after its reply (afterReply) is the caller's no more: it is settled, untimed, after each call.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import bcrypt from "bcryptjs";
import { PGlite } from "@electric-sql/pglite";
import { openDatabase } from "../core/db/database";
import { migrateDatabase } from "../core/db/migrate";
import type { CoreContext } from "../core/context";
import { loadConfig } from "../core/config";
import { silentLogger } from "../core/logger";
import { foldAnswer } from "../core/util/text";
import { settleAfterReply } from "../core/util/after-reply";
import {
  ACCOUNT_POLICY,
  getSecretQuestion,
  resendValidationEmail,
  resetPasswordWithSecretAnswer,
  sendChatSignInCode,
  sendLoginIdReminder,
  signIn,
  verifyChatSignInCode,
} from "../core/accounts";
import { signInStaff, STAFF_POLICY } from "../core/staff";

const N = Number(process.env.ENUM_BENCH_N ?? 60);
const WARMUP = 5;
const PASSWORD = "Portail-Bench-2026";
const ANSWER = "Le Petit Prince";

interface Case {
  name: string;
  /** The timed call; errors are expected (wrong answers, locks) and ignored. */
  call: (ctx: CoreContext, email: string) => Promise<unknown>;
  /** Untimed, before every timed call of the case (e.g. a code to guess). */
  prepare?: (ctx: CoreContext, email: string) => Promise<void>;
  /** Brings an email to its locked / rate-limited state (untimed); absent when the case has no lock. */
  lock?: (ctx: CoreContext, email: string) => Promise<void>;
  /** The state a "known" email is in (default ACTIVE); "STAFF": a triage console account. */
  knownStatus?: "ACTIVE" | "PENDING_VALIDATION" | "STAFF";
}

const ignore = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    () => undefined,
  );
const repeat = async (n: number, f: () => Promise<unknown>) => {
  for (let i = 0; i < n; i++) await ignore(f());
};

const CASES: Case[] = [
  {
    name: "sendChatSignInCode",
    call: (ctx, email) => sendChatSignInCode(ctx, { email, channelKey: `bench-${email}`, lang: "fr" }),
    lock: (ctx, email) =>
      repeat(ACCOUNT_POLICY.chatCode.maxPerWindow, () => sendChatSignInCode(ctx, { email, channelKey: `bench-${email}`, lang: "fr" })),
  },
  {
    // A live code is guessed wrong; locked: the code's 5 tries are used up.
    name: "verifyChatSignInCode (wrong code)",
    prepare: (ctx, email) => ignore(sendChatSignInCode(ctx, { email, channelKey: `bench-${email}`, lang: "fr" })),
    call: (ctx, email) => verifyChatSignInCode(ctx, { email, code: "000000", channelKey: `bench-${email}` }),
    lock: (ctx, email) =>
      repeat(ACCOUNT_POLICY.chatCode.maxAttempts, () => verifyChatSignInCode(ctx, { email, code: "000000", channelKey: `bench-${email}` })),
  },
  { name: "getSecretQuestion", call: (ctx, email) => getSecretQuestion(ctx, { email, lang: "fr" }) },
  {
    name: "resetPasswordWithSecretAnswer (wrong)",
    call: (ctx, email) => resetPasswordWithSecretAnswer(ctx, { email, answer: "mauvaise réponse" }),
    lock: (ctx, email) =>
      repeat(ACCOUNT_POLICY.secretReset.maxFailures, () => resetPasswordWithSecretAnswer(ctx, { email, answer: "mauvaise réponse" })),
  },
  {
    name: "signIn (wrong password)",
    call: (ctx, email) => signIn(ctx, { email, password: "Mauvais-2026" }),
    lock: (ctx, email) => repeat(ACCOUNT_POLICY.signIn.maxFailures, () => signIn(ctx, { email, password: "Mauvais-2026" })),
  },
  {
    name: "sendLoginIdReminder (by email)",
    call: (ctx, email) => sendLoginIdReminder(ctx, { email }),
    lock: (ctx, email) => repeat(ACCOUNT_POLICY.loginIdReminder.max, () => sendLoginIdReminder(ctx, { email })),
  },
  {
    name: "resendValidationEmail",
    knownStatus: "PENDING_VALIDATION",
    call: (ctx, email) => resendValidationEmail(ctx, { email }),
    lock: (ctx, email) => repeat(ACCOUNT_POLICY.resend.max, () => resendValidationEmail(ctx, { email })),
  },
  {
    // The console's sign-in page: a known staff email and an unknown one must take the same time.
    name: "signInStaff (wrong password)",
    knownStatus: "STAFF",
    call: (ctx, email) => signInStaff(ctx, { email, password: "Mauvais-Personnel-2026" }),
    lock: (ctx, email) => repeat(STAFF_POLICY.signIn.maxFailures, () => signInStaff(ctx, { email, password: "Mauvais-Personnel-2026" })),
  },
];

interface Stats {
  median: number;
  p90: number;
}

function stats(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p90: at(0.9) };
}

async function timeAlternating(ctx: CoreContext, c: Case, a: string[], b: string[]): Promise<[Stats, Stats]> {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < a.length; i++) {
    for (const [emails, out] of (i % 2
      ? [
          [b, tb],
          [a, ta],
        ]
      : [
          [a, ta],
          [b, tb],
        ]) as [string[], number[]][]) {
      const t0 = performance.now();
      await ignore(c.call(ctx, emails[i]));
      const dt = performance.now() - t0;
      if (i >= WARMUP) out.push(dt);
      await settleAfterReply(ctx); // untimed: work queued after the reply must not slow the next timed call
    }
  }
  return [stats(ta), stats(tb)];
}

export async function run(): Promise<void> {
  const db = await openDatabase({ pglite: new PGlite() });
  try {
    await migrateDatabase(db);
    const ctx: CoreContext = {
      prisma: db.prisma,
      config: loadConfig({
        DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "enumeration-bench-")),
        APP_SECRET: "enumeration-bench-secret-0123456789abcdef",
      }),
      log: silentLogger,
      now: () => new Date("2026-11-23T12:00:00-05:00"),
    };
    // Hashed at the product's cost (not a test factory's cheap one), so known and unknown compare alike.
    const passwordHash = await bcrypt.hash(PASSWORD, ACCOUNT_POLICY.bcryptCost);
    const secretAnswerHash = await bcrypt.hash(foldAnswer(ANSWER), ACCOUNT_POLICY.bcryptCost);
    let seq = 0;
    const emails = (kind: string) => Array.from({ length: N + WARMUP }, () => `${kind}.${++seq}@bench.example.test`);
    async function accounts(list: string[], status: "ACTIVE" | "PENDING_VALIDATION" | "STAFF") {
      if (status === "STAFF") {
        await db.prisma.staff.createMany({ data: list.map((email) => ({ email, name: "Bench", role: "AGENT" as const, passwordHash })) });
        return;
      }
      const active = status === "ACTIVE";
      await db.prisma.account.createMany({
        data: list.map((email) => ({
          email,
          status,
          lang: "fr",
          passwordHash: active ? passwordHash : null,
          secretAnswerHash: active ? secretAnswerHash : null,
          ...(active ? SECRET_QUESTION_COLUMN : {}),
          emailValidatedAt: active ? ctx.now() : null,
        })),
      });
    }

    const head = ["use case (ms, median / p90)", "known", "unknown", "known/unknown", "locked known", "locked unknown", "locked k/u"];
    const rows: string[][] = [];
    const fmt = (s: Stats) => `${s.median.toFixed(2)} / ${s.p90.toFixed(2)}`;
    const ratio = (a: Stats, b: Stats) => `${(a.median / b.median).toFixed(2)} / ${(a.p90 / b.p90).toFixed(2)}`;
    const only = process.env.ENUM_BENCH_ONLY; // e.g. ENUM_BENCH_ONLY=sendChat
    for (const c of CASES.filter((x) => !only || x.name.startsWith(only))) {
      const t0 = performance.now();
      const known = emails("known"),
        unknown = emails("unknown");
      await accounts(known, c.knownStatus ?? "ACTIVE");
      if (c.prepare) for (const e of [...known, ...unknown]) await c.prepare(ctx, e);
      await settleAfterReply(ctx);
      const [k, u] = await timeAlternating(ctx, c, known, unknown);
      const row = [c.name, fmt(k), fmt(u), ratio(k, u)];
      if (c.lock) {
        const lk = emails("lknown"),
          lu = emails("lunknown");
        await accounts(lk, c.knownStatus ?? "ACTIVE");
        for (const e of [...lk, ...lu]) {
          if (c.prepare) await c.prepare(ctx, e);
          await c.lock(ctx, e);
        }
        await settleAfterReply(ctx);
        const [a, b] = await timeAlternating(ctx, c, lk, lu);
        row.push(fmt(a), fmt(b), ratio(a, b));
      } else row.push("—", "—", "—");
      rows.push(row);
      console.log(`  ${c.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    console.log(`PGlite, N=${N} calls per column (after ${WARMUP} warm-up), each on its own email; ratios median / p90`);
    const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(w[i]) : cell.padStart(w[i]))).join("  ");
    console.log(line(head));
    for (const r of rows) console.log(line(r));
  } finally {
    await db.close();
  }
}

/** How an active account's secret question is stored. */
const SECRET_QUESTION_COLUMN = { secretQuestionId: "favourite_character" };

if (require.main === module) {
  run().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
