// `npm run bench`: every benchmark, one after the other, each printing its figures side by side as ratios.
// PostgreSQL figures need a server: DATABASE_URL, or a private one started by scripts/pg-test-server.sh
// when PostgreSQL is installed. Speed is measured here, never asserted in tests.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const BENCHES = ["nlu-bench", "import-bench", "records-bench", "triage-bench"];

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

async function main() {
  const only = process.argv.slice(2);
  ensurePostgres();
  for (const name of BENCHES) {
    if (only.length && !only.some((o) => name.startsWith(o))) continue;
    console.log(`\n=== ${name} ===`);
    const mod = (await import(`./${name}`)) as { run(): Promise<void> };
    await mod.run();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
