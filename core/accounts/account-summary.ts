// Read helpers of the accounts: shared `select` projections, the summary DTO (never a hash), the lookup by
// email used inside the module, and small formatting helpers (masked email, lock minutes, language).
import type { CoreContext } from "../context";
import type { Prisma } from "../db/generated/client";
import type { AccountStatus } from "../db/generated/enums";
import { isLang, type Lang } from "../i18n";
import { normalizeEmail } from "../util/text";
import { accountError } from "./account-error";

export const ACCOUNT_SUMMARY_SELECT = {
  id: true,
  email: true,
  status: true,
  lang: true,
  mustChangePassword: true,
  guardian: { select: { givenName: true, familyName: true } },
} satisfies Prisma.AccountSelect;

/** What the services need to decide, hashes included: stays inside core/accounts. */
export const ACCOUNT_AUTH_SELECT = {
  id: true,
  email: true,
  status: true,
  lang: true,
  guardianId: true,
  passwordHash: true,
  mustChangePassword: true,
  temporaryPasswordExpiresAt: true,
  secretQuestionId: true,
  secretAnswerHash: true,
  failedSecretAttempts: true,
  secretLockedUntil: true,
  failedLoginAttempts: true,
  loginLockedUntil: true,
  emailValidatedAt: true,
} satisfies Prisma.AccountSelect;

export type AccountAuth = Prisma.AccountGetPayload<{ select: typeof ACCOUNT_AUTH_SELECT }>;

export interface AccountSummary {
  id: string;
  email: string;
  status: AccountStatus;
  lang: Lang;
  mustChangePassword: boolean;
  guardian: { givenName: string; familyName: string } | null;
}

export function asLang(v: string | null | undefined): Lang {
  return isLang(v) ? v : "fr";
}

export async function getAccountSummary(ctx: CoreContext, opts: { accountId: string }): Promise<AccountSummary> {
  const row = await ctx.prisma.account.findUnique({ where: { id: opts.accountId }, select: ACCOUNT_SUMMARY_SELECT });
  if (!row) throw accountError("account_not_found", { log: `no account ${opts.accountId}` });
  return { ...row, lang: asLang(row.lang) };
}

/** Internal lookup by login id (the normalised email). */
export async function findAccountByEmail(ctx: CoreContext, opts: { email: string }): Promise<AccountAuth | null> {
  return ctx.prisma.account.findUnique({ where: { email: normalizeEmail(opts.email) }, select: ACCOUNT_AUTH_SELECT });
}

/** « m•••••@gmail.com »: the first character and the domain; a fixed number of dots hides the length. */
export function maskEmail(email: string): string {
  const [local, domain] = normalizeEmail(email).split("@");
  if (!domain) return "•••••";
  return `${local.slice(0, 1)}•••••@${domain}`;
}

/** Whole minutes left until `until` (at least 1), for « réessayez dans {{minutes}} minutes ». */
export function minutesUntil(ctx: CoreContext, until: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - ctx.now().getTime()) / 60_000));
}
