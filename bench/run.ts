// `npm run bench`: every benchmark, one after the other, each printing its figures side by side as ratios.
// PostgreSQL figures need a server: DATABASE_URL, or a private one started by scripts/pg-test-server.sh
// when PostgreSQL is installed. Speed is measured here, never asserted in tests.
// A whole run (no bench named) writes the report docs/bench.md and docs/bench.json: what each bench printed,
// with the machine, the date and how long each took, so the report in the repository is the last run's.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const BENCHES = [
  "nlu-bench",
  "import-bench",
  "records-bench",
  "enumeration-bench",
  "bot-bench",
  "directline-bench",
  "mail-bench",
  "triage-bench",
  "start-bench",
  "load-run",
];

function ensurePostgres(): void {
  if (process.env.DATABASE_URL) return;
  const hasPg = fs.existsSync("/usr/lib/postgresql");
  if (!hasPg || process.getuid?.() !== 0) {
    console.log("(no DATABASE_URL and no local PostgreSQL to start: PostgreSQL columns are skipped)");
    return;
  }
  const url = execFileSync("bash", [path.join(__dirname, "../scripts/pg-test-server.sh")], { encoding: "utf8" }).trim();
  process.env.DATABASE_URL = url;
  console.log(`PostgreSQL for the benchmarks: ${url}`);
}

interface BenchSection {
  name: string;
  seconds: number;
  lines: string[];
  error?: string;
}

/** Runs one bench, keeping what it prints (it still goes to the terminal). */
async function runCaptured(name: string): Promise<BenchSection> {
  const lines: string[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => {
    lines.push(args.map(String).join(" "));
    original(...args);
  };
  const started = Date.now();
  try {
    const mod = (await import(`./${name}`)) as { run(): Promise<void> };
    await mod.run();
    return { name, seconds: (Date.now() - started) / 1000, lines };
  } catch (err) {
    console.error(err);
    return { name, seconds: (Date.now() - started) / 1000, lines, error: String((err as Error)?.stack ?? err) };
  } finally {
    console.log = original;
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cpu: `${cpus.length} × ${cpus[0]?.model ?? "unknown"}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    postgres: process.env.DATABASE_URL ? "yes" : "no",
  };
}

function writeReport(sections: BenchSection[]): void {
  const m = machine();
  const docs = path.join(__dirname, "../docs");
  fs.writeFileSync(path.join(docs, "bench.json"), `${JSON.stringify({ machine: m, sections }, null, 2)}\n`);
  const md = [
    "# Benchmarks",
    "",
    "Written by `npm run bench` (the last whole run); each figure stands beside its anchor, measured in the same run.",
    "",
    `- date: ${m.date}`,
    `- machine: ${m.cpu}, ${m.memoryGiB} GiB, ${m.os}`,
    `- Node ${m.node}; PostgreSQL figures: ${m.postgres}`,
    "",
    ...sections.flatMap((s) => [
      `## ${s.name} (${s.seconds.toFixed(0)} s)`,
      "",
      "```",
      ...s.lines.map((l) => l.replace(/\s+$/, "")),
      ...(s.error ? ["", `FAILED: ${s.error.split("\n")[0]}`] : []),
      "```",
      "",
    ]),
  ].join("\n");
  fs.writeFileSync(path.join(docs, "bench.md"), md);
  console.log(`\nreport: docs/bench.md, docs/bench.json`);
}

async function main() {
  const only = process.argv.slice(2);
  ensurePostgres();
  const sections: BenchSection[] = [];
  for (const name of BENCHES) {
    if (only.length && !only.some((o) => name.startsWith(o))) continue;
    console.log(`\n=== ${name} ===`);
    sections.push(await runCaptured(name));
  }
  if (!only.length) writeReport(sections);
  if (sections.some((s) => s.error)) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
