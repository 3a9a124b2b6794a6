// IMAP intake (imapflow): IDLE for new mail with a periodic poll as a backstop; after any drop a new client
// after a capped, jittered backoff; UID + UIDVALIDITY kept in the database; each email moved to « Traités »
// only after the database commit. Nothing is deleted, and \Seen is never the marker (a secretary may read the
// mailbox too): what is in INBOX is not processed yet, or processed but not moved (recognised, then moved).
// imapflow's logger is our redacting child logger, capped at info: its debug/trace lines carry the protocol
// traffic, that is parents' mail.
import { ImapFlow } from "imapflow";
import { acquireMailboxLock, getMailboxSyncState, saveMailboxSyncState, type CoreContext, type MailboxLock } from "../../core";
import { processEmails, type ProcessResult } from "../pipeline/process-email";
import { createBackoff } from "./backoff";

export const PROCESSED_FOLDER = "Traités";
/** Emails fetched, processed and committed together (one transaction, one move). */
const BATCH = 100;
const BATCH_BYTES = 20 * 1024 * 1024;

export interface ImapIntakeOptions {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  /** Backstop poll when IDLE says nothing (IDLE is the fast path). */
  pollMs?: number;
  backoff?: { baseMs?: number; maxMs?: number };
  /** How often an agent standing by (another one holds the mailbox) tries the lock again. */
  lockRetryMs?: number;
  onResult?: (r: ProcessResult) => void;
}

export interface ImapIntake {
  /** The IMAP session is up (readiness). */
  readonly connected: boolean;
  /** This agent holds the mailbox (PostgreSQL advisory lock; always true on the embedded database). */
  readonly lockHeld: boolean;
  /** Resolves after the next full pass over INBOX (tests, the bench). */
  syncNow(): Promise<void>;
  stop(): Promise<void>;
}

export function startImapIntake(ctx: CoreContext, opts: ImapIntakeOptions): ImapIntake {
  const log = ctx.log.child({ component: "mail-imap" });
  // Capped at info (never quieter than our own level): imapflow's debug/trace lines are the protocol traffic.
  const imapLog = ctx.log.child({ component: "imapflow" }, { level: ctx.log.levelVal > 30 ? ctx.log.level : "info" });
  const mailbox = `imap:${opts.user}@${opts.host}:${opts.port}/INBOX`;
  const backoff = createBackoff(opts.backoff);
  let stopped = false;
  let client: ImapFlow | null = null;
  let lock: MailboxLock | null = null;
  let connected = false;
  let wake: (() => void) | null = null;
  let waiters: (() => void)[] = [];
  let dirty = true;

  const sleep = (ms: number) =>
    new Promise<void>((r) => {
      const t = setTimeout(() => ((wake = null), r()), ms);
      t.unref(); // a pending poll never keeps the process alive after stop()
      wake = () => (clearTimeout(t), (wake = null), r());
    });

  async function ensureFolder(c: ImapFlow): Promise<void> {
    const list = await c.list();
    if (!list.some((m) => m.path === PROCESSED_FOLDER || m.name === PROCESSED_FOLDER)) {
      await c.mailboxCreate(PROCESSED_FOLDER).catch((err: { serverResponseCode?: string }) => {
        if (err?.serverResponseCode !== "ALREADYEXISTS") throw err;
      });
    }
  }

  async function passOnce(c: ImapFlow): Promise<void> {
    const box = c.mailbox;
    if (!box) return;
    const uidValidity = BigInt(box.uidValidity);
    const state = await getMailboxSyncState(ctx, { mailbox });
    if (state.uidValidity !== null && state.uidValidity !== uidValidity) {
      log.warn(
        { before: state.uidValidity.toString(), now: uidValidity.toString() },
        "UIDVALIDITY changed: UIDs restart, Message-ID + content hash still dedupe",
      );
    }
    for (;;) {
      dirty = false;
      const waiting = ((await c.search({ all: true }, { uid: true })) || []).slice(0, BATCH);
      if (!waiting.length) break;
      // A batch is also capped in bytes (a few 5 MB photos must not sit in memory a hundred at a time).
      const sizes: { uid: number; size: number }[] = [];
      for await (const m of c.fetch(waiting, { uid: true, size: true }, { uid: true })) sizes.push({ uid: m.uid, size: m.size ?? 0 });
      const uids: number[] = [];
      let bytes = 0;
      for (const m of sizes.sort((a, b) => a.uid - b.uid)) {
        if (uids.length && bytes + m.size > BATCH_BYTES) break;
        uids.push(m.uid);
        bytes += m.size;
      }
      if (!uids.length) break;
      const fetched: { uid: number; source: Buffer }[] = [];
      for await (const m of c.fetch(uids, { uid: true, source: true }, { uid: true }))
        if (m.source) fetched.push({ uid: m.uid, source: m.source });
      const done: number[] = [];
      let lastUid = state.lastUid;
      if (stopped || !lock?.held) break;
      // The whole fetched batch in one commit (the pipeline's persistBatch), then one move.
      const results = await processEmails(
        { ctx, dryRun: false },
        fetched.map((m) => ({ raw: m.source, source: { mailbox, uidValidity, uid: BigInt(m.uid) } })),
      );
      results.forEach((r, i) => {
        opts.onResult?.(r);
        done.push(fetched[i].uid);
        if (BigInt(fetched[i].uid) > lastUid) lastUid = BigInt(fetched[i].uid);
      });
      // Only now, after each email's commit: a crash before this line leaves them in INBOX, recognised next time.
      if (done.length) await c.messageMove(done, PROCESSED_FOLDER, { uid: true });
      await saveMailboxSyncState(ctx, { mailbox, uidValidity, lastUid });
      if (stopped || done.length < fetched.length || waiting.length < BATCH) break;
    }
  }

  async function session(): Promise<void> {
    const c = new ImapFlow({
      host: opts.host,
      port: opts.port,
      secure: opts.secure,
      auth: { user: opts.user, pass: opts.password },
      logger: imapLog as never,
      emitLogs: false,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      // imapflow waits 15 s of quiet before IDLE by default: mail arriving in that window would wait for it.
      autoIdleDelay: 100,
    });
    client = c;
    const closed = new Promise<void>((resolve) => c.once("close", () => resolve()));
    c.on("error", (err: Error) => log.warn({ err: err.message }, "IMAP error"));
    c.on("exists", () => {
      dirty = true;
      wake?.();
    });
    await c.connect();
    connected = true;
    try {
      await ensureFolder(c);
      await c.mailboxOpen("INBOX");
      while (!stopped && c.usable && lock?.held) {
        if (dirty) {
          // The lock only for the pass: imapflow starts IDLE by itself once no lock is held.
          const gl = await c.getMailboxLock("INBOX");
          try {
            await passOnce(c);
          } finally {
            gl.release();
          }
        }
        for (const w of waiters.splice(0)) w();
        if (!dirty) await Promise.race([sleep(opts.pollMs ?? 60_000), closed]);
        dirty = true; // a poll tick or an exists event: look again
      }
    } finally {
      connected = false;
      if (c.usable) await c.logout().catch(() => undefined);
      else c.close();
      client = null;
    }
  }

  const loop = (async () => {
    while (!stopped) {
      if (!lock?.held) {
        let failed = false;
        lock = await acquireMailboxLock(ctx, { mailbox }).catch(
          (err) => ((failed = true), log.warn({ err: (err as Error).message }, "mailbox lock failed: trying again"), null),
        );
        if (!lock) {
          if (!failed) log.info("another agent holds this mailbox: standing by");
          await sleep(opts.lockRetryMs ?? 5_000);
          continue;
        }
      }
      const started = Date.now();
      try {
        await session();
      } catch (err) {
        log.warn({ err: (err as Error).message, code: (err as { code?: string }).code }, "IMAP session ended");
      }
      if (stopped) break;
      backoff.sessionEnded(Date.now() - started);
      const delay = backoff.next();
      log.info({ delayMs: delay }, "reconnecting to IMAP");
      await sleep(delay);
    }
    await lock?.release().catch(() => undefined);
  })();

  return {
    get connected() {
      return connected;
    },
    get lockHeld() {
      return lock?.held ?? false;
    },
    syncNow() {
      return new Promise<void>((resolve) => {
        waiters.push(resolve);
        dirty = true;
        wake?.();
      });
    },
    async stop() {
      stopped = true;
      wake?.();
      const c = client;
      if (c) await c.logout().catch(() => c.close());
      await loop;
      for (const w of waiters.splice(0)) w();
      waiters = [];
    },
  };
}
