// The new-family path (seed 2, steps 4–7): a family the SIS does not know yet types its details and login
// information; the account waits PENDING_SCHOOL, a « Valider votre compte » link confirms the email, and the
// school approves later (review-new-family-account.ts).
import type { CoreContext } from "../context";
import type { Prisma } from "../db/generated/client";
import type { Lang } from "../i18n";
import { recordAudit } from "../audit";
import { prismaCode } from "../errors";
import { enqueueEmail } from "../outbox/enqueue-email";
import { foldText, looksLikeEmail, normalizeEmail, stripControls } from "../util/text";
import { accountError } from "./account-error";
import { maskEmail } from "./account-summary";
import { assertPasswordPolicy, assertSecretQuestion, hashPassword, hashSecretAnswer } from "./secrets";
import { findContactGuardians } from "./validate-account-email";
import { issueValidationToken } from "./validation-token";

export interface RequestNewFamilyAccountOptions extends NewFamilyProfile {
  email: string;
  password: string;
  /** An id from listSecretQuestions(). */
  secretQuestionId: string;
  secretAnswer: string;
  /** The school the family is joining, when known: its staff validates the request. */
  schoolCode?: string;
  lang: Lang;
}

/** What the family typed, kept on the account until the school validates. */
export interface NewFamilyProfile {
  givenName: string;
  familyName: string;
  streetAddress: string;
  city: string;
  province: string;
  postalCode: string;
  phone: string;
}

const PROVINCES: Record<string, string[]> = {
  ON: ["ontario"],
  QC: ["quebec"],
  NB: ["nouveau brunswick", "new brunswick"],
  NS: ["nouvelle ecosse", "nova scotia"],
  PE: ["ile du prince edouard", "prince edward island"],
  NL: ["terre neuve et labrador", "newfoundland and labrador"],
  MB: ["manitoba"],
  SK: ["saskatchewan"],
  AB: ["alberta"],
  BC: ["colombie britannique", "british columbia"],
  YT: ["yukon"],
  NT: ["territoires du nord ouest", "northwest territories"],
  NU: ["nunavut"],
};

function provinceCode(input: string): string | null {
  const f = foldText(input).replace(/[-'.]/g, " ").replace(/\s+/g, " ").trim();
  for (const [code, names] of Object.entries(PROVINCES)) if (f === code.toLowerCase() || names.includes(f)) return code;
  return null;
}

function postalCode(input: string): string | null {
  const p = input.toUpperCase().replace(/[\s-]+/g, "");
  return /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\d[ABCEGHJ-NPRSTV-Z]\d$/.test(p) ? `${p.slice(0, 3)} ${p.slice(3)}` : null;
}

function phone(input: string): string | null {
  let d = input.replace(/\D+/g, "");
  if (d.length === 11 && d.startsWith("1")) d = d.slice(1);
  return d.length === 10 ? `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}` : null;
}

/** What the form's boxes hold at most (the policy checks password, question and answer). */
const MAX_LENGTHS = {
  givenName: 100,
  familyName: 100,
  streetAddress: 200,
  city: 100,
  province: 50,
  postalCode: 20,
  phone: 40,
  email: 254,
} as const;

function profileOf(opts: RequestNewFamilyAccountOptions): NewFamilyProfile {
  const required = [
    "givenName",
    "familyName",
    "streetAddress",
    "city",
    "province",
    "postalCode",
    "phone",
    "email",
    "password",
    "secretQuestionId",
    "secretAnswer",
  ] as const;
  for (const field of required) {
    if (typeof opts[field] !== "string" || !opts[field].trim()) throw accountError("new_family_field_missing", { params: { field } });
  }
  for (const [field, max] of Object.entries(MAX_LENGTHS)) {
    if ((opts[field as keyof typeof MAX_LENGTHS] as string).length > max)
      throw accountError("new_family_field_too_long", { params: { field, max } });
  }
  const province = provinceCode(opts.province);
  if (!province) throw accountError("province_invalid");
  const pc = postalCode(opts.postalCode);
  if (!pc) throw accountError("postal_code_invalid");
  const tel = phone(opts.phone);
  if (!tel) throw accountError("phone_invalid");
  const clean = (s: string) => stripControls(s).replace(/\s+/g, " ").trim();
  return {
    givenName: clean(opts.givenName),
    familyName: clean(opts.familyName),
    streetAddress: clean(opts.streetAddress),
    city: clean(opts.city),
    province,
    postalCode: pc,
    phone: tel,
  };
}

/**
 * Errors: `new_family_field_missing` ({{field}} in params), `new_family_field_too_long` ({{field}}, {{max}}), `province_invalid`, `postal_code_invalid`,
 * `phone_invalid`, `invalid_email`, the password policy's, `secret_question_invalid`, `secret_answer_too_short`,
 * `school_unknown`, `account_already_active`, `account_already_pending`, `account_disabled`,
 * `email_known_use_standard_creation` (the email is already on a child's record: use the normal path).
 */
export async function requestNewFamilyAccount(
  ctx: CoreContext,
  opts: RequestNewFamilyAccountOptions,
): Promise<{ accountId: string; emailedTo: string }> {
  const profile = profileOf(opts);
  const email = normalizeEmail(opts.email);
  if (!looksLikeEmail(email)) throw accountError("invalid_email");
  assertPasswordPolicy(opts.password);
  const { questionId } = assertSecretQuestion(opts.secretQuestionId, opts.secretAnswer);

  let schoolId: string | null = null;
  if (opts.schoolCode?.trim()) {
    const school = await ctx.prisma.school.findFirst({
      where: { code: { equals: opts.schoolCode.trim(), mode: "insensitive" }, active: true },
      select: { id: true },
    });
    if (!school) throw accountError("school_unknown");
    schoolId = school.id;
  }
  const existing = await ctx.prisma.account.findUnique({ where: { email }, select: { status: true } });
  if (existing?.status === "ACTIVE") throw accountError("account_already_active");
  if (existing?.status === "PENDING_SCHOOL") throw accountError("account_already_pending");
  if (existing?.status === "DISABLED") throw accountError("account_disabled");
  if (existing || (await findContactGuardians(ctx, email)).length > 0) throw accountError("email_known_use_standard_creation");

  const [passwordHash, secretAnswerHash] = await Promise.all([hashPassword(opts.password), hashSecretAnswer(opts.secretAnswer)]);
  try {
    const accountId = await ctx.prisma.$transaction(async (tx) => {
      const account = await tx.account.create({
        data: {
          email,
          status: "PENDING_SCHOOL",
          passwordHash,
          secretQuestionId: questionId,
          secretAnswerHash,
          lang: opts.lang,
          pendingProfile: profile as unknown as Prisma.InputJsonValue,
          pendingSchoolId: schoolId,
          createdAt: ctx.now(),
        },
        select: { id: true },
      });
      const token = await issueValidationToken(ctx, tx, account.id);
      await enqueueEmail(
        ctx,
        {
          template: "accounts:email.newFamilyReceived",
          lang: opts.lang,
          to: email,
          params: { givenName: profile.givenName, link: token.link, hours: token.hours },
        },
        tx,
      );
      await recordAudit(tx, {
        at: ctx.now(),
        actorType: "anonymous",
        action: "account.new_family_requested",
        entityType: "account",
        entityId: account.id,
        data: { schoolId },
      });
      return account.id;
    });
    ctx.log.info({ component: "accounts", accountId, schoolId }, "new-family account requested");
    return { accountId, emailedTo: maskEmail(email) };
  } catch (err) {
    if (prismaCode(err) === "P2002")
      throw accountError("account_already_pending", { log: "concurrent new-family request for the same email" });
    throw err;
  }
}
