// The embedded default (no IMAP_HOST): DATA_DIR/inbox/ is the mailbox. Each .eml dropped there goes through
// the same pipeline and is moved to inbox/processed/ after the commit (a crash in between: recognised as
// already processed by its Message-ID + content hash, then moved). fs.watch is the fast path, a poll the
// backstop (some file systems never notify). Files still being written (.tmp, hidden) are left alone.
import fs from "node:fs";
import path from "node:path";
import type { CoreContext } from "../../core";
import { processEmails, type ProcessResult } from "../pipeline/process-email";

const BATCH = 100;
const BATCH_BYTES = 20 * 1024 * 1024;

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
      // Up to BATCH files at a time through the pipeline, one commit for all of them, then the moves.
      for (let start = 0; start < files.length && !stopped; start += BATCH) {
        const batch: { file: string; name: string; raw: Buffer }[] = [];
        let bytes = 0;
        for (const f of files.slice(start, start + BATCH)) {
          const file = path.join(dir, f);
          try {
            const raw = fs.readFileSync(file);
            batch.push({ file, name: f, raw });
            bytes += raw.length;
          } catch {
            continue; // moved by someone else meanwhile
          }
          if (bytes > BATCH_BYTES) break;
        }
        const results = await processEmails(
          { ctx, dryRun: false },
          batch.map((b) => ({ raw: b.raw, source: { mailbox } })),
        );
        results.forEach((r, i) => {
          opts.onResult?.(r);
          // After the commit. An existing name in processed/ (the same file name dropped twice) gets a suffix.
          const f = batch[i].name;
          let target = path.join(processed, f);
          if (fs.existsSync(target)) target = path.join(processed, `${path.basename(f, ".eml")}-${Date.now()}-${i}.eml`);
          fs.renameSync(batch[i].file, target);
        });
        if (batch.length && bytes > BATCH_BYTES) start -= BATCH - batch.length; // the rest of this slice next
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
