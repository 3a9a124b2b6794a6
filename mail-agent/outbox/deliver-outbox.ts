// Delivers the outbox: claims due emails one at a time, hands each to the transport, records the result.
// Retries with backoff (core/outbox); a 5xx answer about the email itself is permanent, anything else is retried.
// One claim per email (not a batch): a lease then covers one delivery, never the wait behind slower ones,
// so another instance cannot take back an email still queued here and send it a second time.
import type { CoreContext } from "../../core";
import { claimDueEmails, markEmailFailed, markEmailSent, releaseOrphanedClaims } from "../../core";
import type { MailTransport } from "./mail-transport";
import { createOutageLog } from "./outage-log";

/** One delivery attempt, for the metrics (ChannelDeps.metrics.recordDelivery). */
export type DeliveryObserver = (d: { outcome: string; transport: string; seconds: number }) => void;

export interface DeliveryResult {
  sent: number;
  retried: number;
  failed: number;
}

/** The SMTP commands whose answer is about this one email: its recipient, its content (nodemailer's err.command). */
const ABOUT_THIS_EMAIL = new Set(["RCPT TO", "DATA"]);

/**
 * A 5xx about this email (recipient unknown, content refused) is final. A 5xx to the whole session — at the
 * greeting, EHLO, AUTH or MAIL FROM: a server refusing everything, misconfigured or not yet allowing us —
 * says nothing of this email: it is retried like a 4xx, so that once the server is fixed what waited is sent.
 */
function isPermanent(err: unknown): boolean {
  const { responseCode: code, command } = err as { responseCode?: number; command?: string };
  return typeof code === "number" && code >= 500 && code < 600 && ABOUT_THIS_EMAIL.has(command ?? "");
}

/** Delivers up to `limit` due emails; `shouldStop` is asked before each claim (shutdown ends a round early). */
export async function deliverOutboxOnce(
  ctx: CoreContext,
  transport: MailTransport,
  limit = 20,
  shouldStop: () => boolean = () => false,
  onDelivery: DeliveryObserver = () => {},
): Promise<DeliveryResult> {
  const log = ctx.log.child({ component: "outbox" });
  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0 };
  for (let n = 0; n < limit && !shouldStop(); n++) {
    const [email] = await claimDueEmails(ctx, { limit: 1 });
    if (!email) break;
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      await transport.send(email);
    } catch (err) {
      const outcome = await markEmailFailed(ctx, email, {
        error: (err as Error).message,
        attempts: email.attempts,
        permanent: isPermanent(err),
      });
      if (outcome !== "lost") result[outcome === "retry" ? "retried" : "failed"]++;
      onDelivery({ outcome, transport: transport.kind, seconds: seconds() });
      log.warn({ outboxId: email.id, attempts: email.attempts, outcome, err }, "email not sent");
      continue;
    }
    if (await markEmailSent(ctx, email)) {
      result.sent++;
      onDelivery({ outcome: "sent", transport: transport.kind, seconds: seconds() });
      log.info({ outboxId: email.id, messageId: email.messageId, transport: transport.kind }, "email sent");
    } else {
      // Our delivery outlived its lease and another instance took the email back: it may arrive twice.
      onDelivery({ outcome: "late", transport: transport.kind, seconds: seconds() });
      log.error({ outboxId: email.id, messageId: email.messageId, transport: transport.kind }, "email sent after its lease ran out");
    }
  }
  return result;
}

export interface OutboxDelivery {
  /** Delivers now (the intake just queued replies) instead of at the next poll; a round under way runs again. */
  kick(): void;
  /** Stops polling; waits for the email being sent, if any. */
  stop(): Promise<void>;
}

/**
 * Emails in flight at once per instance: one at a time, an SMTP session's round trips (≈ 8 emails/s with two
 * instances in the load run) could not keep up with a rush; each lane still claims one email at a time.
 * On the embedded database one lane: its one connection serves every query in turn, so more lanes only add
 * claim queries beside the intake (mail-bench: 168 → 79 emails/s into tickets with four).
 */
export const DELIVERY_LANES = 4;
export const deliveryLanes = (ctx: CoreContext): number => (ctx.config.DATABASE_URL ? DELIVERY_LANES : 1);

/** Between polls while the database is away (outage-log.ts). */
const OUTAGE_POLL_MS = 5000;

/** Polls the outbox until stopped, and at once when kicked. */
export function startOutboxDelivery(
  ctx: CoreContext,
  transport: MailTransport,
  intervalMs = 2000,
  onDelivery?: DeliveryObserver,
): OutboxDelivery {
  let stopped = false;
  let busy = false;
  let again = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const log = ctx.log.child({ component: "outbox" });
  const outage = createOutageLog(log, ctx.now);
  const tick = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    busy = true;
    again = false;
    const lanes = Array.from({ length: deliveryLanes(ctx) }, () => deliverOutboxOnce(ctx, transport, 20, () => stopped, onDelivery));
    // Every lane settles before the next round (a lane that failed first must not let the next round start
    // beside lanes still sending, nor stop() close the transport under them).
    running = Promise.allSettled(lanes)
      .then((settled) => {
        const failure = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
        if (failure) outage.failed(failure.reason);
        else outage.succeeded();
      })
      .finally(() => {
        busy = false;
        const wait = again ? 0 : outage.inOutage ? Math.max(intervalMs, OUTAGE_POLL_MS) : intervalMs;
        if (!stopped) timer = setTimeout(tick, wait);
      });
  };
  // Before the first round: the claims a dead process left on the embedded database are due again now.
  busy = true;
  running = releaseOrphanedClaims(ctx)
    .then((n) => n && log.warn({ emails: n }, "emails a stopped process was sending: due again"))
    .catch((err) => log.error({ err }, "outbox claims not released"))
    .finally(() => {
      busy = false;
      if (!stopped) tick();
    });
  return {
    kick() {
      if (stopped) return;
      if (busy) again = true;
      else tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      transport.close();
    },
  };
}
