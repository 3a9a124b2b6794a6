// The actions on one ticket, shared by the pages and the API so both check and do exactly the same thing.
import {
  AppError,
  addTicketMessage,
  assignTicket,
  changeTicketStatus,
  findTicketByReference,
  mergeTickets,
  replyToTicket,
  rerouteTicket,
  TICKET_STATUSES,
} from "../../core";
import type { TriageContext } from "../http/triage-handler";

type TicketStatus = (typeof TICKET_STATUSES)[number];
import { str } from "../http/request";

export const TICKET_ACTIONS = ["reply", "note", "status", "assign", "reroute", "merge"] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

function status(v: unknown): TicketStatus | null {
  return TICKET_STATUSES.includes(v as TicketStatus) ? (v as TicketStatus) : null;
}

export async function runTicketAction(c: TriageContext, ticketId: string, action: TicketAction): Promise<Record<string, unknown>> {
  const ctx = c.deps.ctx;
  const staffId = c.staff!.id;
  const b = c.body;
  switch (action) {
    case "reply":
      return { ...(await replyToTicket(ctx, { ticketId, staffId, body: str(b.body, 20_000), status: status(b.status) })) };
    case "note":
      return { ...(await addTicketMessage(ctx, { ticketId, author: "STAFF", staffId, body: str(b.body, 20_000), internal: true })) };
    case "status": {
      const s = status(b.status);
      if (!s) throw new AppError("tickets.invalid_status", { log: "unknown status in a request" });
      return { ...(await changeTicketStatus(ctx, { ticketId, staffId, status: s })) };
    }
    case "assign":
      return { ...(await assignTicket(ctx, { ticketId, staffId, assigneeId: str(b.assigneeId, 100) || null })) };
    case "reroute": {
      const target = str(b.target ?? b.schoolCode, 60) || "CENTRAL";
      const reason = str(b.reason, 500);
      return target === "CENTRAL"
        ? { ...(await rerouteTicket(ctx, { ticketId, staffId, central: true, reason })) }
        : { ...(await rerouteTicket(ctx, { ticketId, staffId, schoolCode: target, reason })) };
    }
    case "merge": {
      const ref = str(b.into, 40);
      const into = (await findTicketByReference(ctx, { reference: ref })) ?? null;
      const intoId = into?.id ?? str(b.intoId, 100);
      if (!intoId) throw new AppError("tickets.not_found", { log: "merge target not found" });
      return { ...(await mergeTickets(ctx, { staffId, sourceId: ticketId, targetId: intoId })) };
    }
  }
}
