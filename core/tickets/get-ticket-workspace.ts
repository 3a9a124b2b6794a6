// Everything the triage page of one ticket shows, for a staff member who may see it: the thread (internal
// notes included), attachments, the parent's and child's context the question needs (names, grade, school,
// account status — not the whole record), what the assistant understood and why (intent, confidence, the
// runner-up, routing reason, entities), the audit trail, canned answers filled in, and the choices for
// assigning and re-routing.
import type { CoreContext } from "../context";
import { classify } from "../nlu";
import { extractEntities } from "../nlu/entities";
import { isLang, translator, type Lang } from "../i18n";
import { getTicket, type TicketDetails } from "./get-ticket";
import { formatTicketReference } from "./ticket-reference";
import { requireStaffOnTicket } from "./visibility";

export interface TicketWorkspace {
  ticket: TicketDetails;
  attachments: { id: string; fileName: string; contentType: string; size: number; messageId: string | null }[];
  assignee: { id: string; name: string | null } | null;
  mergedInto: { id: string; reference: string } | null;
  context: {
    parent: { name: string | null; email: string | null; phone: string | null; accountStatus: string | null; lang: string };
    child: { name: string | null; grade: string | null; school: string | null; fromRecord: boolean } | null;
  };
  understanding: {
    intent: string | null;
    detected: { intent: string; confidence: number; runnerUp: { intent: string; confidence: number }; lang: string } | null;
    routing: string | null;
    entities: { child: string | null; school: string | null; dates: string[]; oen: boolean };
  };
  history: { at: Date; action: string; actor: string | null; data: Record<string, unknown> | null }[];
  canned: { id: string; title: string; body: string }[];
  colleagues: { id: string; name: string | null }[];
  schools: { code: string; name: string }[];
}

/** Canned answers live in templates/<lang>/tickets.json under `canned.<id>` (title, body). */
export function cannedAnswers(lang: Lang, params: Record<string, string>): { id: string; title: string; body: string }[] {
  const tr = translator(lang);
  const all = tr("tickets:canned", { returnObjects: true }) as unknown as Record<string, { title: string; body: string }>;
  return Object.keys(all ?? {}).map((id) => ({
    id,
    title: tr(`tickets:canned.${id}.title`, params),
    body: tr(`tickets:canned.${id}.body`, params),
  }));
}

export async function getTicketWorkspace(ctx: CoreContext, opts: { ticketId: string; staffId: string }): Promise<TicketWorkspace> {
  await requireStaffOnTicket(ctx, opts.staffId, opts.ticketId);
  const ticket = await getTicket(ctx, { ticketId: opts.ticketId, viewer: { kind: "staff", staffId: opts.staffId } });
  const [row, attachments, triage, audit, schools] = await Promise.all([
    ctx.prisma.ticket.findUniqueOrThrow({
      where: { id: ticket.id },
      select: {
        schoolId: true,
        account: {
          select: {
            status: true,
            lang: true,
            guardian: {
              select: {
                students: {
                  where: { portalAccess: true },
                  select: { student: { select: { id: true, givenName: true, preferredName: true } } },
                },
              },
            },
          },
        },
        student: { select: { givenName: true, familyName: true, preferredName: true, grade: true, school: { select: { name: true } } } },
      },
    }),
    ctx.prisma.ticketAttachment.findMany({
      where: { ticketId: ticket.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, fileName: true, contentType: true, size: true, messageId: true },
    }),
    ctx.prisma.ticketTriage.findUnique({ where: { ticketId: ticket.id }, select: { assigneeId: true, mergedIntoId: true } }),
    ctx.prisma.auditEvent.findMany({
      where: { entityType: "Ticket", entityId: ticket.id },
      orderBy: { at: "asc" },
      take: 200,
      select: { at: true, action: true, actorType: true, actorId: true, data: true },
    }),
    ctx.prisma.school.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { code: true, name: true } }),
  ]);
  const staffIds = [
    ...new Set(
      [triage?.assigneeId, ...audit.filter((a) => a.actorType === "staff").map((a) => a.actorId)].filter((x): x is string => Boolean(x)),
    ),
  ];
  const [names, merged, colleagues] = await Promise.all([
    ctx.prisma.staff.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true, email: true } }),
    triage?.mergedIntoId ? ctx.prisma.ticket.findUnique({ where: { id: triage.mergedIntoId }, select: { id: true, number: true } }) : null,
    ctx.prisma.staff.findMany({
      where: {
        active: true,
        OR: [
          { role: { in: ["AGENT", "ADMIN"] } },
          ...(row.schoolId && ticket.queue === "SCHOOL" ? [{ role: "SECRETARY" as const, schoolId: row.schoolId }] : []),
        ],
      },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  const nameOf = (id: string | null) =>
    id ? (names.find((n) => n.id === id)?.name ?? names.find((n) => n.id === id)?.email ?? null) : null;

  const firstParent = ticket.messages.find((m) => m.author === "PARENT");
  const detected = firstParent ? classify(firstParent.body, { channel: ticket.channel === "EMAIL" ? "email" : "chat" }) : null;
  const children =
    row.account?.guardian?.students.map((s) => ({
      id: s.student.id,
      givenName: s.student.givenName,
      preferredName: s.student.preferredName,
    })) ?? [];
  const entities = firstParent
    ? extractEntities(firstParent.body.slice(0, 5000), {
        children,
        schools,
        ref: ticket.createdAt,
        lang: isLang(ticket.lang) ? ticket.lang : "fr",
      })
    : null;
  const created = audit.find((a) => a.action === "ticket.created");
  const childName = row.student
    ? `${row.student.preferredName ?? row.student.givenName} ${row.student.familyName}`
    : [ticket.child?.givenName, ticket.child?.familyName].filter(Boolean).join(" ") || null;
  const lang: Lang = isLang(ticket.lang) ? ticket.lang : "fr";
  return {
    ticket,
    attachments,
    assignee: triage?.assigneeId ? { id: triage.assigneeId, name: nameOf(triage.assigneeId) } : null,
    mergedInto: merged ? { id: merged.id, reference: formatTicketReference(merged.number) } : null,
    context: {
      parent: {
        name: ticket.requester?.name ?? null,
        email: ticket.requester?.email ?? null,
        phone: ticket.requester?.phone ?? null,
        accountStatus: row.account?.status ?? null,
        lang: ticket.lang,
      },
      child:
        childName || row.student
          ? {
              name: childName,
              grade: row.student?.grade ?? ticket.child?.grade ?? null,
              school: row.student?.school?.name ?? ticket.school?.name ?? null,
              fromRecord: Boolean(row.student),
            }
          : null,
    },
    understanding: {
      intent: ticket.intent,
      detected: detected
        ? { intent: detected.intent, confidence: detected.confidence, runnerUp: detected.runnerUp, lang: detected.lang }
        : null,
      routing: (created?.data as { routing?: string } | null)?.routing ?? null,
      entities: {
        child: entities?.child?.givenName ?? null,
        school: entities?.school?.name ?? null,
        dates: entities?.dates.map((d) => (d.start === d.end ? d.start : `${d.start} → ${d.end}`)) ?? [],
        oen: Boolean(entities?.oen),
      },
    },
    history: audit.map((a) => ({
      at: a.at,
      action: a.action,
      actor: a.actorType === "staff" ? nameOf(a.actorId) : null,
      data: (a.data as Record<string, unknown> | null) ?? null,
    })),
    canned: cannedAnswers(lang, {
      parentName: ticket.requester?.name ?? "",
      childName: childName ?? "",
      schoolName: ticket.school?.name ?? translator(lang)("tickets:queue.CENTRAL"),
      reference: ticket.reference,
    }),
    colleagues,
    schools,
  };
}
