// `aide-portail start` as an operator runs it: a fresh DATA_DIR, the real command in a child process, on the
// engine of the run (embedded PGlite, or a scratch PostgreSQL database when DATABASE_URL is set).
// First run: data folder created, migrations applied, demo loaded (embedded only), /healthz answers. Second
// start: nothing re-seeded. Bad environment: a clear message naming the variable, exit code 1.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createChildDatabase, type ChildDatabase } from "../helpers/child-database";

const BIN = path.resolve(__dirname, "../../bin/aide-portail.js");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

const children: ChildProcess[] = [];
// A test that times out before its child is ready must not leave it running (it would hold the data folder).
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});

/** Starts the command and resolves once it prints its ready line (or rejects with its output if it exits). */
function start(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [BIN, "start"], {
    env: { ...process.env, NODE_OPTIONS: "", SMTP_URL: "", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", () => {
      if (out.includes("/healthz")) resolve({ child, output: () => out });
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

describe("aide-portail start", () => {
  let db: ChildDatabase;
  let dataDir: string;
  beforeAll(async () => {
    db = await createChildDatabase("ap_start");
    dataDir = db.dataDir;
  });
  afterAll(() => db.drop());

  it("on a first run creates DATA_DIR, migrates, seeds the demo (embedded only) and serves /healthz and /metrics", async () => {
    const port = await freePort();
    const { child } = await start({ ...db.env, PORT: String(port) });
    try {
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toContain("aide_portail_outbox_messages");
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
    } finally {
      expect(await stop(child)).toBe(0);
    }
    expect(fs.existsSync(dataDir)).toBe(true);
    expect(await db.count("_prisma_migrations")).toBeGreaterThanOrEqual(3);
    if (db.kind === "postgres") {
      // A PostgreSQL server is never seeded implicitly (`db seed` does it when asked).
      expect(await db.count("ImportRun")).toBe(0);
      return;
    }
    expect(fs.existsSync(path.join(dataDir, "pglite", "PG_VERSION"))).toBe(true);
    const [schools] = await db.query<{ n: number }>(`select count(distinct "schoolId")::int as n from "Student"`);
    expect(schools.n).toBeGreaterThanOrEqual(6);
    expect(await db.count("Student")).toBeGreaterThanOrEqual(15);
    expect(await db.count("ImportRun")).toBe(1);
  });

  it("a second start reuses the data and seeds nothing again", async () => {
    const runs = await db.count("ImportRun");
    const port = await freePort();
    const { child } = await start({ ...db.env, PORT: String(port) });
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(await stop(child)).toBe(0);
    expect(await db.count("ImportRun")).toBe(runs);
  });

  it("refuses a bad environment with a message naming each bad variable", () => {
    const res = spawnSync(process.execPath, [BIN, "start"], {
      env: { ...process.env, NODE_OPTIONS: "", PORT: "soixante", DATABASE_URL: "mysql://nope", LOG_LEVEL: "warn" },
      encoding: "utf8",
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("PORT");
    expect(res.stderr).toContain("DATABASE_URL");
    expect(res.stderr).toMatch(/Configuration invalide/);
  });

  it("a PORT already in use is said plainly, and the database is left closed and unlocked", async () => {
    const busy = net.createServer();
    await new Promise<void>((r) => busy.listen(0, "0.0.0.0", () => r()));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      const res = spawnSync(process.execPath, [BIN, "start"], {
        env: { ...process.env, NODE_OPTIONS: "", ...db.env, PORT: String(port), LOG_LEVEL: "warn" },
        encoding: "utf8",
      });
      expect(res.status).toBe(1);
      expect(res.stderr).toContain(`Le port ${port} est déjà utilisé`);
      expect(res.stderr).toContain(`PORT ${port} is already in use`);
      expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(fs.existsSync(path.join(dataDir, "pglite.lock"))).toBe(false);
    } finally {
      await new Promise((r) => busy.close(r));
    }
  });

  it("`db migrate` on an up-to-date database changes nothing", () => {
    const run = () =>
      spawnSync(process.execPath, [BIN, "db", "migrate"], {
        env: { ...process.env, NODE_OPTIONS: "", ...db.env, LOG_LEVEL: "warn" },
        encoding: "utf8",
      });
    const res = run();
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/à jour/);
  });
});
