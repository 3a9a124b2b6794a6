// « Ingest these inbound emails »: a fetched batch written in ONE transaction — the tickets, the intake
// records, the automatic replies (capped per sender and hour) and the notifications to the schools — with a
// handful of statements whatever the batch size (createMany), so the mail agent is not bound by database
// round trips. Exactly once still holds: all of the batch commits or none of it, and the mailbox is only
// changed (the move to « Traités ») after the commit. Follow-ups and replays, rarer, go through the one-email
// path (ingest-inbound-email.ts) inside the same transaction.
import crypto from "node:crypto";
import type { CoreContext } from "../context";
import type { Prisma } from "../db/generated/client";
import { createTickets } from "../tickets/create-tickets";
import { schoolNotificationEmail } from "../tickets/ticket-emails";
import { composeOutboxRow } from "../outbox/enqueue-email";
import { bulkInsert } from "../db/bulk-insert";
import { ingestIn, type InboundDecision, type InboundIntake, type IngestedEmail } from "./ingest-inbound-email";
import { notifyInboundIn, ticketReplyEmail } from "./inbound-replies";
import { countRepliesToSenders } from "./reply-cap";

export interface InboundBatchItem {
  intake: InboundIntake;
  decision: InboundDecision;
}

type Tx = Prisma.TransactionClient;
type TicketDecision = Extract<InboundDecision, { action: "ticket" }>;

function intakeRow(ctx: CoreContext, intake: InboundIntake): Prisma.InboundEmailCreateManyInput & { id: string } {
  return {
    id: crypto.randomUUID(),
    dedupeKey: intake.dedupeKey,
    receivedAt: ctx.now(),
    messageId: intake.messageId,
    contentHash: intake.contentHash,
    mailbox: intake.mailbox ?? null,
    uidValidity: intake.uidValidity ?? null,
    uid: intake.uid ?? null,
    fromAddress: intake.fromAddress?.slice(0, 320) ?? null,
    subject: intake.subject?.slice(0, 200) ?? null,
    action: "IGNORE",
  };
}

const emailMessageId = (intake: InboundIntake) => (intake.messageId ? `${intake.messageId}#${intake.contentHash.slice(0, 12)}` : null);

async function ingestBatchIn(ctx: CoreContext, items: InboundBatchItem[], tx: Tx): Promise<IngestedEmail[]> {
  const out: (IngestedEmail | null)[] = items.map(() => null);
  // Already processed (a crash between the commit and the move), or twice in this batch: a duplicate.
  const keys = items.filter((i) => !i.intake.replayOf).map((i) => i.intake.dedupeKey);
  const done = keys.length
    ? await tx.inboundEmail.findMany({
        where: { dedupeKey: { in: keys } },
        select: { id: true, dedupeKey: true, action: true, ticketId: true, replyOutboxId: true },
      })
    : [];
  const seen = new Map(done.map((d) => [d.dedupeKey, d]));
  const bulk: number[] = [];
  const single: number[] = [];
  for (const [i, it] of items.entries()) {
    const prior = it.intake.replayOf ? undefined : seen.get(it.intake.dedupeKey);
    if (prior && !prior.id) continue; // a second copy in this batch: answered as the first one, below
    if (prior) {
      out[i] = {
        inboundId: prior.id,
        action: prior.action,
        ticketId: prior.ticketId,
        reference: null,
        replyOutboxId: prior.replyOutboxId,
        replyCapped: false,
        duplicate: true,
      };
      continue;
    }
    if (!it.intake.replayOf)
      seen.set(it.intake.dedupeKey, { id: "", dedupeKey: it.intake.dedupeKey, action: "IGNORE", ticketId: null, replyOutboxId: null });
    (it.decision.action === "thread" || it.intake.replayOf ? single : bulk).push(i);
  }
  // In-batch duplicates point at the first copy once it has its id.
  const firstOf = new Map<string, number>();
  for (const i of bulk) if (!firstOf.has(items[i].intake.dedupeKey)) firstOf.set(items[i].intake.dedupeKey, i);

  const ticketIdx = bulk.filter((i) => items[i].decision.action === "ticket");
  const tickets = await createTickets(
    ctx,
    ticketIdx.map((i) => {
      const d = items[i].decision as TicketDecision;
      return { ...d.ticket, channel: "EMAIL" as const, emailMessageId: emailMessageId(items[i].intake) };
    }),
    tx,
  );
  const wantReply = ticketIdx.map((i) => (items[i].decision as TicketDecision).reply);
  const allowed = await countRepliesToSenders(ctx, { senders: wantReply.filter((r) => !!r).map((r) => r!.to) }, tx);
  const outbox: Prisma.OutboxMessageCreateManyInput[] = [];
  const inbound: Prisma.InboundEmailCreateManyInput[] = [];
  let k = 0;
  for (const [n, i] of ticketIdx.entries()) {
    const t = tickets[n];
    const d = items[i].decision as TicketDecision;
    let replyOutboxId: string | null = null;
    let replyCapped = false;
    if (d.reply) {
      if (allowed[k++]) {
        const row = composeOutboxRow(ctx, ticketReplyEmail(ctx, t, d.reply));
        outbox.push(row);
        replyOutboxId = row.id;
      } else replyCapped = true;
    }
    outbox.push(composeOutboxRow(ctx, schoolNotificationEmail(ctx, t.notified)));
    const row = {
      ...intakeRow(ctx, items[i].intake),
      action: "TICKET" as const,
      reason: d.reason.slice(0, 200),
      intent: d.ticket.intent ?? null,
      lang: d.ticket.lang,
      ticketId: t.id,
      replyOutboxId,
    };
    inbound.push(row);
    out[i] = { inboundId: row.id, action: "TICKET", ticketId: t.id, reference: t.reference, replyOutboxId, replyCapped, duplicate: false };
  }
  for (const i of bulk) {
    const d = items[i].decision;
    if (d.action !== "ignore") continue;
    const row = {
      ...intakeRow(ctx, items[i].intake),
      action: "IGNORE" as const,
      reason: d.reason.slice(0, 200),
      raw: new Uint8Array(d.raw),
    };
    inbound.push(row);
    out[i] = {
      inboundId: row.id,
      action: "IGNORE",
      ticketId: null,
      reference: null,
      replyOutboxId: null,
      replyCapped: false,
      duplicate: false,
    };
  }
  await bulkInsert(tx, "OutboxMessage", outbox);
  await bulkInsert(tx, "InboundEmail", inbound);
  for (const i of single) {
    const r = await ingestIn(ctx, items[i].intake, items[i].decision, tx);
    await notifyInboundIn(ctx, { inboundId: r.inboundId }, tx);
    out[i] = r;
  }
  return out.map((r, i) => {
    if (r) return r;
    const first = out[firstOf.get(items[i].intake.dedupeKey) ?? -1];
    return {
      inboundId: first?.inboundId ?? "",
      action: first?.action ?? "IGNORE",
      ticketId: first?.ticketId ?? null,
      reference: null,
      replyOutboxId: first?.replyOutboxId ?? null,
      replyCapped: false,
      duplicate: true,
    };
  });
}

/** One transaction for the batch; a failure (a constraint, a bad row) rolls all of it back: the caller retries one by one. */
export async function ingestInboundEmails(ctx: CoreContext, opts: { items: InboundBatchItem[] }): Promise<IngestedEmail[]> {
  if (!opts.items.length) return [];
  const out = await ctx.prisma.$transaction((tx) => ingestBatchIn(ctx, opts.items, tx), { timeout: 60_000, maxWait: 30_000 });
  const log = ctx.log.child({ component: "mail" });
  for (const r of out)
    if (!r.duplicate)
      log.info({ inboundId: r.inboundId, action: r.action, ticketId: r.ticketId, replyCapped: r.replyCapped }, "email ingested");
  return out;
}
