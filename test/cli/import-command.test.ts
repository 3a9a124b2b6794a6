// The CLI commands: `import oneroster DIR` prints the summary and exits 1 when a file was rejected;
// `db seed` loads the demo.
import { Command } from "commander";
import type { CommandDeps } from "../../cli/command-deps";
import { registerDbCommands } from "../../cli/db-command";
import { registerImportCommands } from "../../cli/import-command";
import { translator } from "../../core/i18n";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";
import { baseExport, writeExport } from "../import/fixtures";

describe("import CLI", () => {
  let db: TestDatabase;
  let out: string[];
  let err: string[];
  const spies: jest.SpyInstance[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  beforeEach(() => {
    out = [];
    err = [];
    spies.push(jest.spyOn(console, "log").mockImplementation((...a) => void out.push(a.join(" "))));
    spies.push(jest.spyOn(process.stderr, "write").mockImplementation(((s: string) => (err.push(String(s)), true)) as never));
    process.exitCode = undefined;
  });
  afterEach(async () => {
    for (const s of spies.splice(0)) s.mockRestore();
    process.exitCode = undefined;
    await db.reset();
  });
  afterAll(async () => {
    await db.close();
  });

  async function cli(...args: string[]) {
    const program = new Command().exitOverride();
    const deps: CommandDeps = {
      t: translator("en"),
      boot: async () => ({ ctx: testContext(db), applied: [], close: async () => undefined }),
      startSystem: () => Promise.reject(new Error("not in this test")),
      runDoctor: () => Promise.reject(new Error("not in this test")),
      backupDatabase: () => Promise.reject(new Error("not in this test")),
      restoreDatabase: () => Promise.reject(new Error("not in this test")),
    };
    registerImportCommands(program, deps);
    registerDbCommands(program, deps);
    await program.parseAsync(["node", "aide-portail", ...args]);
    return process.exitCode ?? 0;
  }

  it("imports with progress lines and a summary table; a rejected file makes the exit code 1", async () => {
    const dir = writeExport(baseExport());
    expect(await cli("import", "oneroster", dir)).toBe(0);
    expect(err.join("")).toMatch(/import: users\.csv 100%/);
    expect(out.join("\n")).toMatch(/users\.csv\s+4\s+4\s+0\s+0/);
    expect(await cli("import", "oneroster", dir)).toBe(0);
    expect(out.join("\n")).toMatch(/No change/);

    const bad = writeExport({ ...baseExport(), "classes.csv": "sourcedId,title\nk1,x\n" });
    out = [];
    expect(await cli("import", "oneroster", bad)).toBe(1);
    expect(out.join("\n")).toMatch(/REJECTED classes\.csv: missing required column\(s\) schoolSourcedId/);
    expect(out.join("\n")).not.toMatch(/already held/); // a rejected file was not "already there"
    expect(out[out.length - 1]).toMatch(/^Nothing written: 0 row\(s\) and 1 file\(s\) rejected/);
  });

  it("db seed loads the demo and its accounts", async () => {
    expect(await cli("db", "seed")).toBe(0);
    expect(out.join("\n")).toMatch(/Demo accounts: 8 created/);
    expect(await db.prisma.student.count()).toBeGreaterThanOrEqual(15);
  });
});
