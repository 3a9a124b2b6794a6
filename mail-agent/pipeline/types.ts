// The typed context every pipeline stage reads and marks (Zammad's shape: a stage marks the message, one
// orchestrator decides). Stages never write to the database; persist (12) and notify (13) are the only
// ones with side effects, and `inspect` runs without them.
import type {
  Classification,
  CoreContext,
  InboundEmailRecord,
  EmailEntities,
  EmailSender,
  EmailThreadTicket,
  IngestedEmail,
  Lang,
  ReplyDraft,
} from "../../core";

export interface MailSource {
  /** "imap:user@host/INBOX", "folder:/abs/path", "cli". */
  mailbox: string | null;
  uidValidity?: bigint | null;
  uid?: bigint | null;
  /** A replay of this quarantine entry. */
  replayOf?: string | null;
}

export interface ParsedAttachment {
  filename: string | null;
  contentType: string;
  size: number;
}

export interface ParsedEmail {
  messageId: string | null;
  from: { address: string; name: string | null } | null;
  replyTo: string | null;
  to: string[];
  subject: string;
  date: Date | null;
  /** Lower-cased header name → its values as text. */
  headers: Map<string, string[]>;
  contentType: string;
  /** Plain text of the body (HTML-only mail converted), forwarded messages appended. */
  text: string;
  inReplyTo: string | null;
  references: string[];
  attachments: ParsedAttachment[];
  /** Message-IDs found inside attached messages / rfc822 headers (bounces report on these). */
  embeddedMessageIds: string[];
}

export type Outcome =
  | { action: "duplicate"; reason: string; inboundId: string }
  | { action: "ignore"; reason: string; bouncedMessageIds?: string[] }
  | { action: "quarantine"; stage: string; reason: string };

export interface MailContext {
  raw: Buffer;
  source: MailSource;
  parsed?: ParsedEmail;
  contentHash?: string;
  dedupeKey?: string;
  /** Set by a stage that ends the pipeline early (the orchestrator then persists it as such). */
  outcome?: Outcome;
  thread?: EmailThreadTicket | null;
  ownText?: string;
  sender?: EmailSender;
  /** A secretary writing for a parent: the guardian her email names. */
  onBehalfOf?: EmailSender | null;
  classification?: Classification;
  lang?: Lang;
  entities?: EmailEntities;
  route?: { queue: "SCHOOL" | "CENTRAL"; schoolCode: string | null; reason: string };
  threadAs?: { author: "PARENT" | "STAFF" | "SYSTEM"; reason: string; internal: boolean };
  reply?: ReplyDraft | null;
  ingested?: IngestedEmail;
  /** Batch look-ups made before stage 2 (batch-prefetch.ts); absent, a stage asks the core itself. */
  prefetched?: { inbound?: InboundEmailRecord | null; sender?: EmailSender };
  /** The school was notified inside the batch's transaction: stage 13 has nothing left to do. */
  notified?: boolean;
}

export interface PipelineDeps {
  ctx: CoreContext;
  /** inspect: no side effect at all (no write, no notification, no bounce marking). */
  dryRun: boolean;
}

export type Stage = (mail: MailContext, deps: PipelineDeps) => Promise<void> | void;

/** Header values (lower-cased name), first one or null. */
export function header(mail: MailContext, name: string): string | null {
  return mail.parsed?.headers.get(name)?.[0] ?? null;
}
