// The embedded database checkpoints by itself before PostgreSQL's own WAL-volume checkpoint request, which
// spins for good inside PGlite (core/db/wal-guard.ts), and the embedded database opens with that request far off.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { openDatabase } from "../../core/db/database";
import { startWalGuard } from "../../core/db/wal-guard";

async function walSinceCheckpoint(db: PGlite): Promise<number> {
  const { rows } = await db.query<{ bytes: string }>(
    "select (pg_current_wal_lsn() - redo_lsn)::text as bytes from pg_control_checkpoint()",
  );
  return Number(rows[0].bytes);
}

describe("startWalGuard", () => {
  let db: PGlite;
  beforeAll(async () => {
    db = new PGlite();
    await db.waitReady;
    await db.exec("create table filler (id int primary key, body text)");
  });
  afterAll(() => db.close());

  it("checkpoints once the WAL written since the last checkpoint passes its limit, and not before", async () => {
    const guard = startWalGuard(db, 4 * 1024 * 1024);
    try {
      await db.exec("CHECKPOINT");
      await db.exec("insert into filler select g, repeat('x', 100) from generate_series(1, 1000) g");
      const small = await walSinceCheckpoint(db);
      expect(small).toBeGreaterThan(0);
      expect(small).toBeLessThan(4 * 1024 * 1024);
      await guard.check();
      expect(await walSinceCheckpoint(db)).toBe(small); // below the limit: no checkpoint

      await db.exec("insert into filler select g, repeat(md5(g::text), 8) from generate_series(1001, 40000) g");
      expect(await walSinceCheckpoint(db)).toBeGreaterThanOrEqual(4 * 1024 * 1024);
      await guard.check();
      expect(await walSinceCheckpoint(db)).toBeLessThan(64 * 1024); // the checkpoint moved the redo point here
    } finally {
      await guard.stop();
    }
  });
});

describe("the embedded database", () => {
  it("opens with PostgreSQL's own checkpoint request beyond 1 GB of WAL, far past the guard's 128 MB", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ap-wal-")), "pglite");
    const db = await openDatabase({ pgliteDir: dir });
    try {
      const { rows } = await db.pglite!.query<{ setting: string; unit: string }>(
        "select setting, unit from pg_settings where name = 'max_wal_size'",
      );
      expect(rows[0]).toEqual({ setting: "2048", unit: "MB" });
    } finally {
      await db.close();
    }
  });
});
