/**
 * Import benchmark (called by `npm run bench`): generates a 10,000-student export (scripts/generate-export.ts,
 * seed 42: families, classes, enrollments, attendance, credits…) and imports it into a fresh in-memory PGlite
 * and, when DATABASE_URL is set, into a fresh PostgreSQL database: rows/s of the first import and the time of
 * the re-import (which must report no change), side by side with ratios.
 *   npx tsx bench/import-bench.ts    (STUDENTS=2000 for a quicker run)
 */
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
