// Who wrote an inbound email: a parent with an account, a guardian the SIS knows without an account, a
// staff member (a school secretary, a help-desk agent: never taken for a parent), or someone unknown.
// Returns a projection: ids and what routing needs, never a child's record.
import type { CoreContext } from "../context";
import { normalizeEmail } from "../util/text";

export type EmailSenderKind = "account" | "guardian" | "staff" | "unknown";

export interface EmailSender {
  kind: EmailSenderKind;
  email: string;
  accountId: string | null;
  guardianId: string | null;
  name: string | null;
  /** The language on file (account, then guardian); the email's own language still decides the reply. */
  lang: string | null;
  staff: { id: string; role: string; schoolCode: string | null } | null;
}

export async function identifyEmailSender(ctx: CoreContext, opts: { email: string }): Promise<EmailSender> {
  const email = normalizeEmail(opts.email ?? "");
  const base: EmailSender = { kind: "unknown", email, accountId: null, guardianId: null, name: null, lang: null, staff: null };
  if (!email) return base;
  const staff = await ctx.prisma.staff.findFirst({
    where: { email, active: true },
    select: { id: true, role: true, name: true, school: { select: { code: true } } },
  });
  if (staff)
    return { ...base, kind: "staff", name: staff.name, staff: { id: staff.id, role: staff.role, schoolCode: staff.school?.code ?? null } };
  const account = await ctx.prisma.account.findUnique({
    where: { email },
    select: { id: true, status: true, lang: true, guardianId: true, guardian: { select: { givenName: true, familyName: true } } },
  });
  if (account && account.status !== "DISABLED") {
    const name = account.guardian ? `${account.guardian.givenName} ${account.guardian.familyName}` : null;
    return {
      ...base,
      kind: "account",
      accountId: account.status === "ACTIVE" ? account.id : null,
      guardianId: account.guardianId,
      name,
      lang: account.lang,
    };
  }
  const guardian = await ctx.prisma.guardian.findFirst({
    where: { email },
    select: { id: true, givenName: true, familyName: true, preferredLang: true },
    orderBy: { createdAt: "asc" },
  });
  if (guardian)
    return {
      ...base,
      kind: "guardian",
      guardianId: guardian.id,
      name: `${guardian.givenName} ${guardian.familyName}`,
      lang: guardian.preferredLang,
    };
  return base;
}

/** A known guardian whose address a secretary quotes in her email (« pour le parent marie@… »). */
export async function findGuardianByEmail(ctx: CoreContext, opts: { emails: string[] }): Promise<EmailSender | null> {
  for (const e of opts.emails.slice(0, 10)) {
    const sender = await identifyEmailSender(ctx, { email: e });
    if (sender.kind === "account" || sender.kind === "guardian") return sender;
  }
  return null;
}
