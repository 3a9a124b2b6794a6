// The two emails a new ticket causes: the acknowledgement to the parent (reference, summary, expected delay)
// and the notification to the school office — or to the help desk (HELPDESK_ADDRESS) for the central queue.
// Both go through the outbox with the caller's transaction, so they exist if and only if the ticket does.
// They are sent from the help-desk address with the reference in the subject, so replies thread back.
import type { CoreContext } from "../context";
import type { Prisma } from "../db/generated/client";
import { enqueueEmail, type EnqueuedEmail, type EnqueueEmailOptions } from "../outbox/enqueue-email";
import { isLang, translator, type Lang } from "../i18n";
import { formatTicketReference } from "./ticket-reference";
import { publicUrls } from "../public-urls";

type Tx = Prisma.TransactionClient;

const SUMMARY_CHARS = 400;

async function loadTicket(tx: Tx, ticketId: string) {
  return tx.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    select: {
      id: true,
      number: true,
      queue: true,
      lang: true,
      subject: true,
      channel: true,
      requesterName: true,
      requesterEmail: true,
      requesterPhone: true,
      childGivenName: true,
      childFamilyName: true,
      childGrade: true,
      student: { select: { givenName: true, familyName: true, grade: true } },
      school: { select: { code: true, name: true, email: true } },
      messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 1, where: { internal: false }, select: { body: true } },
    },
  });
}

function summary(body: string | undefined): string {
  const b = (body ?? "").trim();
  return b.length > SUMMARY_CHARS ? `${b.slice(0, SUMMARY_CHARS).trimEnd()}…` : b;
}

/** The acknowledgement to the parent (templates tickets:email.received); none without a requester email. */
export async function enqueueTicketAcknowledgement(ctx: CoreContext, opts: { ticketId: string }, tx: Tx): Promise<EnqueuedEmail | null> {
  const t = await loadTicket(tx, opts.ticketId);
  if (!t.requesterEmail) return null;
  const lang: Lang = isLang(t.lang) ? t.lang : "fr";
  const tr = translator(lang);
  const reference = formatTicketReference(t.number);
  return enqueueEmail(
    ctx,
    {
      template: "tickets:email.received",
      lang,
      to: t.requesterEmail,
      params: {
        reference,
        subject: t.subject,
        summary: summary(t.messages[0]?.body),
        handledBy: t.school ? t.school.name : tr("tickets:queue.CENTRAL"),
        delay: tr(`tickets:delay.${t.queue}`),
      },
      dedupeKey: `ticket:${t.id}:received`,
      ticketId: t.id,
      autoReply: true,
      from: ctx.config.HELPDESK_ADDRESS,
      replyTo: ctx.config.HELPDESK_ADDRESS,
    },
    tx,
  );
}

/** What the school notification says of a ticket (loadTicket's shape; the mail agent's batch builds it in memory). */
export interface NotifiedTicket {
  id: string;
  number: number;
  queue: "SCHOOL" | "CENTRAL";
  lang: string;
  subject: string;
  channel: string;
  requesterName: string | null;
  requesterEmail: string | null;
  requesterPhone: string | null;
  childGivenName: string | null;
  childFamilyName: string | null;
  childGrade: string | null;
  student: { givenName: string; familyName: string; grade: string | null } | null;
  school: { name: string; email: string | null } | null;
  messages: { body: string }[];
}

/** The notification email of a ticket (tickets:email.newTicketForSchool), in French, ready for the outbox. */
export function schoolNotificationEmail(ctx: CoreContext, t: NotifiedTicket): EnqueueEmailOptions {
  const lang: Lang = "fr"; // the board's offices work in French
  const tr = translator(lang);
  const child = t.student ?? { givenName: t.childGivenName, familyName: t.childFamilyName, grade: t.childGrade };
  const dash = "—";
  return {
    template: "tickets:email.newTicketForSchool",
    lang,
    to: (t.queue === "SCHOOL" && t.school?.email) || ctx.config.HELPDESK_ADDRESS,
    params: {
      reference: formatTicketReference(t.number),
      subject: t.subject,
      queueName: t.school?.name ?? tr("tickets:queue.CENTRAL"),
      channel: tr(`tickets:channel.${t.channel}`),
      parentName: t.requesterName ?? dash,
      parentEmail: t.requesterEmail ?? dash,
      parentPhone: t.requesterPhone ?? dash,
      childName: [child.givenName, child.familyName].filter(Boolean).join(" ") || dash,
      childGrade: child.grade ?? dash,
      parentLang: tr(`tickets:lang.${isLang(t.lang) ? t.lang : "fr"}`),
      description: t.messages[0]?.body ?? "",
      triageUrl: publicUrls.triageTicket(ctx, t.id),
    },
    dedupeKey: `ticket:${t.id}:notify`,
    ticketId: t.id,
    from: ctx.config.HELPDESK_ADDRESS,
    replyTo: ctx.config.HELPDESK_ADDRESS,
  };
}

/** The notification to whoever handles the queue (tickets:email.newTicketForSchool), in French. */
export async function enqueueSchoolNotification(ctx: CoreContext, opts: { ticketId: string }, tx: Tx): Promise<EnqueuedEmail> {
  return enqueueEmail(ctx, schoolNotificationEmail(ctx, await loadTicket(tx, opts.ticketId)), tx);
}

/** The Message-IDs of a ticket's emails so far (in and out), oldest first: References of the next one. */
async function threadIds(tx: Tx, ticketId: string): Promise<string[]> {
  const [msgs, out] = await Promise.all([
    tx.ticketMessage.findMany({
      where: { ticketId, emailMessageId: { not: null } },
      orderBy: { createdAt: "asc" },
      select: { emailMessageId: true, createdAt: true },
    }),
    tx.outboxMessage.findMany({ where: { ticketId }, orderBy: { createdAt: "asc" }, select: { messageId: true, createdAt: true } }),
  ]);
  return [...msgs.map((m) => ({ id: m.emailMessageId!, at: m.createdAt })), ...out.map((o) => ({ id: o.messageId, at: o.createdAt }))]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((x) => x.id);
}

/**
 * A parent wrote again on a ticket (email, chat): the school office (or the help desk) is told, in the thread
 * of the new-ticket notification, so replying to it answers the parent through the mail agent. (A ticket's
 * first message is written by createTicket, never through here: the new-ticket notification covers it.)
 */
export async function enqueueParentReplyNotification(
  ctx: CoreContext,
  opts: { ticketId: string; messageId: string },
  tx: Tx,
): Promise<EnqueuedEmail> {
  const t = await tx.ticket.findUniqueOrThrow({
    where: { id: opts.ticketId },
    select: { id: true, number: true, queue: true, subject: true, requesterName: true, school: { select: { name: true, email: true } } },
  });
  const msg = await tx.ticketMessage.findUniqueOrThrow({ where: { id: opts.messageId }, select: { body: true } });
  const tr = translator("fr");
  const notify = await tx.outboxMessage.findUnique({ where: { dedupeKey: `ticket:${t.id}:notify` }, select: { messageId: true } });
  return enqueueEmail(
    ctx,
    {
      template: "tickets:email.parentReplyForSchool",
      lang: "fr",
      to: (t.queue === "SCHOOL" && t.school?.email) || ctx.config.HELPDESK_ADDRESS,
      params: {
        reference: formatTicketReference(t.number),
        subject: t.subject,
        queueName: t.school?.name ?? tr("tickets:queue.CENTRAL"),
        parentName: t.requesterName ?? "—",
        message: summary(msg.body),
        triageUrl: publicUrls.triageTicket(ctx, t.id),
      },
      dedupeKey: `ticket-message:${opts.messageId}:notify`,
      ticketId: t.id,
      ...(notify ? { inReplyTo: notify.messageId } : {}),
      from: ctx.config.HELPDESK_ADDRESS,
      replyTo: ctx.config.HELPDESK_ADDRESS,
    },
    tx,
  );
}

/**
 * A staff reply, emailed to the parent from the help-desk address, threaded under the parent's last email
 * (In-Reply-To / References), with the reference in the subject so the parent's answer threads back.
 */
export async function enqueueStaffReplyEmail(
  ctx: CoreContext,
  opts: { ticketId: string; messageId: string },
  tx: Tx,
): Promise<EnqueuedEmail | null> {
  const t = await tx.ticket.findUniqueOrThrow({
    where: { id: opts.ticketId },
    select: { id: true, number: true, lang: true, subject: true, requesterEmail: true },
  });
  if (!t.requesterEmail) return null;
  const msg = await tx.ticketMessage.findUniqueOrThrow({ where: { id: opts.messageId }, select: { body: true } });
  const lang: Lang = isLang(t.lang) ? t.lang : "fr";
  const lastParentEmail = await tx.ticketMessage.findFirst({
    where: { ticketId: t.id, author: "PARENT", emailMessageId: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { emailMessageId: true },
  });
  const refs = (await threadIds(tx, t.id)).slice(-20);
  const email = await enqueueEmail(
    ctx,
    {
      template: "tickets:email.staffReply",
      lang,
      to: t.requesterEmail,
      params: { reference: formatTicketReference(t.number), subject: t.subject, body: msg.body },
      dedupeKey: `ticket-message:${opts.messageId}:reply`,
      ticketId: t.id,
      ...(lastParentEmail?.emailMessageId ? { inReplyTo: lastParentEmail.emailMessageId } : {}),
      references: refs,
      human: true,
      from: ctx.config.HELPDESK_ADDRESS,
      replyTo: ctx.config.HELPDESK_ADDRESS,
    },
    tx,
  );
  // The reply's own Message-ID on the message: the parent's answer (In-Reply-To) finds this ticket.
  await tx.ticketMessage.update({ where: { id: opts.messageId }, data: { emailMessageId: email.messageId } });
  return email;
}
