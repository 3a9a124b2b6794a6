// Opens many tickets in the caller's transaction with a handful of statements whatever their number (the
// mail agent ingests a fetched batch of emails in one commit): the same checks, routing rule, stored fields
// and audit event as createTicket, written with createMany. Returns what each reply and notification needs,
// so nothing is read back.
import crypto from "node:crypto";
import type { CoreContext } from "../context";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { bulkInsert } from "../db/bulk-insert";
import { normalizeEmail } from "../util/text";
import { visibleStudentsWhere } from "../records/access";
import { capBody } from "./message-body";
import { routeTickets } from "./routing";
import { formatTicketReference } from "./ticket-reference";
import { clean, MAX_SUBJECT_LENGTH, type CreateTicketOptions, type CreatedTicket } from "./create-ticket";
import type { NotifiedTicket } from "./ticket-emails";

export interface BatchCreatedTicket extends CreatedTicket {
  subject: string;
  /** The ticket as its school notification reads it (tickets/ticket-emails.ts). */
  notified: NotifiedTicket;
}

export async function createTickets(
  ctx: CoreContext,
  list: CreateTicketOptions[],
  tx: Prisma.TransactionClient,
): Promise<BatchCreatedTicket[]> {
  if (!list.length) return [];
  const prepared = list.map((opts) => {
    const subject = clean(opts.subject, MAX_SUBJECT_LENGTH);
    if (!subject) throw new AppError("tickets.empty_subject", { log: "ticket without a subject" });
    if (!opts.body?.trim()) throw new AppError("tickets.empty_body", { log: "ticket without a body" });
    return { opts, subject, ...capBody(opts.body, opts.lang), studentId: opts.studentId ?? null };
  });
  // A signed-in parent only attaches a child their account sees (rare in a batch: known parents naming a child).
  for (const p of prepared) {
    if (!p.studentId || !p.opts.accountId) continue;
    const visible = await tx.student.findFirst({
      where: { id: p.studentId, ...visibleStudentsWhere(p.opts.accountId) },
      select: { id: true },
    });
    if (!visible) p.studentId = null;
  }
  const routes = await routeTickets(
    tx,
    prepared.map((p) => ({ intent: p.opts.intent, studentId: p.studentId, schoolCode: p.opts.schoolCode })),
  );
  const studentIds = [...new Set(prepared.map((p) => p.studentId).filter((s): s is string => !!s))];
  const students = studentIds.length
    ? new Map(
        (
          await tx.student.findMany({
            where: { id: { in: studentIds } },
            select: { id: true, givenName: true, familyName: true, grade: true },
          })
        ).map((s) => [s.id, s]),
      )
    : new Map<string, { givenName: string; familyName: string; grade: string | null }>();
  const now = ctx.now();
  const rows: Prisma.TicketCreateManyInput[] = [];
  for (const [i, p] of prepared.entries()) {
    let requesterEmail = p.opts.requester?.email ? normalizeEmail(p.opts.requester.email) : null;
    if (!requesterEmail && p.opts.accountId) {
      requesterEmail = (await tx.account.findUnique({ where: { id: p.opts.accountId }, select: { email: true } }))?.email ?? null;
    }
    rows.push({
      id: crypto.randomUUID(),
      channel: p.opts.channel,
      status: "NEW",
      queue: routes[i].queue,
      schoolId: routes[i].school?.id ?? null,
      intent: p.opts.intent ?? null,
      lang: p.opts.lang,
      subject: p.subject,
      accountId: p.opts.accountId ?? null,
      studentId: p.studentId,
      requesterName: clean(p.opts.requester?.name),
      requesterEmail,
      requesterPhone: clean(p.opts.requester?.phone, 50),
      childGivenName: clean(p.opts.child?.givenName),
      childFamilyName: clean(p.opts.child?.familyName),
      childGrade: clean(p.opts.child?.grade, 10),
      createdAt: now,
      updatedAt: now,
    });
  }
  // Ticket numbers come from the sequence: read back with the ids we chose.
  const created = await bulkInsert<{ id: string; number: number }>(tx, "Ticket", rows as Record<string, unknown>[], ["id", "number"]);
  const numbers = new Map(created.map((r) => [r.id, Number(r.number)]));
  await bulkInsert(
    tx,
    "TicketMessage",
    prepared.map((p, i) => ({
      id: crypto.randomUUID(),
      ticketId: rows[i].id!,
      author: "PARENT" as const,
      body: p.body,
      emailMessageId: p.opts.emailMessageId ?? null,
      createdAt: now,
    })),
  );
  await bulkInsert(
    tx,
    "AuditEvent",
    prepared.map((p, i) => ({
      id: crypto.randomUUID(),
      at: now,
      actorType: p.opts.accountId ? "parent" : "anonymous",
      actorId: p.opts.accountId ?? null,
      action: "ticket.created",
      entityType: "Ticket",
      entityId: rows[i].id!,
      data: {
        number: numbers.get(rows[i].id!)!,
        channel: p.opts.channel,
        queue: routes[i].queue,
        schoolCode: routes[i].school?.code ?? null,
        routing: routes[i].reason,
        intent: p.opts.intent ?? null,
        truncated: p.truncated,
      },
      correlationId: p.opts.correlationId ?? null,
    })),
  );
  return prepared.map((p, i) => {
    const row = rows[i];
    const id = row.id!;
    const number = numbers.get(id)!;
    const school = routes[i].school ? { code: routes[i].school!.code, name: routes[i].school!.name, email: routes[i].school!.email } : null;
    return {
      id,
      number,
      reference: formatTicketReference(number),
      queue: routes[i].queue,
      school,
      routingReason: routes[i].reason,
      created: true,
      subject: p.subject,
      notified: {
        id,
        number,
        queue: routes[i].queue,
        lang: p.opts.lang,
        subject: p.subject,
        channel: p.opts.channel,
        requesterName: row.requesterName ?? null,
        requesterEmail: row.requesterEmail ?? null,
        requesterPhone: row.requesterPhone ?? null,
        childGivenName: row.childGivenName ?? null,
        childFamilyName: row.childFamilyName ?? null,
        childGrade: row.childGrade ?? null,
        student: p.studentId ? (students.get(p.studentId) ?? null) : null,
        school,
        messages: [{ body: p.body }],
      },
    };
  });
}
