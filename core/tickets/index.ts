// Tickets: what parents open from chat, Teams, email or the help form, routed to a school's queue or to
// the central help desk (routing.ts), and what staff do with them. Every change leaves an audit event.
// Error codes: see core/error-codes.ts (tickets.invalid_form carries HelpFormError.fields: one key per field).
export { createTicket, MAX_SUBJECT_LENGTH, type CreateTicketOptions, type CreatedTicket } from "./create-ticket";
export { routeTicket, findSchoolByCode, CENTRAL_ONLY_INTENTS, type Route, type RoutingInput, type RoutingReason } from "./routing";
export { formatTicketReference, parseTicketReference, TICKET_REFERENCE_PREFIX } from "./ticket-reference";
export {
  submitHelpForm,
  normalizeGrade,
  HELP_FORM_LIMITS,
  HelpFormError,
  HELP_FORM_FIELDS,
  type HelpFormInput,
  type HelpFormField,
  type HelpFormFieldError,
  type SubmittedHelpForm,
} from "./submit-help-form";
export { addTicketMessage, type AddTicketMessageOptions, type AddedTicketMessage } from "./add-ticket-message";
export { changeTicketStatus, type ChangeTicketStatusOptions } from "./change-ticket-status";
export { rerouteTicket, type RerouteTicketOptions } from "./reroute-ticket";
export {
  getTicket,
  listTickets,
  findTicketByReference,
  type TicketSummary,
  type TicketDetails,
  type TicketMessageView,
  type ListTicketsOptions,
} from "./get-ticket";
export { resolveViewer, type TicketViewer } from "./visibility";
export { TICKET_TRANSITIONS, canTransition } from "./ticket-status";
export { capBody, MAX_BODY_BYTES } from "./message-body";
export { changeStatusIn } from "./change-ticket-status";
export { replyToTicket, type ReplyToTicketOptions, type TicketReply } from "./reply-to-ticket";
export { assignTicket, type AssignTicketOptions } from "./assign-ticket";
export { mergeTickets, type MergeTicketsOptions } from "./merge-tickets";
export {
  addTicketAttachment,
  getTicketAttachment,
  safeFileName,
  MAX_ATTACHMENT_BYTES,
  type AddTicketAttachmentOptions,
} from "./ticket-attachments";
export { listPendingConversationNotices, markConversationNotice, type PendingConversationNotice } from "./conversation-notices";
export {
  listTicketQueue,
  AGEING_AFTER_MS,
  TICKET_STATUSES,
  TICKET_CHANNELS,
  type ListTicketQueueOptions,
  type TicketQueueFilters,
  type QueueTicket,
  type TicketQueuePage,
} from "./list-ticket-queue";
export { getTicketWorkspace, cannedAnswers, type TicketWorkspace } from "./get-ticket-workspace";
export { refreshTicketSearch, searchQuery } from "./ticket-search";
export {
  enqueueParentReplyNotification,
  enqueueStaffReplyEmail,
  enqueueSchoolNotification,
  enqueueTicketAcknowledgement,
} from "./ticket-emails";
