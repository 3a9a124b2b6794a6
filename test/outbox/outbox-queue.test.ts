// The outbox's claim order: the accounts' emails (a sign-in code someone waits for in the chat) before every
// other due email, then the oldest due first; SENDING emails whose lease ran out are taken back in the same
// order; what is not due, or still leased, is left alone; a row another instance holds is skipped, not waited for.
import { claimDueEmails, enqueueEmail } from "../../core";
import { openDatabase } from "../../core/db/database";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";
import { registerTestEmailTemplate } from "../helpers/test-email-template";
import { describeUnless } from "../helpers/describe-unless";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  registerTestEmailTemplate("testqueue");
});
afterAll(() => db.close());
beforeEach(() => db.reset());

type Ctx = ReturnType<typeof testContext>;

/** A ticket-like notice (not an accounts' email), queued at the context's current time. */
const notice = (ctx: Ctx, to: string) =>
  enqueueEmail(ctx, { template: "testqueue:email.hello", lang: "fr", to, params: { name: to, url: "u" } });
/** An accounts' email (template "accounts:…"), queued at the context's current time. */
const accountsEmail = (ctx: Ctx, to: string) =>
  enqueueEmail(ctx, { template: "accounts:email.loginId", lang: "fr", to, params: { loginId: to } });

/** Claims one email at a time until none is due, and returns their recipients in claim order. */
async function claimAll(ctx: Ctx): Promise<string[]> {
  const order: string[] = [];
  for (let claim = await claimDueEmails(ctx, { limit: 1 }); claim.length; claim = await claimDueEmails(ctx, { limit: 1 }))
    order.push(...claim.map((c) => c.toAddress));
  return order;
}

describe("claimDueEmails: order", () => {
  it("stores the accounts' emails as priority, and claims them before older emails, then the oldest due first", async () => {
    const ctx = testContext(db);
    await notice(ctx, "notice1@exemple.ca");
    ctx.clock.advance(1000);
    await notice(ctx, "notice2@exemple.ca");
    ctx.clock.advance(1000);
    await accountsEmail(ctx, "code1@exemple.ca");
    ctx.clock.advance(1000);
    await notice(ctx, "notice3@exemple.ca");
    ctx.clock.advance(1000);
    await accountsEmail(ctx, "code2@exemple.ca");
    const flags = await db.prisma.outboxMessage.findMany({ select: { toAddress: true, priority: true }, orderBy: { toAddress: "asc" } });
    expect(flags).toEqual([
      { toAddress: "code1@exemple.ca", priority: true },
      { toAddress: "code2@exemple.ca", priority: true },
      { toAddress: "notice1@exemple.ca", priority: false },
      { toAddress: "notice2@exemple.ca", priority: false },
      { toAddress: "notice3@exemple.ca", priority: false },
    ]);
    expect(await claimAll(ctx)).toEqual([
      "code1@exemple.ca",
      "code2@exemple.ca",
      "notice1@exemple.ca",
      "notice2@exemple.ca",
      "notice3@exemple.ca",
    ]);
    const rows = await db.prisma.outboxMessage.findMany({ select: { status: true, attempts: true } });
    expect(rows.every((r) => r.status === "SENDING" && r.attempts === 1)).toBe(true);
  });

  it("leaves an email waiting for its retry until its time, even an accounts' one", async () => {
    const ctx = testContext(db);
    const later = await accountsEmail(ctx, "retry@exemple.ca");
    await notice(ctx, "now@exemple.ca");
    await db.prisma.outboxMessage.update({
      where: { id: later.id },
      data: { nextAttemptAt: new Date(ctx.now().getTime() + 60_000), attempts: 1 },
    });
    expect(await claimAll(ctx)).toEqual(["now@exemple.ca"]);
    ctx.clock.advance(60_000);
    expect(await claimAll(ctx)).toEqual(["retry@exemple.ca"]);
  });

  it("takes back SENDING emails whose lease ran out in the same order, and never one still leased", async () => {
    const ctx = testContext(db);
    const deadNotice = await notice(ctx, "dead-notice@exemple.ca");
    ctx.clock.advance(1000);
    const leased = await notice(ctx, "leased@exemple.ca");
    ctx.clock.advance(1000);
    await notice(ctx, "pending-notice@exemple.ca");
    ctx.clock.advance(1000);
    const deadCode = await accountsEmail(ctx, "dead-code@exemple.ca");
    ctx.clock.advance(1000);
    await accountsEmail(ctx, "pending-code@exemple.ca");
    const expired = new Date(ctx.now().getTime() - 1);
    await db.prisma.outboxMessage.updateMany({
      where: { id: { in: [deadNotice.id, deadCode.id] } },
      data: { status: "SENDING", lockedUntil: expired, attempts: 1 },
    });
    await db.prisma.outboxMessage.update({
      where: { id: leased.id },
      data: { status: "SENDING", lockedUntil: new Date(ctx.now().getTime() + 60_000), attempts: 1 },
    });
    // Limit 3 out of four due: the merge keeps the order across both statuses, not the first of each.
    const batch = await claimDueEmails(ctx, { limit: 3 });
    expect(batch.map((c) => c.toAddress).sort()).toEqual(["dead-code@exemple.ca", "dead-notice@exemple.ca", "pending-code@exemple.ca"]);
    expect(batch.find((c) => c.toAddress === "dead-code@exemple.ca")?.attempts).toBe(2);
    expect(await claimAll(ctx)).toEqual(["pending-notice@exemple.ca"]);
    const leasedRow = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: leased.id } });
    expect(leasedRow.attempts).toBe(1);
  });
});

describeUnless("test/outbox/outbox-queue.test.ts (second instance)", [
  [!process.env.DATABASE_URL, "needs PostgreSQL (DATABASE_URL): the embedded database has one connection, so no second instance"],
])("claimDueEmails: several instances", () => {
  it("skips the email another instance holds locked, instead of waiting for it", async () => {
    const ctx = testContext(db);
    const held = await accountsEmail(ctx, "held@exemple.ca");
    await notice(ctx, "free@exemple.ca");
    const other = await openDatabase({ databaseUrl: db.url!, poolSize: 1 });
    try {
      const claimed = await other.prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM "OutboxMessage" WHERE id = ${held.id} FOR UPDATE`;
        return claimDueEmails(ctx, { limit: 5 });
      });
      expect(claimed.map((c) => c.toAddress)).toEqual(["free@exemple.ca"]);
      expect(await claimAll(ctx)).toEqual(["held@exemple.ca"]);
    } finally {
      await other.close();
    }
  });
});
