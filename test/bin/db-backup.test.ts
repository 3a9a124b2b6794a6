// `db backup FILE` / `db restore FILE` on the real command, on the engine of the run (PGlite's data folder
// dump; pg_dump/pg_restore on PostgreSQL): a round trip brings back every row, a database holding data is not
// overwritten without --force (and says so), a copy lands in a new, empty database without --force.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
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

const counts = async (db: ChildDatabase) => ({
  students: await db.count("Student"),
  attendance: await db.count("Attendance"),
  guardians: await db.count("Guardian"),
  migrations: await db.count("_prisma_migrations"),
});

describe("db backup / db restore", () => {
  const dbs: ChildDatabase[] = [];
  afterAll(async () => {
    for (const d of dbs) await d.drop();
  });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ap-backup-")), "copie.backup");

  it("a round trip brings every row back; a database holding data is replaced only with --force", async () => {
    const db = await createChildDatabase("ap_backup");
    dbs.push(db);
    expect(run(db, "import", "oneroster", writeExport(baseExport())).status).toBe(0);
    const before = await counts(db);
    expect(before).toMatchObject({ students: 2, attendance: 2, guardians: 1 });

    const backup = run(db, "db", "backup", file);
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    expect(backup.stdout).toContain(`Copie de la base de données écrite : ${file}`);
    expect(backup.stdout).toContain(db.kind === "pglite" ? "format pglite" : "format pg_dump");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600); // it holds password hashes

    await db.query(`delete from "Attendance"`);
    // Refused over data, saying why and what to do; nothing changed.
    const refused = run(db, "db", "restore", file);
    expect(refused.status).toBe(1);
    expect(refused.stderr.split("\n")[0]).toMatch(
      /^La base de données .* contient déjà des données \(\d+ lignes\) : .*Rien n'a été modifié\. Relancez avec --force/,
    );
    expect(await db.count("Attendance")).toBe(0);

    const forced = run(db, "db", "restore", file, "--force");
    expect(forced.stderr).toBe("");
    expect(forced.status).toBe(0);
    expect(forced.stdout).toContain(`Base de données restaurée depuis ${file}.`);
    expect(await counts(db)).toEqual(before);
    if (db.kind === "pglite") {
      // The replaced folder is set aside, not deleted.
      const aside = forced.stdout.match(/gardée dans (.+)\.$/m)![1];
      expect(fs.existsSync(path.join(aside, "PG_VERSION"))).toBe(true);
    }
    // The restored database works for the commands: a re-import of the same export changes nothing.
    const again = run(db, "import", "oneroster", writeExport(baseExport()));
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/Aucun changement/);
  });

  it("restores into a new, empty database without --force", async () => {
    const fresh = await createChildDatabase("ap_restore");
    dbs.push(fresh);
    const r = run(fresh, "db", "restore", file);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(await counts(fresh)).toMatchObject({ students: 2, attendance: 2, guardians: 1 });
  });

  it("a file that is not a copy is refused with a plain sentence", async () => {
    const other = await createChildDatabase("ap_restore_bad");
    dbs.push(other);
    const bad = path.join(path.dirname(file), "notes.txt");
    fs.writeFileSync(bad, "pas une copie\n");
    const r = run(other, "db", "restore", bad);
    expect(r.status).toBe(1);
    expect(r.stderr.split("\n")[0]).toBe(`${bad} n'est pas une copie de la base de données faite par « aide-portail db backup ».`);
  });
});
