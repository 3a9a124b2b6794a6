// Delivers the outbox: claims due emails, hands each to the transport, records the result.
// Retries with backoff (core/outbox); a 5xx answer from the SMTP server is permanent, anything else is retried.
import type { CoreContext } from "../../core";
import { claimDueEmails, markEmailFailed, markEmailSent } from "../../core";
import type { MailTransport } from "./mail-transport";

export interface DeliveryResult {
  sent: number;
  retried: number;
  failed: number;
}

function isPermanent(err: unknown): boolean {
  const code = (err as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

export async function deliverOutboxOnce(ctx: CoreContext, transport: MailTransport, limit = 20): Promise<DeliveryResult> {
  const log = ctx.log.child({ component: "outbox" });
  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0 };
  for (const email of await claimDueEmails(ctx, { limit })) {
    try {
      await transport.send(email);
      await markEmailSent(ctx, email.id);
      result.sent++;
      log.info({ outboxId: email.id, messageId: email.messageId, transport: transport.kind }, "email sent");
    } catch (err) {
      const outcome = await markEmailFailed(ctx, email.id, {
        error: (err as Error).message,
        attempts: email.attempts,
        permanent: isPermanent(err),
      });
      result[outcome === "retry" ? "retried" : "failed"]++;
      log.warn({ outboxId: email.id, attempts: email.attempts, outcome, err: (err as Error).message }, "email not sent");
    }
  }
  return result;
}

/** Polls the outbox until stopped. Returns a stop function that waits for the running round to end. */
export function startOutboxDelivery(ctx: CoreContext, transport: MailTransport, intervalMs = 2000): () => Promise<void> {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = deliverOutboxOnce(ctx, transport)
      .catch((err) => ctx.log.error({ component: "outbox", err: (err as Error).message }, "outbox round failed"))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  tick();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
    transport.close();
  };
}
