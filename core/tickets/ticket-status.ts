// The life of a ticket and its allowed moves. RESOLVED means answered (the parent may still come back);
// CLOSED means done. Reopening (→ OPEN) clears closedAt.
import type { TicketStatus } from "../db/generated/enums";

export const TICKET_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  NEW: ["OPEN", "WAITING_PARENT", "RESOLVED", "CLOSED"],
  OPEN: ["WAITING_PARENT", "RESOLVED", "CLOSED"],
  WAITING_PARENT: ["OPEN", "RESOLVED", "CLOSED"],
  RESOLVED: ["OPEN", "CLOSED"],
  CLOSED: ["OPEN"],
};

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS[from]?.includes(to) ?? false;
}

/** Statuses a parent's new message brings back to OPEN: nothing a parent writes may land unseen. */
export const REOPENED_BY_PARENT: readonly TicketStatus[] = ["WAITING_PARENT", "RESOLVED", "CLOSED"];
