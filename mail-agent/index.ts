// The mail agent's one entry, called by the composition root (bin/start.ts): delivers the outbox by SMTP
// (SMTP_URL) or as .eml files under DATA_DIR/outbox. The IMAP intake joins it here.
import type { ChannelDeps } from "../core";
import { startOutboxDelivery } from "./outbox/deliver-outbox";
import { fileTransport, smtpTransport, type MailTransport } from "./outbox/mail-transport";

export { fileTransport, smtpTransport, type MailTransport } from "./outbox/mail-transport";
export { deliverOutboxOnce } from "./outbox/deliver-outbox";

/** /readyz reuses the last SMTP check this long: probes every second must not open an SMTP session each. */
export const READINESS_CACHE_MS = 10_000;

export interface RunningMailAgent {
  transport: MailTransport;
  /** For GET /readyz: the SMTP server answers (or the outbox folder is writable). */
  readiness: { name: string; check(): Promise<void>; cacheMs?: number }[];
  stop(): Promise<void>;
}

export function startMailAgent({ ctx }: ChannelDeps): RunningMailAgent {
  const { config } = ctx;
  const transport = config.SMTP_URL ? smtpTransport(config.SMTP_URL) : fileTransport(config.outboxDir);
  const stopDelivery = startOutboxDelivery(ctx, transport);
  return {
    transport,
    readiness: [{ name: "smtp", check: () => transport.verify(), cacheMs: READINESS_CACHE_MS }],
    stop: stopDelivery,
  };
}
