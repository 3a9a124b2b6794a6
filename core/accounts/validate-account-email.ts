// Step 1 of account creation (seed 1 §1.2, « Valider le courriel »): the email must be one that a child's
// school record lists for this parent, i.e. the email of a guardian linked to at least one active student.
import type { CoreContext } from "../context";
import { looksLikeEmail, normalizeEmail } from "../util/text";
import { accountError } from "./account-error";

export interface ValidateAccountEmailOptions {
  email: string;
}

export interface ValidatedAccountEmail {
  /** The normalised email, the future login id. */
  email: string;
}

/** Guardians listed with this email on an active child's record (the « contacts » of the seed's message). */
export async function findContactGuardians(ctx: CoreContext, email: string) {
  return ctx.prisma.guardian.findMany({
    where: {
      email: { equals: email, mode: "insensitive" },
      students: { some: { student: { active: true } } },
    },
    select: {
      id: true,
      givenName: true,
      familyName: true,
      civicNumber: true,
      preferredLang: true,
      students: {
        where: { student: { active: true } },
        select: {
          student: {
            select: { birthDate: true, school: { select: { code: true, name: true, formerNames: true } } },
          },
        },
      },
    },
    orderBy: { createdAt: "asc" },
  });
}

export type ContactGuardian = Awaited<ReturnType<typeof findContactGuardians>>[number];

/**
 * Throws `accounts.invalid_email`, `accounts.email_not_in_contacts` (the seed's « l'adresse courriel entrée
 * n'existe pas dans nos contacts »), `accounts.account_already_active` (suggest the reset instead),
 * `accounts.account_already_pending` (a new-family request waits for the school) or `accounts.account_disabled`.
 * A pending validation may be asked again: the new request replaces the old link.
 */
export async function validateAccountEmail(ctx: CoreContext, opts: ValidateAccountEmailOptions): Promise<ValidatedAccountEmail> {
  const email = normalizeEmail(opts.email);
  if (!looksLikeEmail(email)) throw accountError("invalid_email");
  const existing = await ctx.prisma.account.findUnique({ where: { email }, select: { id: true, status: true } });
  if (existing?.status === "ACTIVE") throw accountError("account_already_active", { log: `account ${existing.id} already active` });
  if (existing?.status === "PENDING_SCHOOL")
    throw accountError("account_already_pending", { log: `account ${existing.id} waits for its school` });
  if (existing?.status === "DISABLED") throw accountError("account_disabled", { log: `account ${existing.id} disabled` });
  const guardians = await findContactGuardians(ctx, email);
  if (guardians.length === 0) throw accountError("email_not_in_contacts");
  return { email };
}
