// Every public URL the emails and chat answers carry, built in one place from PUBLIC_URL, so the routes the
// channels serve (bot/, triage/) and the links the core sends can never drift apart.
import type { CoreContext } from "./context";

/** Paths of the public routes; the channels register these exact paths. */
export const PUBLIC_PATHS = {
  validateAccount: "/compte/valider",
  reportCardDownload: "/telechargements/",
  triageTicket: "/triage/tickets/",
  staffSetPassword: "/triage/set-password",
} as const;

export const publicUrls = {
  /** The email-validation link of account creation (token as `jeton`). */
  validateAccount: (ctx: CoreContext, token: string) =>
    `${ctx.config.publicUrl}${PUBLIC_PATHS.validateAccount}?jeton=${encodeURIComponent(token)}`,
  /** A report card's expiring download link. */
  reportCardDownload: (ctx: CoreContext, token: string) => `${ctx.config.publicUrl}${PUBLIC_PATHS.reportCardDownload}${token}`,
  /** A ticket in the triage console (the school's notification email). */
  triageTicket: (ctx: CoreContext, ticketId: string) =>
    `${ctx.config.publicUrl}${PUBLIC_PATHS.triageTicket}${encodeURIComponent(ticketId)}`,
  /** A new staff member's one-time set-password link (aide-portail staff add). */
  staffSetPassword: (ctx: CoreContext, token: string) =>
    `${ctx.config.publicUrl}${PUBLIC_PATHS.staffSetPassword}?code=${encodeURIComponent(token)}`,
};
