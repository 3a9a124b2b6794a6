// Robustness against malformed and exotic MIME (the held-out public corpus's kinds): 300 generated hostile
// messages (test/helpers/hostile-mail.ts) through `inspectEmail` and through the real pipeline in batches as
// the intakes run it. Each must come out as a ticket, a thread, an ignore or a quarantine (or a duplicate of
// one of those) — never a throw, never a hang — nothing may be lost (one intake or quarantine record per
// email that is not a duplicate), inspect writes nothing, and memory stays bounded.
import { inspectEmail } from "../../mail-agent";
import { processEmails } from "../../mail-agent/pipeline/process-email";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";
import { generateHostileMessages } from "../helpers/hostile-mail";

jest.setTimeout(170_000);

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const messages = generateHostileMessages();
const OUTCOMES = ["ticket", "thread", "ignore", "quarantine"];

/** A hang guard, not a speed assertion: a message still running after this long is stuck. */
async function bounded<T>(what: string, p: Promise<T>, ms = 60_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} hung for ${ms} ms`)), ms)));
  try {
    return await Promise.race([p, hang]);
  } finally {
    clearTimeout(timer);
  }
}

it("generates a few hundred hostile messages of every kind", () => {
  expect(messages.length).toBeGreaterThanOrEqual(300);
  const kinds = new Set(
    messages.map((m) =>
      m.name
        .replace(/^\d+-/, "")
        .replace(/-again$/, "")
        .replace(/-\d+$/, ""),
    ),
  );
  for (const k of [
    "broken-boundary",
    "bad-charset",
    "huge-headers",
    "5mb-body",
    "nul-bytes",
    "invalid-base64",
    "invalid-qp",
    "missing-headers",
    "8bit-headers",
    "duplicate-message-id",
    "zip-bomb-like",
  ])
    expect(kinds).toContain(k);
  expect([...kinds].some((k) => k.startsWith("nested-"))).toBe(true);
});

it("inspectEmail answers every one with one of the four actions and writes nothing", async () => {
  const ctx = testContext(db);
  const heapBefore = process.memoryUsage().heapUsed;
  const bad: string[] = [];
  for (const m of messages) {
    const r = await bounded(m.name, inspectEmail(ctx, m.raw)).catch((err: Error) => ({ action: `threw: ${err.message}` }));
    if (!OUTCOMES.includes(r.action)) bad.push(`${m.name}: ${r.action}`);
  }
  expect(bad).toEqual([]);
  expect(await db.prisma.inboundEmail.count()).toBe(0);
  expect(await db.prisma.mailQuarantine.count()).toBe(0);
  // Bounded: a few hundred messages (some 5 MB, one 30 MB-when-inflated attachment) leave no build-up behind.
  expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(512 * 1024 * 1024);
});

it("the real pipeline, in batches as the intakes run it: an outcome for each, nothing lost", async () => {
  const ctx = testContext(db);
  const results: { name: string; action: string; quarantineId?: string | null }[] = [];
  for (let i = 0; i < messages.length; i += 50) {
    const batch = messages.slice(i, i + 50);
    const out = await bounded(
      `batch ${i}`,
      processEmails(
        { ctx, dryRun: false },
        batch.map((m, k) => ({ raw: m.raw, source: { mailbox: "hostile", uidValidity: 1n, uid: BigInt(i + k + 1) } })),
      ),
      120_000,
    );
    out.forEach((r, k) => results.push({ name: batch[k].name, action: r.action, quarantineId: r.quarantineId }));
  }
  expect(results.filter((r) => ![...OUTCOMES, "duplicate"].includes(r.action))).toEqual([]);
  // The exact copies are duplicates of their first copy; every other email left a record (intake or quarantine).
  for (const r of results.filter((x) => x.name.endsWith("-again"))) expect(r).toMatchObject({ name: r.name, action: "duplicate" });
  // Two messages with the same content (the empty message and a lone blank line) are one email, quarantined once.
  const quarantines = new Set(results.filter((r) => r.action === "quarantine").map((r) => r.quarantineId));
  const recorded = results.filter((r) => r.action !== "duplicate" && r.action !== "quarantine").length + quarantines.size;
  expect(await db.prisma.inboundEmail.count()).toBe(recorded);
  expect(await db.prisma.mailQuarantine.count()).toBe(quarantines.size);
  expect(quarantines.has(undefined) || quarantines.has(null) || quarantines.has("")).toBe(false);
  // The same mailbox read again (a crash before the move): every one is recognised, nothing is written twice.
  const again = await processEmails(
    { ctx, dryRun: false },
    messages.slice(0, 50).map((m, k) => ({ raw: m.raw, source: { mailbox: "hostile", uidValidity: 1n, uid: BigInt(k + 1) } })),
  );
  expect(again.map((r) => r.action)).toEqual(again.map(() => "duplicate"));
  expect(await db.prisma.inboundEmail.count()).toBe(recorded);
});
