// Has the agent already processed this email? By its dedupe key (Message-ID + content hash), or by its
// place in a mailbox (UIDVALIDITY + UID), so that a mail committed but not yet moved (a crash between the
// two) is recognised and only moved on the next pass.
import type { CoreContext } from "../context";
import type { MailIntakeAction } from "../db/generated/enums";

export interface InboundEmailRecord {
  id: string;
  action: MailIntakeAction;
  reason: string | null;
  intent: string | null;
  lang: string | null;
  ticketId: string | null;
  receivedAt: Date;
}

const select = { id: true, action: true, reason: true, intent: true, lang: true, ticketId: true, receivedAt: true } as const;

export async function findInboundEmail(
  ctx: CoreContext,
  opts: { dedupeKey?: string; mailbox?: string; uidValidity?: bigint | null; uid?: bigint | null },
): Promise<InboundEmailRecord | null> {
  if (opts.dedupeKey) {
    const byKey = await ctx.prisma.inboundEmail.findUnique({ where: { dedupeKey: opts.dedupeKey }, select });
    if (byKey) return byKey;
  }
  if (opts.mailbox && opts.uidValidity != null && opts.uid != null) {
    return ctx.prisma.inboundEmail.findFirst({ where: { mailbox: opts.mailbox, uidValidity: opts.uidValidity, uid: opts.uid }, select });
  }
  return null;
}

/** How many inbound emails were recorded, by action (metrics, the bench). */
export async function countInboundEmails(ctx: CoreContext): Promise<Record<MailIntakeAction, number>> {
  const out: Record<MailIntakeAction, number> = { TICKET: 0, THREAD: 0, IGNORE: 0, QUARANTINE: 0 };
  const groups = await ctx.prisma.inboundEmail.groupBy({ by: ["action"], _count: { _all: true } });
  for (const g of groups) out[g.action] = g._count._all;
  return out;
}

/**
 * findInboundEmail for a fetched batch, in one query: entry i is the record email i was already processed
 * as (by its dedupe key, else by its place in the mailbox), or null.
 */
export async function findInboundEmails(
  ctx: CoreContext,
  opts: { emails: { dedupeKey: string; mailbox?: string | null; uidValidity?: bigint | null; uid?: bigint | null }[] },
): Promise<(InboundEmailRecord | null)[]> {
  if (!opts.emails.length) return [];
  const places = opts.emails.filter((e) => e.mailbox && e.uidValidity != null && e.uid != null);
  const rows = await ctx.prisma.inboundEmail.findMany({
    where: {
      OR: [
        { dedupeKey: { in: opts.emails.map((e) => e.dedupeKey) } },
        ...places.map((e) => ({ mailbox: e.mailbox!, uidValidity: e.uidValidity!, uid: e.uid! })),
      ],
    },
    select: { ...select, dedupeKey: true, mailbox: true, uidValidity: true, uid: true },
  });
  const byKey = new Map(rows.map((r) => [r.dedupeKey, r]));
  const byPlace = new Map(rows.filter((r) => r.uid != null).map((r) => [`${r.mailbox}\u0000${r.uidValidity}\u0000${r.uid}`, r]));
  return opts.emails.map((e) => {
    const r = byKey.get(e.dedupeKey) ?? (e.uid != null ? byPlace.get(`${e.mailbox}\u0000${e.uidValidity}\u0000${e.uid}`) : undefined);
    if (!r) return null;
    return { id: r.id, action: r.action, reason: r.reason, intent: r.intent, lang: r.lang, ticketId: r.ticketId, receivedAt: r.receivedAt };
  });
}
