// The embedded default (no IMAP_HOST): DATA_DIR/inbox/ is the mailbox. Each .eml dropped there goes through
// the same pipeline and is moved to inbox/processed/ after the commit (a crash in between: recognised as
// already processed by its Message-ID + content hash, then moved). fs.watch is the fast path, a poll the
// backstop (some file systems never notify). Files still being written (.tmp, hidden) are left alone.
import fs from "node:fs";
import path from "node:path";
import type { CoreContext } from "../../core";
import { processEmail, type ProcessResult } from "../pipeline/process-email";

export interface FolderIntake {
  syncNow(): Promise<void>;
  stop(): Promise<void>;
}

export function startFolderIntake(
  ctx: CoreContext,
  opts: { dir: string; pollMs?: number; onResult?: (r: ProcessResult) => void },
): FolderIntake {
  const log = ctx.log.child({ component: "mail-folder" });
  const dir = path.resolve(opts.dir);
  const processed = path.join(dir, "processed");
  fs.mkdirSync(processed, { recursive: true, mode: 0o700 });
  const mailbox = `folder:${dir}`;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  async function pass(): Promise<void> {
    do {
      again = false;
      const files = fs
        .readdirSync(dir)
        .filter((f) => f.toLowerCase().endsWith(".eml") && !f.startsWith("."))
        .sort();
      for (const f of files) {
        if (stopped) return;
        const file = path.join(dir, f);
        let raw: Buffer;
        try {
          raw = fs.readFileSync(file);
        } catch {
          continue; // moved by someone else meanwhile
        }
        const r = await processEmail({ ctx, dryRun: false }, raw, { mailbox });
        opts.onResult?.(r);
        // After the commit. An existing name in processed/ (the same file name dropped twice) gets a suffix.
        let target = path.join(processed, f);
        if (fs.existsSync(target)) target = path.join(processed, `${path.basename(f, ".eml")}-${Date.now()}.eml`);
        fs.renameSync(file, target);
      }
    } while (again && !stopped);
  }

  const kick = () => {
    if (stopped) return Promise.resolve();
    again = true;
    running = running.then(() => (again ? pass() : undefined)).catch((err) => log.error({ err }, "inbox pass failed"));
    return running;
  };
  let watcher: fs.FSWatcher | undefined;
  try {
    watcher = fs.watch(dir, () => void kick());
  } catch (err) {
    log.warn({ err: (err as Error).message }, "cannot watch the inbox folder: polling only");
  }
  const tick = () => {
    void kick().finally(() => {
      if (!stopped) timer = setTimeout(tick, opts.pollMs ?? 2000);
    });
  };
  tick();
  return {
    syncNow: () => kick(),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      watcher?.close();
      await running;
    },
  };
}
