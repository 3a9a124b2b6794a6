// `doctor` checks that the embedded database is whole. A relation file cut short (here: truncated by hand, as
// a full disk or a bad copy would) reads as an empty table without any error; doctor used to say all was well.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { importOneRoster } from "../../core/import";
import { translator } from "../../core/i18n";
import { boot } from "../../bin/boot";
import { runDoctor } from "../../bin/doctor";
import { baseExport, writeExport } from "../import/fixtures";

const t = translator("fr");
const env = (dir: string) => ({ DATA_DIR: dir, DATABASE_URL: "", LOG_LEVEL: "silent" });

async function relationFile(dir: string, table: string): Promise<string> {
  const db = new PGlite(path.join(dir, "pglite"));
  try {
    return path.join(dir, "pglite", (await db.query<{ p: string }>(`select pg_relation_filepath('"${table}"') as p`)).rows[0].p);
  } finally {
    await db.close();
  }
}

async function importedDataDir(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-doctor-integrity-"));
  const b = await boot({ env: env(dir) });
  try {
    const files = baseExport();
    const days = [
      "schoolCode,date,cycleDay",
      ...Array.from(
        { length: 300 },
        (_, i) => `EEP-MARIE-CURIE,${new Date(Date.UTC(2026, 8, 1) + i * 86400000).toISOString().slice(0, 10)},${(i % 5) + 1}`,
      ),
    ];
    files["schoolDays.csv"] = days.join("\n") + "\n";
    const s = await importOneRoster(b.ctx, { dir: writeExport(files) });
    expect(s.files.find((f) => f.file === "schoolDays.csv")).toMatchObject({ created: 300, errorCount: 0 });
  } finally {
    await b.close();
  }
  return dir;
}

describe("doctor: database integrity", () => {
  it("says the database is whole after an import", async () => {
    const dir = await importedDataDir();
    const line = (await runDoctor(env(dir), t)).find((l) => l.check === "integrity")!;
    expect(line.ok).toBe(true);
    expect(line.detail).toMatch(/^Base de données entière : \d+ tables et \d+ lignes lues/);
  });

  it("finds a table whose file was truncated (it reads as empty), names it and says what to do", async () => {
    const dir = await importedDataDir();
    fs.truncateSync(await relationFile(dir, "SchoolDay"), 0);
    const lines = await runDoctor(env(dir), t);
    const line = lines.find((l) => l.check === "integrity")!;
    expect(line.ok).toBe(false);
    expect(line.detail).toMatch(/^Base de données endommagée \(2 problème\(s\)\) : restaurez une copie/);
    expect(line.detail).toMatch(
      /- SchoolDay: rows listed by its primary key index cannot be read|- SchoolDay: its primary key index lists 300 rows/,
    );
    expect(line.detail).toContain("- SchoolDay: holds 0 rows, the last import");
    expect(line.detail).toContain("left 300");
    expect(lines.find((l) => l.check === "database")!.ok).toBe(true); // reachable and migrated: only integrity says it
  });

  it("finds a table cut short by one block, through the last import's counts even where the index cannot tell", async () => {
    const dir = await importedDataDir();
    const file = await relationFile(dir, "SchoolDay");
    fs.truncateSync(file, fs.statSync(file).size - 8192);
    const line = (await runDoctor(env(dir), t)).find((l) => l.check === "integrity")!;
    expect(line.ok).toBe(false);
    expect(line.detail).toMatch(/- SchoolDay: holds \d+ rows, the last import \(.*\) left 300/);
  });
});
