// An interrupted first start: SIGKILL during the demo seed of the first `aide-portail start` (during the import,
// then again during the accounts), then a normal start. The database must hold the whole demo, not a
// half-import that a later start takes for a seeded database (it used to report ready with 0 accounts).
// The implicit seed exists only on the embedded database, so this runs on PGlite whatever the run's engine.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { parse } from "csv-parse/sync";

const BIN = path.resolve(__dirname, "../../bin/aide-portail.js");
const DEMO = path.resolve(__dirname, "../../prisma/demo");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});

/** Starts `aide-portail start` and resolves with its output once `until` matches it (or rejects when it exits first). */
function startUntil(env: Record<string, string>, until: RegExp): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [BIN, "start"], {
    env: { ...process.env, NODE_OPTIONS: "", DATABASE_URL: "", SMTP_URL: "", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d;
      if (until.test(out)) resolve({ child, output: () => out });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code, signal) => reject(new Error(`exited with ${code ?? signal}:\n${out}`)));
  });
}

function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

const demoRows = (file: string) =>
  parse(fs.readFileSync(path.join(DEMO, file)), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];

describe("aide-portail start after an interrupted first start", () => {
  it("completes the demo seed that SIGKILL interrupted, during the import and then during the accounts", async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ap-start-kill-")), "data");
    const env = { DATA_DIR: dataDir };

    // 1. Killed in the middle of the import: schools and people are in, school days and accounts are not.
    const first = await startUntil({ ...env, PORT: String(await freePort()) }, /"file":"users\.csv".*"msg":"file imported"/);
    await kill(first.child, "SIGKILL");
    // 2. Killed once the import is done, while the accounts are being created.
    const second = await startUntil({ ...env, PORT: String(await freePort()) }, /"msg":"import finished"/);
    expect(second.output()).toMatch(/demo seed of an earlier start did not finish/);
    await kill(second.child, "SIGKILL");
    // 3. A normal start: it completes the seed, then serves.
    const port = await freePort();
    const third = await startUntil({ ...env, PORT: String(port) }, /\/healthz/);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    await kill(third.child, "SIGTERM");

    const db = new PGlite(path.join(dataDir, "pglite"));
    try {
      const count = async (table: string) => (await db.query<{ n: number }>(`select count(*)::int as n from "${table}"`)).rows[0].n;
      expect(await count("Account")).toBe(demoRows("accounts.csv").length);
      expect(await count("Staff")).toBe(demoRows("staff.csv").length);
      expect(await count("Student")).toBe(demoRows("users.csv").filter((u) => u.role === "student").length);
      expect(await count("SchoolDay")).toBe(demoRows("schoolDays.csv").length);
      // Every import run is closed: the killed ones as interrupted, the last one finished.
      const runs = (
        await db.query<{ finished: boolean; status: string }>(
          `select "finishedAt" is not null as finished, summary->>'status' as status from "ImportRun" order by "startedAt"`,
        )
      ).rows;
      expect(runs.every((r) => r.finished)).toBe(true);
      expect(runs[runs.length - 1].status).toBe("finished");
      expect(
        runs
          .slice(0, -1)
          .map((r) => r.status)
          .every((s) => s === "interrupted" || s === "finished"),
      ).toBe(true);
      expect((await db.query(`select 1 from "AuditEvent" where action = 'demo.seeded'`)).rows).toHaveLength(1);
    } finally {
      await db.close();
    }

    // 4. A further start seeds nothing again.
    const runsBefore = await (async () => {
      const d = new PGlite(path.join(dataDir, "pglite"));
      try {
        return (await d.query<{ n: number }>(`select count(*)::int as n from "ImportRun"`)).rows[0].n;
      } finally {
        await d.close();
      }
    })();
    const port4 = await freePort();
    const fourth = await startUntil({ ...env, PORT: String(port4) }, /\/healthz/);
    await kill(fourth.child, "SIGTERM");
    const d = new PGlite(path.join(dataDir, "pglite"));
    try {
      expect((await d.query<{ n: number }>(`select count(*)::int as n from "ImportRun"`)).rows[0].n).toBe(runsBefore);
    } finally {
      await d.close();
    }
  }, 180_000);
});
