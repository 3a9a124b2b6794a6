/**
 * Start benchmark (called by `npm run bench`): spawns `aide-portail start` as an operator runs it, on a fresh
 * DATA_DIR (migrations + demo seed) and again on the same, existing one; measures the time from spawn to the
 * first 200 of /healthz and the RSS after 5 s idle (VmRSS of the process), beside the anchors: idle RSS
 * 462 MB before this work (later start) and the 300 MB target. With DATABASE_URL, the same on a scratch
 * PostgreSQL database. Then the first chat answer after the start (Direct Line, as Web Chat asks it: a token,
 * a conversation, one message, polling until the bot's reply) and the RSS after it. The first start is left
 * running until its compressed Web Chat bundle is cached (brotli at quality 11 holds ≈ 50 MB while it runs),
 * so that the later start is measured as an operator's would be. The process logs its memory at each step of
 * the start (debug checkpoints of bin/start.ts), printed here to show what holds the memory.
 *   npx tsx bench/start-bench.ts
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createScratchPostgres } from "../test/helpers/scratch-postgres";

const BIN = path.resolve(__dirname, "../bin/aide-portail.js");
const IDLE_MS = 5000;
const ANCHOR_RSS_MB = 462;
const TARGET_RSS_MB = 300;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

interface StartFigures {
  toHealthzS: number;
  idleRssMb: number;
  firstAnswerMs: number;
  afterAnswerRssMb: number;
  checkpoints: { step: string; rssMb: number; heapUsedMb: number; externalMb: number }[];
}

/** One chat turn through Direct Line: ms from posting the message to seeing the bot's reply. */
async function firstAnswer(port: number, text: string): Promise<number> {
  const base = `http://127.0.0.1:${port}/v3/directline`;
  const g = (await (await fetch(`${base}/tokens/generate`, { method: "POST" })).json()) as { token: string; conversationId: string };
  const auth = { Authorization: `Bearer ${g.token}`, "Content-Type": "application/json" };
  await fetch(`${base}/conversations`, { method: "POST", headers: auth });
  const activities = async (watermark: string) =>
    (await (await fetch(`${base}/conversations/${g.conversationId}/activities?watermark=${watermark}`, { headers: auth })).json()) as {
      watermark: string;
      activities: { type?: string; from?: { role?: string }; replyToId?: string }[];
    };
  let { watermark } = await activities("");
  const t = performance.now();
  const posted = (await (
    await fetch(`${base}/conversations/${g.conversationId}/activities`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ type: "message", text }),
    })
  ).json()) as { id: string };
  for (;;) {
    const page = await activities(watermark);
    watermark = page.watermark;
    if (page.activities.some((a) => a.type === "message" && a.from?.role === "bot" && a.replyToId === posted.id))
      return performance.now() - t;
    if (performance.now() - t > 60_000) throw new Error("start-bench: no answer to the first message within 60 s");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The compressed copy of the Web Chat bundle that the first start makes in the background, once written. */
async function webchatCached(dataDir: string, timeoutMs: number): Promise<boolean> {
  const dir = path.join(dataDir, "cache", "webchat");
  const t = performance.now();
  while (performance.now() - t < timeoutMs) {
    if (fs.existsSync(dir) && fs.readdirSync(dir).some((f) => /^webchat\..*\.js\.br$/.test(f))) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function measureStart(env: Record<string, string>): Promise<StartFigures> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, "start"], {
    env: { ...process.env, NODE_OPTIONS: "", DATABASE_URL: "", SMTP_URL: "", LOG_LEVEL: "debug", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
  try {
    let toHealthzS = 0;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`start exited with ${child.exitCode}:\n${out.slice(-2000)}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.status === 200) {
          toHealthzS = (performance.now() - t0) / 1000;
          break;
        }
      } catch {
        // not listening yet
      }
      if (performance.now() - t0 > 180_000) throw new Error(`no /healthz within 180 s:\n${out.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const idleRssMb = rssMb(child.pid!);
    const firstAnswerMs = await firstAnswer(port, "Bonjour, je cherche l'horaire de l'école");
    const afterAnswerRssMb = rssMb(child.pid!);
    if (!(await webchatCached(env.DATA_DIR, 120_000))) console.log("(the compressed Web Chat bundle was not cached within 120 s)");
    const checkpoints = out
      .split("\n")
      .filter((l) => l.includes('"memory checkpoint"'))
      .map((l) => JSON.parse(l) as { step: string; rssMb: number; heapUsedMb: number; externalMb: number })
      .map(({ step, rssMb, heapUsedMb, externalMb }) => ({ step, rssMb, heapUsedMb, externalMb }));
    return { toHealthzS, idleRssMb, firstAnswerMs, afterAnswerRssMb, checkpoints };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

function print(label: string, f: StartFigures): void {
  console.log(
    `${label.padEnd(34)} to /healthz ${f.toHealthzS.toFixed(2).padStart(6)} s   idle RSS ${f.idleRssMb.toFixed(0).padStart(4)} MB` +
      `   vs ${ANCHOR_RSS_MB} MB before: ${(f.idleRssMb / ANCHOR_RSS_MB).toFixed(2)}×   vs ${TARGET_RSS_MB} MB target: ${(f.idleRssMb / TARGET_RSS_MB).toFixed(2)}×` +
      `   first answer ${f.firstAnswerMs.toFixed(0).padStart(5)} ms   RSS after it ${f.afterAnswerRssMb.toFixed(0).padStart(4)} MB`,
  );
}

export async function run(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aide-portail-start-bench-"));
  try {
    await measureAll(path.join(tmp, "data"));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function measureAll(dataDir: string): Promise<void> {
  const first = await measureStart({ DATA_DIR: dataDir });
  const later = await measureStart({ DATA_DIR: dataDir });
  print("PGlite, first start (fresh DATA_DIR)", first);
  print("PGlite, later start", later);
  console.log("\nmemory at each step of the later start (process.memoryUsage(), MB):");
  for (const c of later.checkpoints) {
    console.log(
      `  ${c.step.padEnd(22)} rss ${c.rssMb.toFixed(0).padStart(4)}  heapUsed ${c.heapUsedMb.toFixed(0).padStart(4)}  external ${c.externalMb.toFixed(0).padStart(4)}`,
    );
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log("(DATABASE_URL unset: PostgreSQL rows skipped)");
    return;
  }
  const scratch = await createScratchPostgres(url, "ap_bench_start");
  try {
    const env = { DATABASE_URL: scratch.url, APP_SECRET: "start-bench-secret-0123456789abcdef0123", DATA_DIR: path.join(dataDir, "pg") };
    print("PostgreSQL, first start (migrates)", await measureStart(env));
    print("PostgreSQL, later start", await measureStart(env));
  } finally {
    await scratch.drop();
  }
}

if (require.main === module) {
  run().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
