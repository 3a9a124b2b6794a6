// Tickets: what parents open from chat, Teams, email or the help form, routed to a school's queue or to
// the central help desk (routing.ts), and what staff do with them. Every change leaves an audit event.
// Error codes: see core/error-codes.ts (tickets.invalid_form carries HelpFormError.fields: one key per field).
export { createTicket, MAX_SUBJECT_LENGTH, type CreateTicketOptions, type CreatedTicket } from "./create-ticket";
export { routeTicket, findSchoolByCode, CENTRAL_ONLY_INTENTS, type Route, type RoutingInput, type RoutingReason } from "./routing";
export { formatTicketReference, parseTicketReference, TICKET_REFERENCE_PREFIX } from "./ticket-reference";
export {
  submitHelpForm, normalizeGrade, HelpFormError, HELP_FORM_FIELDS,
  type HelpFormInput, type HelpFormField, type HelpFormFieldError, type SubmittedHelpForm,
} from "./submit-help-form";
export { addTicketMessage, type AddTicketMessageOptions, type AddedTicketMessage } from "./add-ticket-message";
export { changeTicketStatus, type ChangeTicketStatusOptions } from "./change-ticket-status";
export { rerouteTicket, type RerouteTicketOptions } from "./reroute-ticket";
export {
  getTicket, listTickets, findTicketByReference,
  type TicketSummary, type TicketDetails, type TicketMessageView, type ListTicketsOptions,
} from "./get-ticket";
export { resolveViewer, type TicketViewer } from "./visibility";
export { TICKET_TRANSITIONS, canTransition } from "./ticket-status";
export { capBody, MAX_BODY_BYTES } from "./message-body";
