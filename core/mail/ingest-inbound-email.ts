// « Ingest this inbound email »: what the mail agent's pipeline decided, written in ONE transaction — the
// ticket (or the message added to one), the intake record that makes the email processed exactly once, and
// the automatic reply in the outbox (capped per sender and hour). Either all of it exists or none of it, so
// a crash before the commit means the email is processed again, and after it, recognised as done.
import type { CoreContext } from "../context";
import type { Prisma } from "../db/generated/client";
import type { MailIntakeAction } from "../db/generated/enums";
import { prismaCode } from "../errors";
import type { Lang } from "../i18n";
import { createTicket, type CreateTicketOptions } from "../tickets/create-ticket";
import { addTicketMessage } from "../tickets/add-ticket-message";
import { composeTicketReply, composeStaffRelay, type ReplyDraft } from "./inbound-replies";
export type { ReplyDraft } from "./inbound-replies";
import { countReplyToSender } from "./reply-cap";

export interface InboundIntake {
  dedupeKey: string;
  messageId: string | null;
  contentHash: string;
  mailbox?: string | null;
  uidValidity?: bigint | null;
  uid?: bigint | null;
  fromAddress: string | null;
  subject: string | null;
  /** A replay of this quarantine entry: the intake record written at quarantine time is updated. */
  replayOf?: string | null;
}

export type InboundDecision =
  | { action: "ignore"; reason: string; raw: Buffer }
  | {
      action: "ticket";
      reason: string;
      ticket: Omit<CreateTicketOptions, "channel" | "emailMessageId">;
      reply: ReplyDraft | null;
    }
  | {
      action: "thread";
      reason: string;
      ticketId: string;
      author: "PARENT" | "STAFF" | "SYSTEM";
      staffId?: string | null;
      body: string;
      internal?: boolean;
      fromEmail: string | null;
      lang?: Lang | null;
      intent?: string | null;
      /** A secretary's answer: sent on to the parent from the help-desk address. */
      relayToParent?: { inReplyTo: string | null } | null;
    };

export interface IngestedEmail {
  inboundId: string;
  action: MailIntakeAction;
  ticketId: string | null;
  reference: string | null;
  replyOutboxId: string | null;
  /** The reply was not queued: the sender reached the hourly cap. */
  replyCapped: boolean;
  /** This email had already been ingested: nothing was written. */
  duplicate: boolean;
}

const ACTION: Record<InboundDecision["action"], MailIntakeAction> = { ignore: "IGNORE", ticket: "TICKET", thread: "THREAD" };

/** The record of an email already ingested under this key, as a duplicate's result (null when it is new). */
async function alreadyIngested(db: Pick<Prisma.TransactionClient, "inboundEmail">, dedupeKey: string): Promise<IngestedEmail | null> {
  const done = await db.inboundEmail.findUnique({
    where: { dedupeKey },
    select: { id: true, action: true, ticketId: true, replyOutboxId: true },
  });
  if (!done) return null;
  return {
    inboundId: done.id,
    action: done.action,
    ticketId: done.ticketId,
    reference: null,
    replyOutboxId: done.replyOutboxId,
    replyCapped: false,
    duplicate: true,
  };
}

async function writeIntake(
  tx: Prisma.TransactionClient,
  ctx: CoreContext,
  intake: InboundIntake,
  data: Omit<Prisma.InboundEmailUncheckedCreateInput, "dedupeKey" | "contentHash" | "receivedAt">,
): Promise<string> {
  const common = {
    messageId: intake.messageId,
    contentHash: intake.contentHash,
    mailbox: intake.mailbox ?? null,
    uidValidity: intake.uidValidity ?? null,
    uid: intake.uid ?? null,
    fromAddress: intake.fromAddress?.slice(0, 320) ?? null,
    subject: intake.subject?.slice(0, 200) ?? null,
  };
  if (intake.replayOf) {
    const row = await tx.inboundEmail.findFirst({ where: { quarantineId: intake.replayOf }, select: { id: true } });
    if (row) {
      await tx.inboundEmail.update({ where: { id: row.id }, data: { ...common, ...data } });
      await tx.mailQuarantine.update({
        where: { id: intake.replayOf },
        data: { resolvedAt: ctx.now(), resolvedAs: data.action, replays: { increment: 1 } },
      });
      return row.id;
    }
  }
  const row = await tx.inboundEmail.create({
    data: { dedupeKey: intake.dedupeKey, receivedAt: ctx.now(), ...common, ...data },
    select: { id: true },
  });
  return row.id;
}

export async function ingestIn(
  ctx: CoreContext,
  intake: InboundIntake,
  decision: InboundDecision,
  tx: Prisma.TransactionClient,
): Promise<IngestedEmail> {
  if (!intake.replayOf) {
    const done = await alreadyIngested(tx, intake.dedupeKey);
    if (done) return done;
  }
  const base = { action: ACTION[decision.action], reason: decision.reason.slice(0, 200) };
  if (decision.action === "ignore") {
    const id = await writeIntake(tx, ctx, intake, { ...base, raw: new Uint8Array(decision.raw) });
    return { inboundId: id, action: "IGNORE", ticketId: null, reference: null, replyOutboxId: null, replyCapped: false, duplicate: false };
  }
  if (decision.action === "ticket") {
    const t = await createTicket(
      ctx,
      {
        ...decision.ticket,
        channel: "EMAIL",
        emailMessageId: intake.messageId ? `${intake.messageId}#${intake.contentHash.slice(0, 12)}` : null,
      },
      tx,
    );
    let replyOutboxId: string | null = null;
    let replyCapped = false;
    if (decision.reply) {
      if (await countReplyToSender(ctx, { sender: decision.reply.to }, tx)) {
        const reply = await composeTicketReply(ctx, { ticketId: t.id, draft: decision.reply }, tx);
        replyOutboxId = reply.id;
      } else replyCapped = true;
    }
    const id = await writeIntake(tx, ctx, intake, {
      ...base,
      intent: decision.ticket.intent ?? null,
      lang: decision.ticket.lang,
      ticketId: t.id,
      replyOutboxId,
    });
    return { inboundId: id, action: "TICKET", ticketId: t.id, reference: t.reference, replyOutboxId, replyCapped, duplicate: false };
  }
  const msg = await addTicketMessage(
    ctx,
    {
      ticketId: decision.ticketId,
      author: decision.author,
      staffId: decision.staffId ?? null,
      body: decision.body,
      internal: decision.internal ?? false,
      fromEmail: decision.author === "PARENT" ? decision.fromEmail : null,
      emailMessageId: intake.messageId ? `${intake.messageId}#${intake.contentHash.slice(0, 12)}` : null,
    },
    tx,
  );
  let replyOutboxId: string | null = null;
  if (decision.relayToParent && decision.author === "STAFF") {
    replyOutboxId =
      (
        await composeStaffRelay(
          ctx,
          { ticketId: decision.ticketId, messageId: msg.id, body: decision.body, inReplyTo: decision.relayToParent.inReplyTo },
          tx,
        )
      )?.id ?? null;
  }
  const id = await writeIntake(tx, ctx, intake, {
    ...base,
    intent: decision.intent ?? null,
    lang: decision.lang ?? null,
    ticketId: decision.ticketId,
    ticketMessageId: msg.id,
    replyOutboxId,
  });
  return {
    inboundId: id,
    action: "THREAD",
    ticketId: decision.ticketId,
    reference: null,
    replyOutboxId,
    replyCapped: false,
    duplicate: false,
  };
}

export async function ingestInboundEmail(
  ctx: CoreContext,
  opts: { intake: InboundIntake; decision: InboundDecision },
): Promise<IngestedEmail> {
  try {
    const out = await ctx.prisma.$transaction((tx) => ingestIn(ctx, opts.intake, opts.decision, tx), { timeout: 30_000, maxWait: 30_000 });
    if (!out.duplicate)
      ctx.log
        .child({ component: "mail" })
        .info({ inboundId: out.inboundId, action: out.action, ticketId: out.ticketId, replyCapped: out.replyCapped }, "email ingested");
    return out;
  } catch (err) {
    // Two instances on one email at once (no lock on PGlite tests, a replay racing the agent): the loser sees the winner's record.
    if (prismaCode(err) === "P2002") {
      const done = await alreadyIngested(ctx.prisma, opts.intake.dedupeKey);
      if (done) return done;
    }
    throw err;
  }
}
