// Stage 12, persist: the orchestrator's decision written by the core in ONE transaction (ticket or message,
// intake record, reply in the outbox). Automatic mail is stored whole and kept out of the queues; a bounce of
// our own email also marks that outbox email.
import {
  ingestInboundEmail,
  ingestInboundEmails,
  markOutboxBounced,
  type InboundBatchItem,
  type InboundDecision,
  type InboundIntake,
} from "../../core";
import type { MailContext, PipelineDeps } from "./types";

const SUBJECT_FALLBACK_CHARS = 80;

function intakeOf(mail: MailContext): InboundIntake {
  const p = mail.parsed;
  return {
    dedupeKey: mail.dedupeKey!,
    messageId: p?.messageId ?? null,
    contentHash: mail.contentHash!,
    mailbox: mail.source.mailbox,
    uidValidity: mail.source.uidValidity ?? null,
    uid: mail.source.uid ?? null,
    fromAddress: p?.from?.address ?? null,
    subject: p?.subject ?? null,
    replayOf: mail.source.replayOf ?? null,
  };
}

/** A subject for the ticket: the email's, else the first words of the request (« (sans objet) » mail). */
function ticketSubject(mail: MailContext): string {
  const s = mail.parsed!.subject.trim();
  if (s) return s;
  const words = (mail.ownText ?? mail.parsed!.text).replace(/\s+/g, " ").trim();
  return words.slice(0, SUBJECT_FALLBACK_CHARS) || "—";
}

export function decisionOf(mail: MailContext): InboundDecision {
  const p = mail.parsed!;
  if (mail.outcome?.action === "ignore") return { action: "ignore", reason: mail.outcome.reason, raw: mail.raw };
  const body = (mail.ownText ?? "").trim() || p.text.trim() || p.subject || "—";
  if (mail.thread && mail.threadAs) {
    return {
      action: "thread",
      reason: mail.threadAs.reason,
      ticketId: mail.thread.ticketId,
      author: mail.threadAs.author,
      staffId: mail.threadAs.author === "STAFF" ? mail.sender!.staff!.id : null,
      body: mail.threadAs.internal ? `${p.from!.name ? `${p.from!.name} ` : ""}<${p.from!.address}>\n\n${body}` : body,
      internal: mail.threadAs.internal,
      fromEmail: p.from!.address,
      lang: mail.lang ?? null,
      intent: mail.classification?.intent ?? null,
      relayToParent: mail.threadAs.author === "STAFF" ? { inReplyTo: p.messageId } : null,
    };
  }
  const e = mail.entities!;
  const parent = mail.onBehalfOf ?? mail.sender!;
  return {
    action: "ticket",
    reason: mail.route!.reason,
    ticket: {
      subject: ticketSubject(mail),
      body,
      lang: mail.lang!,
      intent: mail.classification!.intent,
      accountId: parent.accountId,
      studentId: e.child?.id ?? null,
      schoolCode: e.schoolCode ?? mail.sender?.staff?.schoolCode ?? null,
      requester: { name: parent.name ?? p.from!.name, email: mail.onBehalfOf ? mail.onBehalfOf.email : p.from!.address },
      child: e.child ? { givenName: e.child.givenName } : e.childName ? { givenName: e.childName } : undefined,
      correlationId: p.messageId,
    },
    reply: mail.reply ?? null,
  };
}

async function markBounce(mail: MailContext, { ctx }: PipelineDeps): Promise<void> {
  if (mail.outcome?.action === "ignore" && mail.outcome.bouncedMessageIds?.length) {
    await markOutboxBounced(ctx, { messageIds: mail.outcome.bouncedMessageIds, reason: mail.parsed!.subject || mail.outcome.reason });
  }
}

export async function persistStage(mail: MailContext, deps: PipelineDeps): Promise<void> {
  if (deps.dryRun) return;
  await markBounce(mail, deps);
  mail.ingested = await ingestInboundEmail(deps.ctx, { intake: intakeOf(mail), decision: decisionOf(mail) });
}

/**
 * The batch's persist: every email the stages decided on, with its school notification, in ONE
 * transaction (core: ingestInboundEmails). Returns false when that transaction failed (nothing of it was
 * written): the orchestrator then persists the emails one by one, so that only a bad one is quarantined.
 */
export async function persistBatch(mails: MailContext[], deps: PipelineDeps): Promise<boolean> {
  if (deps.dryRun || !mails.length) return true;
  const items: InboundBatchItem[] = [];
  for (const mail of mails) {
    await markBounce(mail, deps);
    items.push({ intake: intakeOf(mail), decision: decisionOf(mail) });
  }
  try {
    const out = await ingestInboundEmails(deps.ctx, { items });
    mails.forEach((mail, i) => {
      const r = out[i];
      mail.ingested = r;
      mail.notified = true;
      // A second copy of one email in the same batch is recognised like one found in the database.
      if (r.duplicate) mail.outcome = { action: "duplicate", reason: `already_${r.action.toLowerCase()}`, inboundId: r.inboundId };
    });
    return true;
  } catch (err) {
    deps.ctx.log.child({ component: "mail" }).warn({ err, emails: mails.length }, "batch not committed: one email at a time");
    return false;
  }
}

export { intakeOf };
