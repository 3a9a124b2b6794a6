// Step 2 of account creation (seed 1 §1.2, « Information du parent »): last name, first name, the youngest
// child's birth date and school, and the home civic number must match the records. Then the account is
// created PENDING_VALIDATION and an email with a validation link is queued.
import type { CoreContext } from "../context";
import type { Lang } from "../i18n";
import { recordAudit } from "../audit";
import { prismaCode } from "../errors";
import { enqueueEmail } from "../outbox/enqueue-email";
import { foldText } from "../util/text";
import { ACCOUNT_POLICY } from "./account-policy";
import { accountError } from "./account-error";
import { maskEmail, minutesUntil } from "./account-summary";
import { clearRateLimit, emailKey, latestLock, recordFailure } from "./rate-limit";
import { findContactGuardians, validateAccountEmail, type ContactGuardian } from "./validate-account-email";
import { issueValidationToken } from "./validation-token";

export interface RequestAccountCreationOptions {
  email: string;
  familyName: string;
  givenName: string;
  /** "YYYY-MM-DD" (or a Date, read in UTC). */
  youngestChildBirthDate: string | Date;
  /** The school's code (e.g. EEP-GABRIELLE-ROY); its name or a former name is accepted too. */
  youngestChildSchoolCode: string;
  civicNumber: string;
  lang: Lang;
}

export interface AccountCreationRequested {
  accountId: string;
  emailedTo: string;
}

const digits = (s: string | null | undefined) => (s ?? "").replace(/\D+/g, "");
const folded = (s: string | null | undefined) =>
  foldText(s ?? "")
    .replace(/[-'’.]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

function isoDay(d: string | Date): string {
  if (d instanceof Date) return Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, 10);
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(d);
  return m ? `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}` : "";
}

function schoolMatches(school: { code: string; name: string; formerNames: string[] } | null, given: string): boolean {
  if (!school) return false;
  const g = folded(given);
  return [school.code, school.name, ...school.formerNames].some((n) => folded(n) === g);
}

/**
 * The youngest linked active child, as the portal asks (« votre enfant le plus jeune »). Twins share the
 * youngest birth date: either one's school is accepted.
 */
function matches(guardian: ContactGuardian, opts: RequestAccountCreationOptions): boolean {
  if (folded(guardian.familyName) !== folded(opts.familyName) || folded(guardian.givenName) !== folded(opts.givenName)) return false;
  const civic = digits(guardian.civicNumber);
  if (!civic || civic !== digits(opts.civicNumber)) return false;
  const children = guardian.students.map((l) => l.student).filter((s) => s.birthDate);
  if (children.length === 0) return false;
  const youngest = Math.max(...children.map((s) => s.birthDate!.getTime()));
  const youngestChildren = children.filter((s) => s.birthDate!.getTime() === youngest);
  if (new Date(youngest).toISOString().slice(0, 10) !== isoDay(opts.youngestChildBirthDate)) return false;
  return youngestChildren.some((s) => schoolMatches(s.school, opts.youngestChildSchoolCode));
}

/**
 * Errors: those of validateAccountEmail, then `accounts.creation_info_mismatch` (one message whatever the field,
 * so the records are not leaked; seed 1 FAQ 2 says to contact the school) and, after 5 mismatches in an hour,
 * `accounts.creation_locked` for 30 minutes; after 10 in a day, for 24 hours.
 */
export async function requestAccountCreation(ctx: CoreContext, opts: RequestAccountCreationOptions): Promise<AccountCreationRequested> {
  const { email } = await validateAccountEmail(ctx, { email: opts.email });
  const failKey = emailKey(ctx, "signup-fail", email);
  const dayKey = emailKey(ctx, "signup-fail-day", email);
  const until = await latestLock(ctx, [failKey, dayKey]);
  if (until) throw accountError("creation_locked", { params: { minutes: minutesUntil(ctx, until) }, log: "account request while locked" });

  const guardians = await findContactGuardians(ctx, email);
  const guardian = guardians.find((g) => matches(g, opts));
  if (!guardian) {
    const daily = await recordFailure(ctx, dayKey, ACCOUNT_POLICY.creationDaily);
    const short = await recordFailure(ctx, failKey, ACCOUNT_POLICY.creation);
    const failure = daily.locked ? daily : { ...short, remaining: Math.min(short.remaining, daily.remaining) };
    await recordAudit(ctx.prisma, {
      at: ctx.now(),
      actorType: "anonymous",
      action: failure.locked ? "account.creation_locked" : "account.creation_mismatch",
      entityType: "guardian",
      entityId: guardians[0]?.id ?? null,
      data: { attemptsLeft: failure.remaining },
    });
    ctx.log.info(
      { component: "accounts", guardianId: guardians[0]?.id, locked: failure.locked },
      "account request does not match the records",
    );
    if (failure.locked) throw accountError("creation_locked", { params: { minutes: minutesUntil(ctx, failure.lockedUntil!) } });
    throw accountError("creation_info_mismatch", { params: { attemptsLeft: failure.remaining } });
  }

  let accountId: string;
  try {
    accountId = await ctx.prisma.$transaction(async (tx) => {
      const account = await tx.account.upsert({
        where: { email },
        create: { email, guardianId: guardian.id, status: "PENDING_VALIDATION", lang: opts.lang, createdAt: ctx.now() },
        update: { guardianId: guardian.id, lang: opts.lang },
        select: { id: true, status: true },
      });
      if (account.status !== "PENDING_VALIDATION")
        throw accountError("account_already_active", { log: "account changed status meanwhile" });
      const token = await issueValidationToken(ctx, tx, account.id);
      await enqueueEmail(
        ctx,
        {
          template: "accounts:email.validation",
          lang: opts.lang,
          to: email,
          params: { givenName: guardian.givenName, link: token.link, hours: token.hours },
        },
        tx,
      );
      await recordAudit(tx, {
        at: ctx.now(),
        actorType: "anonymous",
        action: "account.creation_requested",
        entityType: "account",
        entityId: account.id,
        data: { guardianId: guardian.id },
      });
      return account.id;
    });
  } catch (err) {
    // The guardian already has an account under another email: one account per parent (seed 1 FAQ 4).
    if (prismaCode(err) === "P2002")
      throw accountError("account_already_active", { log: `guardian ${guardian.id} already has an account` });
    throw err;
  }
  await Promise.all([clearRateLimit(ctx, failKey), clearRateLimit(ctx, dayKey)]);
  ctx.log.info({ component: "accounts", accountId }, "account requested, validation email queued");
  return { accountId, emailedTo: maskEmail(email) };
}
