// Opening the database fails with a precise operator message and keeps whatever is on disk.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, redactUrl } from "../../core/db/database";
import { isAppError } from "../../core/errors";

describe("openDatabase", () => {
  it("refuses a corrupt embedded data directory with a clear message, and leaves its files untouched", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-corrupt-"));
    const pgDir = path.join(dir, "pglite");
    fs.mkdirSync(pgDir);
    fs.writeFileSync(path.join(pgDir, "PG_VERSION"), "garbage\n");
    fs.writeFileSync(path.join(pgDir, "global"), Buffer.alloc(4096, 7));
    const before = fs.readdirSync(pgDir).sort();
    const err = await openDatabase({ pgliteDir: pgDir }).then(
      async (db) => {
        await db.close();
        return null;
      },
      (e: unknown) => e,
    );
    expect(isAppError(err, "db.corrupt_data_dir")).toBe(true);
    expect((err as Error).message).toContain(pgDir);
    expect((err as Error).message).toMatch(/nothing is deleted/);
    expect(fs.readdirSync(pgDir).sort()).toEqual(before);
    expect(fs.readFileSync(path.join(pgDir, "PG_VERSION"), "utf8")).toBe("garbage\n");
  });

  it("creates the parent folders of a new embedded database", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ap-new-")), "a", "b", "pglite");
    const db = await openDatabase({ pgliteDir: dir });
    try {
      expect(db.kind).toBe("pglite");
      expect(fs.existsSync(path.join(dir, "PG_VERSION"))).toBe(true);
    } finally {
      await db.close();
    }
  });

  it("says which PostgreSQL it could not reach, without its password", async () => {
    const err = await openDatabase({ databaseUrl: "postgresql://aide:s3cret@127.0.0.1:1/aide" }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isAppError(err, "db.unreachable")).toBe(true);
    expect((err as Error).message).toContain("127.0.0.1:1");
    expect((err as Error).message).not.toContain("s3cret");
    expect(redactUrl("postgres://u:p@h/db")).toBe("postgres://u:***@h/db");
  });
});

describe("the embedded database is used by one process at a time", () => {
  // PGlite has no postmaster.pid: two processes on one folder overwrite each other's pages. Seen: an
  // `import oneroster` run beside `start` on the same DATA_DIR was silently lost when `start` stopped.
  it("refuses a second opening of a folder in use, names the holder, and opens again once it is closed", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ap-lock-")), "pglite");
    const first = await openDatabase({ pgliteDir: dir });
    try {
      const err = await openDatabase({ pgliteDir: dir }).then(
        async (db) => {
          await db.close();
          return null;
        },
        (e: unknown) => e,
      );
      expect(isAppError(err, "db.in_use")).toBe(true);
      expect((err as Error).message).toContain(dir);
      expect((err as Error).message).toContain(`pid ${process.pid}`);
      expect(await first.prisma.$queryRawUnsafe("select 1 as one")).toEqual([{ one: 1 }]); // the holder is unharmed
    } finally {
      await first.close();
    }
    const again = await openDatabase({ pgliteDir: dir });
    await again.close();
  });

  it("takes over the lock a dead process left behind", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ap-stale-")), "pglite");
    const dead = 2 ** 22 + 12345; // above Linux's pid_max default: no such process
    fs.writeFileSync(`${dir}.lock`, JSON.stringify({ pid: dead, host: os.hostname(), since: "2026-01-01T00:00:00Z", command: "start" }));
    const db = await openDatabase({ pgliteDir: dir });
    try {
      expect(JSON.parse(fs.readFileSync(`${dir}.lock`, "utf8")).pid).toBe(process.pid);
    } finally {
      await db.close();
    }
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });
});
