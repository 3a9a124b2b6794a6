// The outbox: every outgoing email is composed from templates, stored, then delivered by the edge.
export { enqueueEmail, newMessageId, type EnqueueEmailOptions, type EnqueuedEmail } from "./enqueue-email";
export { renderEmail, escapeHtml, type RenderedEmail } from "./render-email";
export {
  claimDueEmails,
  releaseOrphanedClaims,
  markEmailSent,
  markEmailFailed,
  SECRET_BEARING_TEMPLATES,
  WIPED_BODY,
  outboxStats,
  outboxHealth,
  type OutboxHealth,
  retryDelayMs,
  MAX_ATTEMPTS,
  LEASE_MS,
  type ClaimedEmail,
} from "./outbox-queue";
