// The mail agent's use cases (mail-agent/ calls them through core/index.ts): what was already processed,
// sync state, quarantine, who wrote, which ticket a reply continues, « ingest this email » in one
// transaction, notifications after the commit, the one-agent-per-mailbox lock.
// Error codes: mail.quarantine_not_found.
export { emailContentHash, inboundDedupeKey } from "./content-hash";
export { signedMessageId, verifySignedMessageId } from "./signed-message-id";
export { getMailboxSyncState, saveMailboxSyncState, type MailboxSyncState } from "./mailbox-state";
export { findInboundEmail, findInboundEmails, countInboundEmails, type InboundEmailRecord } from "./find-inbound-email";
export {
  quarantineEmail,
  getQuarantinedEmail,
  recordQuarantineReplayFailure,
  countQuarantinedEmails,
  type QuarantineEmailOptions,
  type QuarantinedEmail,
  type MailIntakeAction,
} from "./quarantine";
export { identifyEmailSender, identifyEmailSenders, findGuardianByEmail, type EmailSender, type EmailSenderKind } from "./identify-sender";
export { extractEmailEntities, type EmailEntities } from "./email-entities";
export { findEmailThreadTicket, isOwnMessageId, type EmailThreadTicket } from "./email-thread";
export { markOutboxBounced } from "./mark-bounce";
export { acquireMailboxLock, type MailboxLock } from "./mailbox-lock";
export { ingestInboundEmail, type InboundIntake, type InboundDecision, type IngestedEmail, type ReplyDraft } from "./ingest-inbound-email";
export { notifyInboundEmail } from "./inbound-replies";
export { ingestInboundEmails, type InboundBatchItem } from "./ingest-inbound-emails";
export { previewTicketRoute } from "./preview-ticket-route";
export { MAX_REPLIES_PER_SENDER_PER_HOUR } from "./reply-cap";
