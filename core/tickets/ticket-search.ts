// The full-text document of a ticket (TicketTriage.searchVector): subject, parent's name and address, the
// child's names, and the messages' text, accent-folded and reduced to words, under PostgreSQL's 'simple'
// configuration — no extension, so PGlite and PostgreSQL both run it (and its GIN index). Rewritten in the
// transaction of every change that alters what a ticket says.
import { Prisma } from "../db/generated/client";
import { foldText } from "../util/text";

type Tx = Prisma.TransactionClient;

/** What goes into the vector: the first 200 KB of text, enough for any real thread (tsvector caps at 1 MB). */
const MAX_DOCUMENT_CHARS = 200_000;

/** Accent- and case-folded words only: « Marie.Tremblay@Exemple.ca » → « marie tremblay exemple ca ». */
export function searchWords(text: string): string[] {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}

/** The tsquery of what a person typed: every word, as a prefix (« trem léa » → trem:* & lea:*), or null. */
export function searchQuery(text: string): string | null {
  const words = searchWords(String(text ?? "").slice(0, 200))
    .slice(0, 8)
    .map((w) => w.replace(/[^a-z0-9]/g, ""))
    .filter(Boolean);
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
}

export async function refreshTicketSearch(tx: Tx, ticketId: string): Promise<void> {
  const t = await tx.ticket.findUnique({
    where: { id: ticketId },
    select: {
      subject: true,
      requesterName: true,
      requesterEmail: true,
      childGivenName: true,
      childFamilyName: true,
      student: { select: { givenName: true, familyName: true, preferredName: true } },
      messages: { where: { internal: false }, orderBy: { createdAt: "asc" }, select: { body: true } },
    },
  });
  if (!t) return;
  const parts = [
    t.subject,
    t.requesterName,
    t.requesterEmail,
    t.childGivenName,
    t.childFamilyName,
    t.student?.givenName,
    t.student?.familyName,
    t.student?.preferredName,
    ...t.messages.map((m) => m.body),
  ];
  const doc = searchWords(parts.filter(Boolean).join(" \n ").slice(0, MAX_DOCUMENT_CHARS)).join(" ");
  await tx.$executeRaw`
    INSERT INTO "TicketTriage" ("ticketId", "searchVector") VALUES (${ticketId}, to_tsvector('simple', ${doc}))
    ON CONFLICT ("ticketId") DO UPDATE SET "searchVector" = EXCLUDED."searchVector"`;
}
