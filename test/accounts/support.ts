// Shared set-up of the accounts tests: a real database, a context whose logs are captured in a buffer (to prove
// secrets never reach them), and readers for the outbox and the audit log.
import { createLogger } from "../../core/logger";
import { settleAfterReply } from "../../core/util/after-reply";
import type { CoreContext } from "../../core/context";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testClock, testConfig, type TestClock } from "../helpers/context";
import { testLogStream } from "../helpers/test-logs";

export interface AccountsTestContext extends CoreContext {
  clock: TestClock;
  /** Everything logged so far (pino JSON lines). */
  logs(): string;
}

export function accountsContext(db: TestDatabase): AccountsTestContext {
  let buffer = "";
  const fileCopy = testLogStream();
  const log = createLogger({
    level: "trace",
    destination: {
      write: (s: string) => {
        buffer += s;
        fileCopy?.write(s);
      },
    } as never,
  });
  const clock = testClock("2026-11-23T12:00:00-05:00");
  return { prisma: db.prisma, config: testConfig(), log, now: clock.now, clock, logs: () => buffer };
}

/** The emails to `to`, once the work queued after replies (afterReply) is done. */
export async function emailsTo(ctx: CoreContext, to: string) {
  await settleAfterReply(ctx);
  return ctx.prisma.outboxMessage.findMany({ where: { toAddress: to }, orderBy: { createdAt: "asc" } });
}

export async function lastEmailTo(ctx: CoreContext, to: string) {
  const all = await emailsTo(ctx, to);
  if (all.length === 0) throw new Error(`no email to ${to}`);
  return all[all.length - 1];
}

export async function auditActions(ctx: CoreContext, entityId?: string | null): Promise<string[]> {
  await settleAfterReply(ctx);
  const rows = await ctx.prisma.auditEvent.findMany({
    where: entityId === undefined ? {} : { entityId },
    orderBy: { at: "asc" },
    select: { action: true },
  });
  return rows.map((r) => r.action);
}

/** The error's code, or "no error" — so a test shows what happened instead of a bare rejection. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "no error";
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}

export async function errorOf(p: Promise<unknown>): Promise<{ code: string; userKey: string; params: Record<string, unknown> }> {
  try {
    await p;
  } catch (err) {
    return err as { code: string; userKey: string; params: Record<string, unknown> };
  }
  throw new Error("expected an error");
}

/** Every email in the outbox, once the work queued after replies is done. */
export async function outboxCount(ctx: CoreContext, where: { toAddress?: string } = {}): Promise<number> {
  await settleAfterReply(ctx);
  return ctx.prisma.outboxMessage.count({ where });
}

export function setup(): { db: () => TestDatabase } {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  // Work a test left queued after a reply must not land in the next test's empty tables.
  afterEach(async () => {
    await settleAfterReply(db);
    await db.reset();
  });
  afterAll(async () => {
    await settleAfterReply(db);
    await db.close();
  });
  return { db: () => db };
}

/** What a use case answered: the error a person is shown (code, template, params, message) and the operator's detail. */
export interface SeenAnswer {
  code: string;
  userKey: string;
  params: Record<string, unknown>;
  message: string;
  detail?: string;
}

export async function seenAnswer(p: Promise<unknown>): Promise<SeenAnswer> {
  try {
    await p;
    return { code: "no error", userKey: "", params: {}, message: "" };
  } catch (err) {
    const e = err as SeenAnswer;
    return { code: e.code, userKey: e.userKey, params: e.params, message: e.message, detail: e.detail };
  }
}
