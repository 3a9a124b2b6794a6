// The parents' help form of seed 1 §4.1 (« Contacter l'école »): every box must be filled (« toutes les
// boîtes doivent être remplies »). Validated with zod, one error key per field; the school must exist.
// Creates a FORM ticket routed to that school and, in the same transaction, queues the acknowledgement to
// the parent and the notification to the school office (the form « est dirigé à l'adresse courriel
// principale de votre école »).
import { z } from "zod";
import type { CoreContext } from "../context";
import { AppError } from "../errors";
import { consumeRateLimit, emailKey } from "../accounts/rate-limit";
import { isLang, translator, type Lang } from "../i18n";
import { looksLikeEmail, normalizeEmail } from "../util/text";
import { createTicket, type CreatedTicket } from "./create-ticket";
import { findSchoolByCode } from "./routing";
import { enqueueSchoolNotification, enqueueTicketAcknowledgement } from "./ticket-emails";

export interface HelpFormInput {
  parentFamilyName: string;
  parentGivenName: string;
  email: string;
  dayPhone: string;
  childFamilyName: string;
  childGivenName: string;
  childGrade: string;
  schoolCode: string;
  description: string;
  lang: Lang;
}

export const HELP_FORM_FIELDS = [
  "parentFamilyName",
  "parentGivenName",
  "email",
  "dayPhone",
  "childFamilyName",
  "childGivenName",
  "childGrade",
  "schoolCode",
  "description",
] as const;
export type HelpFormField = (typeof HELP_FORM_FIELDS)[number];

export interface HelpFormFieldError {
  field: HelpFormField;
  /** templates key: tickets:form.error.required | email | phone | grade | school | tooLong */
  key: string;
}

export class HelpFormError extends AppError {
  constructor(readonly fields: HelpFormFieldError[]) {
    super("tickets.invalid_form", {
      params: { count: fields.length },
      log: `help form rejected: ${fields.map((f) => `${f.field}=${f.key.split(".").pop()}`).join(", ")}`,
    });
    this.name = "HelpFormError";
  }
}

const REQUIRED = "tickets:form.error.required";
const TOO_LONG = "tickets:form.error.tooLong";

/** « 5 », « 05 », « 5e », « Maternelle », « jardin », « JK » → "05", "JK"… or null. */
export function normalizeGrade(input: string): string | null {
  const g = input
    .trim()
    .toUpperCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/\s+/g, "");
  if (["JK", "M", "MAT", "MATERNELLE"].includes(g)) return "JK";
  if (["SK", "J", "JARDIN"].includes(g)) return "SK";
  const m = /^(\d{1,2})(?:E|RE|ERE|EME|ST|ND|RD|TH)?$/.exec(g);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 12 ? String(n).padStart(2, "0") : null;
}

const text = (max: number) => z.string({ error: REQUIRED }).trim().min(1, { error: REQUIRED }).max(max, { error: TOO_LONG });

const schema = z.object({
  parentFamilyName: text(100),
  parentGivenName: text(100),
  email: text(254).transform(normalizeEmail).refine(looksLikeEmail, { error: "tickets:form.error.email" }),
  dayPhone: text(40).refine((p) => p.replace(/\D/g, "").length >= 10 && /^[\d\s().+\-x#poste,ext]*$/i.test(p), {
    error: "tickets:form.error.phone",
  }),
  childFamilyName: text(100),
  childGivenName: text(100),
  childGrade: text(20).transform((g, c) => {
    const n = normalizeGrade(g);
    if (!n) c.addIssue({ code: "custom", message: "tickets:form.error.grade" });
    return n ?? g;
  }),
  schoolCode: text(40),
  description: text(10_000),
});

/**
 * The form is unauthenticated and sends two emails: without a limit it could be aimed at any address (the
 * acknowledgement) or used to flood a school office (the notification). Per sender address and per school.
 */
export const HELP_FORM_LIMITS = {
  perAddress: { max: 5, windowMs: 3600_000 },
  perSchool: { max: 60, windowMs: 3600_000 },
} as const;

async function limitHelpForm(ctx: CoreContext, email: string, schoolCode: string): Promise<void> {
  const byAddress = await consumeRateLimit(ctx, emailKey(ctx, "helpform-address", email), HELP_FORM_LIMITS.perAddress);
  const bySchool = byAddress.allowed ? await consumeRateLimit(ctx, `helpform-school:${schoolCode}`, HELP_FORM_LIMITS.perSchool) : byAddress;
  if (!byAddress.allowed || !bySchool.allowed) {
    const retry = byAddress.allowed ? bySchool.retryAt : byAddress.retryAt;
    const minutes = Math.max(1, Math.ceil((retry.getTime() - ctx.now().getTime()) / 60_000));
    ctx.log.child({ component: "tickets" }).warn({ limit: byAddress.allowed ? "school" : "address" }, "help form rate-limited");
    throw new AppError("tickets.rate_limited", { params: { minutes }, log: "help form rate limit reached" });
  }
}

export interface SubmittedHelpForm extends CreatedTicket {
  acknowledgementId: string | null;
  notificationId: string;
}

export async function submitHelpForm(ctx: CoreContext, input: HelpFormInput): Promise<SubmittedHelpForm> {
  const lang: Lang = isLang(input?.lang) ? input.lang : "fr";
  const parsed = schema.safeParse(input ?? {});
  const errors: HelpFormFieldError[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as HelpFormField;
      if (HELP_FORM_FIELDS.includes(field) && !errors.some((e) => e.field === field)) {
        errors.push({ field, key: issue.message.startsWith("tickets:") ? issue.message : REQUIRED });
      }
    }
  }
  const school =
    parsed.success || !errors.some((e) => e.field === "schoolCode") ? await findSchoolByCode(ctx.prisma, input?.schoolCode) : null;
  if (!school && !errors.some((e) => e.field === "schoolCode")) errors.push({ field: "schoolCode", key: "tickets:form.error.school" });
  if (errors.length > 0 || !parsed.success) {
    errors.sort((a, b) => HELP_FORM_FIELDS.indexOf(a.field) - HELP_FORM_FIELDS.indexOf(b.field));
    throw new HelpFormError(errors);
  }
  const f = parsed.data;
  await limitHelpForm(ctx, f.email, school!.code);
  const childName = `${f.childGivenName} ${f.childFamilyName}`;
  const result = await ctx.prisma.$transaction(async (tx) => {
    const ticket = await createTicket(
      ctx,
      {
        channel: "FORM",
        lang,
        subject: translator(lang)("tickets:form.subject", { childName, schoolName: school!.name }),
        body: f.description,
        schoolCode: school!.code,
        requester: { name: `${f.parentGivenName} ${f.parentFamilyName}`, email: f.email, phone: f.dayPhone },
        child: { givenName: f.childGivenName, familyName: f.childFamilyName, grade: f.childGrade },
      },
      tx,
    );
    const ack = await enqueueTicketAcknowledgement(ctx, { ticketId: ticket.id }, tx);
    const notify = await enqueueSchoolNotification(ctx, { ticketId: ticket.id }, tx);
    return { ...ticket, acknowledgementId: ack?.id ?? null, notificationId: notify.id };
  });
  ctx.log.info({ component: "tickets", ticketId: result.id, number: result.number, queue: result.queue }, "help form ticket created");
  return result;
}
