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
      id: true, number: true, queue: true, lang: true, subject: true, channel: true,
      requesterName: true, requesterEmail: true, requesterPhone: true,
      childGivenName: true, childFamilyName: true, childGrade: true,
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
  return enqueueEmail(ctx, {
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
  }, tx);
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
