// The emails an inbound email causes, composed from templates/*/mail.json: the automatic reply to a new
// ticket (reference, the answer catalog's self-service answer when there is one), a secretary's answer sent
// on to the parent from the help-desk address, and the notifications to whoever handles the ticket.
// Our ticket mail carries signed Message-IDs, so replies to it thread back without trusting the subject.
import type { CoreContext } from "../context";
import type { Prisma } from "../db/generated/client";
import { isLang, translator, type Lang } from "../i18n";
import { enqueueEmail, type EnqueuedEmail, type EnqueueEmailOptions } from "../outbox/enqueue-email";
import { formatTicketReference } from "../tickets/ticket-reference";
import { enqueueSchoolNotification } from "../tickets/ticket-emails";
import { signedMessageId } from "./signed-message-id";
import { answerPlainText } from "../answers/answer-for";
import { helpCentreContact } from "../answers/help-centre-contact";
import { publicUrls } from "../public-urls";

type Tx = Prisma.TransactionClient;

/** What the pipeline prepared for the automatic reply (the answer comes from the answer catalog). */
export interface ReplyDraft {
  to: string;
  lang: Lang;
  answer: { text: string; steps: string[]; selfService: boolean } | null;
  inReplyTo: string | null;
  references: string[];
}

const SUMMARY_CHARS = 300;

function answerBlock(lang: Lang, answer: ReplyDraft["answer"]): string {
  if (!answer || !answer.text.trim()) return "";
  const t = translator(lang);
  return `${t(answer.selfService ? "mail:reply.selfServiceIntro" : "mail:reply.answerIntro")}\n\n${answerPlainText(answer).trim()}\n\n${helpCentreContact(lang).text}\n\n`;
}

/** The automatic reply to a new ticket, ready for the outbox (the batch composes it from the row it created). */
export function ticketReplyEmail(
  ctx: CoreContext,
  t: { id: string; number: number; subject: string; queue: "SCHOOL" | "CENTRAL"; school: { name: string } | null },
  draft: ReplyDraft,
): EnqueueEmailOptions {
  const { lang } = draft;
  const tr = translator(lang);
  const from = ctx.config.HELPDESK_ADDRESS;
  return {
    template: "mail:email.ticketReply",
    lang,
    to: draft.to,
    params: {
      reference: formatTicketReference(t.number),
      subject: t.subject,
      answer: answerBlock(lang, draft.answer),
      handledBy: t.school ? t.school.name : tr("tickets:queue.CENTRAL"),
      delay: tr(`tickets:delay.${t.queue}`),
    },
    dedupeKey: `ticket:${t.id}:email-reply`,
    ticketId: t.id,
    autoReply: true,
    from,
    replyTo: from,
    inReplyTo: draft.inReplyTo ?? undefined,
    references: draft.references,
    messageId: signedMessageId(ctx, { ticketNumber: t.number, fromAddress: from }),
  };
}

export async function composeTicketReply(ctx: CoreContext, opts: { ticketId: string; draft: ReplyDraft }, tx: Tx): Promise<EnqueuedEmail> {
  const t = await tx.ticket.findUniqueOrThrow({
    where: { id: opts.ticketId },
    select: { id: true, number: true, subject: true, queue: true, school: { select: { name: true } } },
  });
  return enqueueEmail(ctx, ticketReplyEmail(ctx, t, opts.draft), tx);
}

/** A secretary's emailed answer, sent to the parent from the help-desk address, threaded into the ticket. */
export async function composeStaffRelay(
  ctx: CoreContext,
  opts: { ticketId: string; messageId: string; body: string; inReplyTo: string | null },
  tx: Tx,
): Promise<EnqueuedEmail | null> {
  const t = await tx.ticket.findUniqueOrThrow({
    where: { id: opts.ticketId },
    select: { id: true, number: true, subject: true, lang: true, requesterEmail: true, school: { select: { name: true } } },
  });
  if (!t.requesterEmail) return null;
  const lang: Lang = isLang(t.lang) ? t.lang : "fr";
  const from = ctx.config.HELPDESK_ADDRESS;
  const parentMail = await tx.outboxMessage.findFirst({
    where: { ticketId: t.id, toAddress: t.requesterEmail },
    orderBy: { createdAt: "desc" },
    select: { messageId: true },
  });
  return enqueueEmail(
    ctx,
    {
      template: "mail:email.staffReply",
      lang,
      to: t.requesterEmail,
      params: {
        reference: formatTicketReference(t.number),
        subject: t.subject,
        message: opts.body.trim(),
        handledBy: t.school?.name ?? translator(lang)("tickets:queue.CENTRAL"),
      },
      dedupeKey: `ticket-message:${opts.messageId}:relay`,
      ticketId: t.id,
      from,
      replyTo: from,
      inReplyTo: parentMail?.messageId,
      messageId: signedMessageId(ctx, { ticketNumber: t.number, fromAddress: from }),
    },
    tx,
  );
}

/**
 * After the commit: tells whoever handles the ticket. Idempotent (dedupe keys), so the agent calls it again
 * for an email it finds already ingested (a crash between the commit and this call loses no notification).
 */
export async function notifyInboundEmail(ctx: CoreContext, opts: { inboundId: string }): Promise<EnqueuedEmail | null> {
  return ctx.prisma.$transaction((tx) => notifyInboundIn(ctx, opts, tx));
}

/** The same, inside the caller's transaction (the batch notifies with the commit that records the email). */
export async function notifyInboundIn(ctx: CoreContext, opts: { inboundId: string }, tx: Tx): Promise<EnqueuedEmail | null> {
  const rec = await tx.inboundEmail.findUnique({
    where: { id: opts.inboundId },
    select: { id: true, action: true, reason: true, ticketId: true, ticketMessageId: true },
  });
  if (!rec?.ticketId) return null;
  if (rec.action === "TICKET") return enqueueSchoolNotification(ctx, { ticketId: rec.ticketId }, tx);
  if (rec.action !== "THREAD" || !rec.ticketMessageId || rec.reason === "staff_reply") return null;
  // A parent's own follow-up was added by addTicketMessage, which already queued the school's notification
  // in the same transaction (every channel's follow-ups do): only a message from another sender is ours to say.
  if (rec.reason !== "not_requester") return null;
  const t = await tx.ticket.findUniqueOrThrow({
    where: { id: rec.ticketId },
    select: { id: true, number: true, subject: true, queue: true, requesterEmail: true, school: { select: { name: true, email: true } } },
  });
  const msg = await tx.ticketMessage.findUniqueOrThrow({ where: { id: rec.ticketMessageId }, select: { body: true } });
  const fr = translator("fr"); // the board's offices work in French
  const body = msg.body.length > 4000 ? `${msg.body.slice(0, 4000)}…` : msg.body;
  return enqueueEmail(
    ctx,
    {
      template: rec.reason === "not_requester" ? "mail:email.otherSenderForSchool" : "mail:email.followUpForSchool",
      lang: "fr",
      to: (t.queue === "SCHOOL" && t.school?.email) || ctx.config.HELPDESK_ADDRESS,
      params: {
        reference: formatTicketReference(t.number),
        subject: t.subject,
        queueName: t.school?.name ?? fr("tickets:queue.CENTRAL"),
        message: body.slice(0, SUMMARY_CHARS * 10),
        triageUrl: publicUrls.triageTicket(ctx, t.id),
      },
      dedupeKey: `inbound:${rec.id}:notify`,
      ticketId: t.id,
      from: ctx.config.HELPDESK_ADDRESS,
      replyTo: ctx.config.HELPDESK_ADDRESS,
      messageId: signedMessageId(ctx, { ticketNumber: t.number, fromAddress: ctx.config.HELPDESK_ADDRESS }),
    },
    tx,
  );
}
