// The mail agent's one entry, called by the composition root (bin/start.ts): delivers the outbox by SMTP
// (SMTP_URL) or as .eml files under DATA_DIR/outbox, and reads the help mailbox — IMAP (IMAP_HOST) or, the
// embedded default, the folder DATA_DIR/inbox/ — through the intake pipeline (pipeline/, numbered stages).
import type { ChannelDeps } from "../core";
import { DELIVERY_LANES, startOutboxDelivery } from "./outbox/deliver-outbox";
import { fileTransport, smtpTransport, type MailTransport } from "./outbox/mail-transport";
import { startImapIntake, type ImapIntake } from "./intake/imap-intake";
import { startFolderIntake, type FolderIntake } from "./intake/folder-intake";
import { registerQuarantineGauge } from "./mail-metrics";
import type { ProcessResult } from "./pipeline/process-email";
import { startReplayRequests } from "./intake/replay-requests";

export { fileTransport, smtpTransport, type MailTransport } from "./outbox/mail-transport";
export { deliverOutboxOnce } from "./outbox/deliver-outbox";
export {
  inspectEmail,
  ingestEmail,
  ingestDirectory,
  replayQuarantinedEmail,
  type InspectResult,
  type IngestDirectorySummary,
  type ProcessResult,
} from "./inspect-email";
export { PROCESSED_FOLDER } from "./intake/imap-intake";
export { performReplayRequests } from "./intake/replay-requests";

export interface MailAgentOptions {
  /** Outbox polling (ms); tests and the bench go faster. */
  outboxIntervalMs?: number;
  /** IMAP backstop poll / folder poll (ms). */
  pollMs?: number;
  /** Reconnection backoff of the IMAP client. */
  backoff?: { baseMs?: number; maxMs?: number };
  /** An agent standing by retries the mailbox lock this often (ms; default 5 s). */
  lockRetryMs?: number;
  /** Start the intake (default true). */
  intake?: boolean;
}

/** /readyz reuses the last SMTP check this long: probes every second must not open an SMTP session each. */
export const READINESS_CACHE_MS = 10_000;

export interface RunningMailAgent {
  transport: MailTransport;
  /** For GET /readyz: the SMTP server answers (or the outbox folder is writable), the mailbox is connected. */
  readiness: { name: string; check(): Promise<void>; cacheMs?: number }[];
  /** The intake: IMAP or the inbox folder (null when disabled). */
  intake: ImapIntake | FolderIntake | null;
  stop(): Promise<void>;
}

export function startMailAgent(deps: ChannelDeps, opts: MailAgentOptions = {}): RunningMailAgent {
  const { ctx } = deps;
  const { config } = ctx;
  const transport = config.SMTP_URL ? smtpTransport(config.SMTP_URL, DELIVERY_LANES) : fileTransport(config.outboxDir);
  const delivery = startOutboxDelivery(ctx, transport, opts.outboxIntervalMs, (d) => deps.metrics.recordDelivery(d));
  registerQuarantineGauge(deps);
  const onResult = (r: ProcessResult) => {
    // Every email by outcome (TICKET, THREAD, IGNORE, QUARANTINE, DUPLICATE); one understood is also a turn.
    deps.metrics.recordEmail({ action: r.action.toUpperCase(), seconds: r.seconds });
    if (r.intent) deps.metrics.recordTurn({ channel: "email", intent: r.intent, confidence: r.confidence ?? 0 });
    // A reply or a relay was just committed: deliver it now, not at the next outbox poll.
    if (r.action === "ticket" || r.action === "thread") delivery.kick();
  };
  const readiness: RunningMailAgent["readiness"] = [{ name: "smtp", check: () => transport.verify(), cacheMs: READINESS_CACHE_MS }];
  let intake: ImapIntake | FolderIntake | null = null;
  if (opts.intake !== false && config.IMAP_HOST) {
    const imap = startImapIntake(ctx, {
      host: config.IMAP_HOST,
      port: config.IMAP_PORT ?? (config.IMAP_SECURE === false ? 143 : 993),
      secure: config.IMAP_SECURE ?? true,
      user: config.IMAP_USER!,
      password: config.IMAP_PASSWORD!,
      pollMs: opts.pollMs,
      backoff: opts.backoff,
      lockRetryMs: opts.lockRetryMs,
      onResult,
    });
    intake = imap;
    readiness.push({
      name: "imap",
      check: async () => {
        if (!imap.connected) throw new Error("the IMAP mailbox is not connected");
      },
    });
  } else if (opts.intake !== false) {
    intake = startFolderIntake(ctx, { dir: config.inboxDir, pollMs: opts.pollMs, onResult });
  }
  // The replays agents ask for in the triage console are performed by whichever instance runs the intake.
  const replays = intake ? startReplayRequests(ctx, opts.pollMs) : null;
  return {
    transport,
    readiness,
    intake,
    async stop() {
      await replays?.stop();
      await intake?.stop();
      await delivery.stop();
    },
  };
}
