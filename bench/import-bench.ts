/**
 * Import benchmark (called by `npm run bench`): generates a 10,000-student export (scripts/generate-export.ts,
 * seed 42: families, classes, enrollments, attendance, credits…) and imports it into a fresh in-memory PGlite
 * and, when DATABASE_URL is set, into a fresh PostgreSQL database: rows/s of the first import and the time of
 * the re-import (which must report no change), side by side with ratios.
 * Then memory as the export grows: `aide-portail import oneroster` run as an operator runs it (its own process,
 * an embedded DATA_DIR or a scratch PostgreSQL database, migrated beforehand) on 10,000 and 50,000 students:
 * its peak RSS (VmHWM) and the export's rows per second of the whole command.
 *   npx tsx bench/import-bench.ts    (STUDENTS=2000 for a quicker run; PEAK_STUDENTS=10000,50000 by default)
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PGlite } from "@electric-sql/pglite";
import { openDatabase, type Database } from "../core/db/database";
import { withScratchPostgres } from "../test/helpers/scratch-postgres";
import { migrateDatabase } from "../core/db/migrate";
import { loadConfig } from "../core/config";
import { silentLogger } from "../core/logger";
import { importOneRoster } from "../core/import";
import { generateExport } from "../scripts/generate-export";
import { createScratchPostgres } from "../test/helpers/scratch-postgres";

const BIN = path.resolve(__dirname, "../bin/aide-portail.js");

interface Figures {
  rows: number;
  firstS: number;
  reimportS: number;
  reimportChanged: number;
}

async function measure(db: Database, dir: string): Promise<Figures> {
  await migrateDatabase(db);
  const ctx = {
    prisma: db.prisma,
    config: loadConfig({ DATA_DIR: path.join(os.tmpdir(), "aide-portail-bench") }),
    log: silentLogger,
    now: () => new Date(),
  };
  let t = performance.now();
  const first = await importOneRoster(ctx, { dir });
  const firstS = (performance.now() - t) / 1000;
  if (first.totals.errors) throw new Error(`import-bench: ${first.totals.errors} row errors in the generated export`);
  t = performance.now();
  const again = await importOneRoster(ctx, { dir });
  const reimportS = (performance.now() - t) / 1000;
  return {
    rows: first.totals.read,
    firstS,
    reimportS,
    reimportChanged: again.totals.created + again.totals.updated + again.totals.deactivated,
  };
}

interface PeakFigures {
  seconds: number;
  peakRssMb: number;
}

/** Runs `aide-portail ARGS` in its own process; its peak RSS is read from /proc while it runs (VmHWM only grows). */
function runCli(args: string[], env: Record<string, string>): Promise<PeakFigures> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, NODE_OPTIONS: "", LOG_LEVEL: "warn", SMTP_URL: "", DATABASE_URL: "", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    let peakKb = 0;
    child.stderr!.on("data", (d) => (err = (err + String(d)).slice(-4000)));
    const poll = setInterval(() => {
      try {
        peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? 0));
      } catch {
        // exited between two polls: the last reading stands
      }
    }, 100);
    child.once("exit", (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`aide-portail ${args.join(" ")} exited with ${code}:\n${err}`));
      else resolve({ seconds: (performance.now() - t) / 1000, peakRssMb: peakKb / 1024 });
    });
  });
}

/** `aide-portail import oneroster DIR` on a fresh, migrated database: PGlite under a new DATA_DIR, or PostgreSQL. */
async function importPeak(dir: string, kind: "pglite" | "postgres"): Promise<PeakFigures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "aide-portail-import-peak-"));
  const scratch = kind === "postgres" ? await createScratchPostgres(process.env.DATABASE_URL!, "ap_bench_import_peak") : null;
  const env = {
    DATA_DIR: dataDir,
    APP_SECRET: "import-bench-secret-0123456789abcdef0123",
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
  };
  try {
    await runCli(["db", "migrate"], env);
    return await runCli(["import", "oneroster", dir], env);
  } finally {
    await scratch?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function peakTable(): Promise<void> {
  const sizes = (process.env.PEAK_STUDENTS ?? "10000,50000").split(",").map(Number);
  const kinds: ("pglite" | "postgres")[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
  const rows: string[][] = [];
  for (const students of sizes) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aide-portail-export-"));
    try {
      const gen = generateExport({ students, out: dir, seed: 42 });
      for (const kind of kinds) {
        const f = await importPeak(dir, kind);
        rows.push([
          `${students} students (${gen.totalRows} rows), ${kind === "pglite" ? "PGlite" : "PostgreSQL"}`,
          f.peakRssMb.toFixed(0),
          f.seconds.toFixed(1),
          (gen.totalRows / f.seconds).toFixed(0),
        ]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const head = ["aide-portail import oneroster (own process)", "peak RSS MB", "s", "rows/s"];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join("  ");
  console.log("");
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  if (!process.env.DATABASE_URL) console.log("(DATABASE_URL unset: PostgreSQL rows skipped)");
}

const withPostgres = <T>(url: string, fn: (db: Database) => Promise<T>) => withScratchPostgres(url, "ap_bench_import", fn);

export async function run(): Promise<void> {
  const students = Number(process.env.STUDENTS ?? 10000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aide-portail-export-"));
  try {
    const gen = generateExport({ students, out: dir, seed: 42 });
    console.log(`export: ${students} students, ${gen.totalRows} rows, ${(dirSize(dir) / 1048576).toFixed(1)} MB in ${dir}`);
    const lite = await openDatabase({ pglite: new PGlite() });
    let a: Figures;
    try {
      a = await measure(lite, dir);
    } finally {
      await lite.close();
    }
    const url = process.env.DATABASE_URL;
    const b = url ? await withPostgres(url, (db) => measure(db, dir)) : null;
    if (!url) console.log("(DATABASE_URL unset: PostgreSQL column skipped)");
    const ratio = (x: number, y: number) => `${(x / y).toFixed(2)}×`;
    const rows: string[][] = [
      [
        "first import, rows/s",
        (a.rows / a.firstS).toFixed(0),
        b ? (b.rows / b.firstS).toFixed(0) : "—",
        b ? ratio(b.rows / b.firstS, a.rows / a.firstS) : "—",
      ],
      ["first import, s", a.firstS.toFixed(1), b ? b.firstS.toFixed(1) : "—", b ? ratio(b.firstS, a.firstS) : "—"],
      ["re-import (no change), s", a.reimportS.toFixed(1), b ? b.reimportS.toFixed(1) : "—", b ? ratio(b.reimportS, a.reimportS) : "—"],
      [
        "re-import rows/s",
        (a.rows / a.reimportS).toFixed(0),
        b ? (b.rows / b.reimportS).toFixed(0) : "—",
        b ? ratio(b.rows / b.reimportS, a.rows / a.reimportS) : "—",
      ],
      ["rows changed by the re-import", String(a.reimportChanged), b ? String(b.reimportChanged) : "—", ""],
    ];
    const head = [`import of ${a.rows} rows`, "PGlite", "PostgreSQL", "PG / PGlite"];
    const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join("  ");
    console.log(line(head));
    for (const r of rows) console.log(line(r));
    if (a.reimportChanged || b?.reimportChanged) throw new Error("import-bench: the re-import changed rows (it must not)");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  await peakTable();
}

function dirSize(dir: string): number {
  return fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
}

if (require.main === module) {
  run().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
