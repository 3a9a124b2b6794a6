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

/**
 * identifyEmailSender for a batch of senders: three queries whatever their number (staff, accounts,
 * guardians), the same answer as one call per address.
 */
export async function identifyEmailSenders(ctx: CoreContext, opts: { emails: string[] }): Promise<Map<string, EmailSender>> {
  const emails = [...new Set(opts.emails.map((e) => normalizeEmail(e ?? "")).filter(Boolean))];
  const out = new Map<string, EmailSender>();
  if (!emails.length) return out;
  const base = (email: string): EmailSender => ({
    kind: "unknown",
    email,
    accountId: null,
    guardianId: null,
    name: null,
    lang: null,
    staff: null,
  });
  const [staff, accounts, guardians] = await Promise.all([
    ctx.prisma.staff.findMany({
      where: { email: { in: emails }, active: true },
      select: { id: true, email: true, role: true, name: true, school: { select: { code: true } } },
      orderBy: { createdAt: "asc" },
    }),
    ctx.prisma.account.findMany({
      where: { email: { in: emails } },
      select: {
        id: true,
        email: true,
        status: true,
        lang: true,
        guardianId: true,
        guardian: { select: { givenName: true, familyName: true } },
      },
    }),
    ctx.prisma.guardian.findMany({
      where: { email: { in: emails } },
      select: { id: true, email: true, givenName: true, familyName: true, preferredLang: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  for (const email of emails) {
    const s = staff.find((x) => x.email === email);
    if (s) {
      out.set(email, {
        ...base(email),
        kind: "staff",
        name: s.name,
        staff: { id: s.id, role: s.role, schoolCode: s.school?.code ?? null },
      });
      continue;
    }
    const a = accounts.find((x) => x.email === email);
    if (a && a.status !== "DISABLED") {
      out.set(email, {
        ...base(email),
        kind: "account",
        accountId: a.status === "ACTIVE" ? a.id : null,
        guardianId: a.guardianId,
        name: a.guardian ? `${a.guardian.givenName} ${a.guardian.familyName}` : null,
        lang: a.lang,
      });
      continue;
    }
    const g = guardians.find((x) => x.email === email);
    out.set(
      email,
      g
        ? { ...base(email), kind: "guardian", guardianId: g.id, name: `${g.givenName} ${g.familyName}`, lang: g.preferredLang }
        : base(email),
    );
  }
  return out;
}
