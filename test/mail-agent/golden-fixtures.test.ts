// Golden tests (Zammad's): every test/fixtures/mail/NNN-name.eml through the pipeline without side effects
// (`mail inspect`), compared with NNN-name.expected.json. The database holds the demo dataset and the three
// tickets the reply fixtures answer (test/helpers/mail-fixtures.ts).
import fs from "node:fs";
import path from "node:path";
import { inspectEmail } from "../../mail-agent/inspect-email";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testConfig, testContext } from "../helpers/context";
import { GOLDEN_APP_SECRET, MAIL_FIXTURES_DIR, setUpMailFixtures } from "../helpers/mail-fixtures";

const fixtures = fs
  .readdirSync(MAIL_FIXTURES_DIR)
  .filter((f) => f.endsWith(".eml"))
  .sort();
let db: TestDatabase;
let ctx: ReturnType<typeof testContext>;

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = testContext(db, { config: testConfig({ APP_SECRET: GOLDEN_APP_SECRET }) });
  await setUpMailFixtures(ctx);
});
afterAll(() => db.close());

it("has at least 40 fixtures, each beside its expected JSON", () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(40);
  for (const f of fixtures) expect(fs.existsSync(path.join(MAIL_FIXTURES_DIR, f.replace(/\.eml$/, ".expected.json")))).toBe(true);
});

it.each(fixtures)("%s", async (file) => {
  const expected = JSON.parse(fs.readFileSync(path.join(MAIL_FIXTURES_DIR, file.replace(/\.eml$/, ".expected.json")), "utf8"));
  const before = await db.prisma.inboundEmail.count();
  const got = await inspectEmail(ctx, fs.readFileSync(path.join(MAIL_FIXTURES_DIR, file)));
  expect(got).toEqual(expected);
  expect(Object.keys(got)).toEqual(["action", "intent", "lang", "school", "child", "oen", "reason"]);
  expect(await db.prisma.inboundEmail.count()).toBe(before); // inspect writes nothing
});
