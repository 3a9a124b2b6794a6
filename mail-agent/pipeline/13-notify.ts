// Stage 13, notify: after the commit, the school's secretary (or the help desk) hears of the new ticket or
// the parent's follow-up. Idempotent in the core, so it is also run for an email found already ingested; a
// failure is logged and never loses the email (the next pass over the same email queues it).
import { notifyInboundEmail } from "../../core";
import type { MailContext, PipelineDeps } from "./types";

export async function notifyStage(mail: MailContext, { ctx, dryRun }: PipelineDeps): Promise<void> {
  const inboundId = mail.ingested?.inboundId ?? (mail.outcome?.action === "duplicate" ? mail.outcome.inboundId : null);
  if (dryRun || !inboundId || mail.notified) return;
  try {
    await notifyInboundEmail(ctx, { inboundId });
  } catch (err) {
    ctx.log.child({ component: "mail" }).error({ err, inboundId }, "notification not queued");
  }
}
