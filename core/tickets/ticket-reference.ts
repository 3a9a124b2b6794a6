// The human reference of a ticket: "AP-" + the number zero-padded to 6 digits (AP-000042). Parents quote it
// in chat and email subjects in every shape: « AP-42 », « ap 000042 », « [AP-000042] », « Re: AP#42 ».

export const TICKET_REFERENCE_PREFIX = "AP";

export function formatTicketReference(number: number): string {
  return `${TICKET_REFERENCE_PREFIX}-${String(number).padStart(6, "0")}`;
}

// "AP" not glued to a word before it; then "-", "#", "_" or nothing and any number of digits — or plain
// spaces followed by a 6-digit padded number, so « ap 2 jours » (SMS for « après ») is not a reference.
const REFERENCE = /(?<![\p{L}\p{N}])AP(?:\s*[-#_]\s*|(?=\d))(\d{1,9})(?!\d)|(?<![\p{L}\p{N}])AP\s+(\d{6,9})(?!\d)/iu;

/** The ticket number a text refers to (first reference found), or null. */
export function parseTicketReference(text: string | null | undefined): number | null {
  if (!text) return null;
  const m = REFERENCE.exec(text);
  if (!m) return null;
  const n = Number(m[1] ?? m[2]);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
