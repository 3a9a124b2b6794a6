// runOncePerPeriod / scheduleJob: a job runs once per period however many instances call it, a crashed
// holder's period is taken back after its lease, a failed run is retried, a finished one never is. On the
// PostgreSQL pass (DATABASE_URL) the "instances" are separate connection pools racing for real.
import { openDatabase, type Database } from "../../core/db/database";
import { periodKey, runOncePerPeriod, scheduleJob } from "../../core/scheduled-job";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testClock, testContext } from "../helpers/context";

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

describe("runOncePerPeriod", () => {
  it("runs the job once per period, however many callers race for it", async () => {
    const ctx = testContext(db);
    let runs = 0;
    const job = { job: "purge", period: "2026-11-23" };
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () =>
        runOncePerPeriod(ctx, job, async () => {
          runs += 1;
          await new Promise((r) => setTimeout(r, 20));
        }),
      ),
    );
    expect(runs).toBe(1);
    expect(outcomes.filter((o) => o === "ran")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "skipped")).toHaveLength(5);
    expect(await runOncePerPeriod(ctx, job, async () => void (runs += 1))).toBe("skipped");
    expect(await runOncePerPeriod(ctx, { ...job, period: "2026-11-24" }, async () => void (runs += 1))).toBe("ran");
    expect(runs).toBe(2);
  });

  it("a failed run is tried again; a holder that died is replaced once its lease ran out", async () => {
    const clock = testClock("2026-11-23T03:00:00Z");
    const ctx = testContext(db, { clock });
    const failed = await runOncePerPeriod(ctx, { job: "notices", period: "p1" }, async () => {
      throw new Error("SMTP down");
    });
    expect(failed).toBe("failed");
    const row = await db.prisma.scheduledJobRun.findUniqueOrThrow({ where: { job_period: { job: "notices", period: "p1" } } });
    expect(row).toMatchObject({ status: "FAILED", lastError: "SMTP down" });
    expect(await runOncePerPeriod(ctx, { job: "notices", period: "p1" }, async () => {})).toBe("ran");

    // A holder that never finishes (SIGKILLed): its RUNNING row blocks others until the lease is over.
    let release!: () => void;
    const hung = runOncePerPeriod(ctx, { job: "purge", period: "p1", leaseMs: 60_000 }, () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 50));
    expect(await runOncePerPeriod(ctx, { job: "purge", period: "p1" }, async () => {})).toBe("skipped");
    clock.advance(61_000);
    let tookOver = false;
    expect(await runOncePerPeriod(ctx, { job: "purge", period: "p1" }, async () => void (tookOver = true))).toBe("ran");
    expect(tookOver).toBe(true);
    release();
    await hung;
    const purge = await db.prisma.scheduledJobRun.findUniqueOrThrow({ where: { job_period: { job: "purge", period: "p1" } } });
    expect(purge.status).toBe("DONE");
    expect(purge.attempts).toBe(2);
  });

  it("periodKey aligns every instance on the same period", () => {
    const hour = 3_600_000;
    expect(periodKey(new Date("2026-11-23T10:59:59.999Z"), hour)).toBe("2026-11-23T10:00:00.000Z");
    expect(periodKey(new Date("2026-11-23T11:00:00.000Z"), hour)).toBe("2026-11-23T11:00:00.000Z");
  });
});

describe("scheduleJob", () => {
  it("two instances ticking the same job: one run per period", async () => {
    const clock = testClock("2026-11-23T10:15:00Z");
    // A second pool on PostgreSQL (a second instance for real); on PGlite the same single-connection database.
    let other: Database | undefined;
    if (process.env.DATABASE_URL) other = await openDatabase({ databaseUrl: db.url!, poolSize: 2 });
    const a = testContext(db, { clock });
    const b = other ? { ...a, prisma: other.prisma } : a;
    const periods: string[] = [];
    const jobA = scheduleJob(a, { job: "digest", everyMs: 3_600_000, checkMs: 3_600_000 }, async (p) => void periods.push(`a ${p}`));
    const jobB = scheduleJob(b, { job: "digest", everyMs: 3_600_000, checkMs: 3_600_000 }, async (p) => void periods.push(`b ${p}`));
    try {
      await Promise.all([jobA.tick(), jobB.tick(), jobA.tick(), jobB.tick()]);
      clock.advance(3_600_000);
      await Promise.all([jobB.tick(), jobA.tick()]);
      expect(periods.map((p) => p.slice(2))).toEqual(["2026-11-23T10:00:00.000Z", "2026-11-23T11:00:00.000Z"]);
    } finally {
      await jobA.stop();
      await jobB.stop();
      await other?.close();
    }
  });
});
