// Composes an outgoing email from templates/ (French first, English beside) and stores it in the outbox.
// Delivery is separate (deliver-outbox.ts): storing first means a crash never loses a message, and the
// dedupe key means the same logical email is never queued twice.
import crypto from "node:crypto";
import type { CoreContext } from "../context";
import { translator, type Lang } from "../i18n";
import { renderEmail } from "./render-email";
import type { Prisma as PrismaNs } from "../db/generated/client";

export interface EnqueueEmailOptions {
  /** Namespace and key prefix in templates/: "accounts:email.passwordReset" uses `.subject` and `.body`. */
  template: string;
  lang: Lang;
  to: string;
  /** Placeholder values. Secrets such as a temporary password go here: stored in the outbox row, never logged. */
  params?: Record<string, string | number>;
  /** Same key, same email: a second call returns the first message instead of queuing another. */
  dedupeKey?: string;
  ticketId?: string;
  /** Threading (RFC 5322): the Message-ID we answer and the chain before it. */
  inReplyTo?: string;
  references?: string[];
  /** Automatic replies carry `Auto-Submitted: auto-replied` (RFC 3834); others `auto-generated`. */
  autoReply?: boolean;
  /** Written by a person (a staff reply): no Auto-Submitted header at all (RFC 3834 §5). */
  human?: boolean;
  /** Overrides MAIL_FROM (e.g. the help-desk address for ticket mail). */
  from?: string;
  replyTo?: string;
  /** A Message-ID made by the caller (the mail agent's signed ones); a random one otherwise. */
  messageId?: string;
}

export interface EnqueuedEmail {
  id: string;
  messageId: string;
  created: boolean;
}

type OutboxWriter = Pick<CoreContext["prisma"], "outboxMessage">;

/** The accounts' emails (a sign-in code, a temporary password): someone is waiting for them in the chat. */
export const isPriorityTemplate = (template: string): boolean => template.startsWith("accounts:");

export function newMessageId(fromAddress: string): string {
  const domain = fromAddress.split("@")[1] ?? "aide-portail.local";
  return `<${crypto.randomUUID()}@${domain}>`;
}

/** The outbox row of one email, rendered, with its id (a batch writes many at once: createMany). */
export function composeOutboxRow(
  ctx: CoreContext,
  opts: EnqueueEmailOptions,
): PrismaNs.OutboxMessageCreateManyInput & { id: string; messageId: string } {
  const t = translator(opts.lang);
  // Ticket mail may be answered (the reply threads into the ticket); every other email is a notice.
  const footer = opts.ticketId ? "reply" : "noReply";
  const email = renderEmail(t, opts.template, { publicUrl: ctx.config.publicUrl, ...(opts.params ?? {}) }, { footer });
  const fromAddress = opts.from ?? ctx.config.MAIL_FROM;
  const messageId = opts.messageId ?? newMessageId(fromAddress);
  const headers: Record<string, string> = {
    ...(opts.human ? {} : { "Auto-Submitted": opts.autoReply ? "auto-replied" : "auto-generated" }),
    "Content-Language": opts.lang === "fr" ? "fr-CA" : "en-CA",
  };
  if (opts.inReplyTo) headers["In-Reply-To"] = opts.inReplyTo;
  const refs = [...(opts.references ?? []), ...(opts.inReplyTo ? [opts.inReplyTo] : [])];
  if (refs.length) headers.References = [...new Set(refs)].join(" ");
  if (opts.replyTo) headers["Reply-To"] = opts.replyTo;
  return {
    id: crypto.randomUUID(),
    dedupeKey: opts.dedupeKey ?? null,
    template: opts.template,
    lang: opts.lang,
    toAddress: opts.to,
    fromAddress,
    subject: email.subject,
    text: email.text,
    html: email.html,
    headers: headers as PrismaNs.InputJsonValue,
    messageId,
    ticketId: opts.ticketId ?? null,
    nextAttemptAt: ctx.now(),
    priority: isPriorityTemplate(opts.template),
  };
}

/** `db` may be a transaction client, so the email commits with the change that caused it. */
export async function enqueueEmail(ctx: CoreContext, opts: EnqueueEmailOptions, db: OutboxWriter = ctx.prisma): Promise<EnqueuedEmail> {
  if (opts.dedupeKey) {
    const existing = await db.outboxMessage.findUnique({ where: { dedupeKey: opts.dedupeKey }, select: { id: true, messageId: true } });
    if (existing) return { ...existing, created: false };
  }
  const row = await db.outboxMessage.create({ data: composeOutboxRow(ctx, opts), select: { id: true, messageId: true } });
  ctx.log.info({ component: "outbox", outboxId: row.id, template: opts.template, lang: opts.lang }, "email queued");
  return { ...row, created: true };
}
