// One process at a time on an embedded database folder. PGlite writes no postmaster.pid and takes no lock:
// two processes on one folder each keep their own pages and overwrite the other's at checkpoint (seen: an
// `import oneroster` run beside `start` on the same DATA_DIR was lost when `start` stopped). The lock is a file
// beside the folder (DATA_DIR/pglite.lock) naming its holder; a lock whose process is gone is taken over.
import fs from "node:fs";
import os from "node:os";
import { AppError } from "../errors";

interface LockInfo {
  pid: number;
  host: string;
  since: string;
  command: string;
}

const held = new Map<string, string>(); // lock file → the content we wrote
let exitHookInstalled = false;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by someone else
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<LockInfo>;
    return typeof info.pid === "number" ? (info as LockInfo) : null;
  } catch {
    return null; // unreadable or half-written: treated as stale
  }
}

/** Takes the lock of the embedded database in `dir`; returns its release. Throws AppError db.in_use. */
export function lockDataDir(dir: string): () => void {
  const file = `${dir}.lock`;
  const mine = JSON.stringify({
    pid: process.pid,
    host: os.hostname(),
    since: new Date().toISOString(),
    command: process.argv.slice(2).join(" ") || "node",
  } satisfies LockInfo);
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, mine, { flag: "wx" });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw err;
    }
    const other = readLock(file);
    // Another machine sharing the folder cannot be checked: never take its lock.
    if (other && (held.has(file) || other.host !== os.hostname() || alive(other.pid))) {
      throw new AppError("db.in_use", {
        params: { pid: other.pid },
        log:
          `the embedded database in ${dir} is in use by another process (pid ${other.pid} on ${other.host}, ` +
          `"aide-portail ${other.command}", since ${other.since}). PGlite serves one process at a time: stop that ` +
          `process first, or point every process at one PostgreSQL server (DATABASE_URL). If no such process ` +
          `exists, delete ${file}.`,
      });
    }
    fs.rmSync(file, { force: true }); // its holder is gone
  }
  held.set(file, mine);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", () => {
      for (const f of held.keys()) release(f);
    });
  }
  return () => release(file);
}

function release(file: string): void {
  const mine = held.get(file);
  if (mine === undefined) return;
  held.delete(file);
  try {
    if (fs.readFileSync(file, "utf8") === mine) fs.rmSync(file, { force: true });
  } catch {
    // already gone
  }
}
