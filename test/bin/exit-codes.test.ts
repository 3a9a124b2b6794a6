// Exit codes of the real `aide-portail` process, on the engine of the run (embedded PGlite, or a scratch
// PostgreSQL database when DATABASE_URL is set): closing PGlite once reset `process.exitCode`, so a rejected
// file and a missing folder both exited 0 while a stubbed close() in a unit test hid it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createChildDatabase, type ChildDatabase } from "../helpers/child-database";
import { baseExport, writeExport } from "../import/fixtures";

const BIN = path.resolve(__dirname, "../../bin/aide-portail.js");

function run(db: ChildDatabase, ...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, NODE_OPTIONS: "", SMTP_URL: "", LOG_LEVEL: "warn", AIDE_PORTAIL_LANG: "fr", ...db.env },
    encoding: "utf8",
  });
}

describe("exit codes of the real process", () => {
  let db: ChildDatabase;
  beforeAll(async () => {
    db = await createChildDatabase("ap_exit");
  });
  afterAll(() => db.drop());

  it("import oneroster: a rejected file exits 1, and the other files are imported", async () => {
    const files = baseExport();
    files["classes.csv"] = "sourcedId,title,classCode\nk1,Français 10,FRA2D-01\n";
    const r = run(db, "import", "oneroster", writeExport(files));
    expect(r.stdout).toMatch(/classes\.csv \(REJETÉ\)/);
    expect(r.status).toBe(1);
    expect(await db.count("Student")).toBe(2);
  });

  it("import oneroster: a folder that does not exist exits non-zero with the French sentence, no stack trace", () => {
    const r = run(db, "import", "oneroster", "/nonexistent/export-folder");
    expect(r.status).not.toBe(0);
    // The person's sentence first (the template, not its key); the operator's detail follows as one JSON log line.
    const [sentence, ...logLines] = r.stderr.trim().split("\n");
    expect(sentence).toBe("import impossible : Le dossier d'import « /nonexistent/export-folder » n'existe pas ou n'est pas un dossier.");
    expect(logLines.map((l) => JSON.parse(l).msg)).toEqual(["import failed"]); // no raw stack trace lines
  });

  it("db seed exits 0", async () => {
    const r = run(db, "db", "seed");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(0);
    expect(await db.count("Account")).toBeGreaterThan(0);
  });

  it("a DATA_DIR that is a file: exit 1 and a plain sentence, no EEXIST stack trace", () => {
    const file = path.join(db.dataDir, "..", "not-a-folder");
    fs.writeFileSync(file, "");
    for (const dir of [file, path.join(file, "data")]) {
      const r2 = spawnSync(process.execPath, [BIN, "db", "migrate"], {
        env: { ...process.env, NODE_OPTIONS: "", LOG_LEVEL: "warn", AIDE_PORTAIL_LANG: "fr", DATABASE_URL: "", DATA_DIR: dir },
        encoding: "utf8",
      });
      expect(r2.status).toBe(1);
      const [sentence, ...logLines] = r2.stderr.trim().split("\n");
      expect(sentence).toBe(
        `DATA_DIR (${dir}) n'est pas un dossier utilisable : ce chemin, ou l'un de ses dossiers parents, est un fichier. Indiquez un dossier (il est créé s'il n'existe pas).`,
      );
      expect(logLines.map((l) => JSON.parse(l).msg)).toEqual(["command failed"]);
    }
  });
});
