// Credits earned and progress towards the diploma (the « Relevé de notes » tab; secondary students only).
// Requirements come from DiplomaRequirement (OSSD by default: 30 credits, 18 compulsory, 40 hours of
// community involvement, the literacy requirement); what is missing is listed so the bot can say it plainly.
import type { CoreContext } from "../context";
import type { LiteracyStatus } from "../db/generated/enums";
import { AppError } from "../errors";
import { requireChild } from "./access";

export const DEFAULT_OSSD = {
  code: "OSSD",
  title: "OSSD",
  totalCredits: 30,
  compulsoryCredits: 18,
  communityHours: 40,
  literacyRequired: true,
};

const LITERACY_MET: LiteracyStatus[] = ["PASSED", "OSSLC_PASSED"];

export interface EarnedCredit {
  courseCode: string;
  courseTitle: string;
  value: number;
  mark: number | null;
  schoolYear: string;
  compulsoryCategory: string | null;
}

export type MissingRequirement =
  | { kind: "credits"; remaining: number }
  | { kind: "compulsory"; remaining: number }
  | { kind: "community_hours"; remaining: number }
  | { kind: "literacy"; status: LiteracyStatus };

export interface CreditsReport {
  childId: string;
  diploma: { code: string; title: string };
  credits: EarnedCredit[];
  totals: {
    earned: number;
    required: number;
    compulsoryEarned: number;
    compulsoryRequired: number;
    communityHours: number;
    communityHoursRequired: number;
    literacyStatus: LiteracyStatus;
    literacyMet: boolean;
    literacyRequired: boolean;
  };
  missing: MissingRequirement[];
  complete: boolean;
}

const creditSelect = {
  courseCode: true,
  courseTitle: true,
  value: true,
  mark: true,
  schoolYear: true,
  compulsoryCategory: true,
} as const;

/** Credit values are halves: sum in tenths so 0.5 + 0.5 + … never drifts. */
const round = (n: number) => Math.round(n * 10) / 10;

export async function getCredits(ctx: CoreContext, opts: { accountId: string; childId: string }): Promise<CreditsReport> {
  const child = await requireChild(ctx, opts.accountId, opts.childId);
  if (child.level !== "SECONDARY") {
    throw new AppError("records.not_secondary", { log: "credits asked for an elementary student" });
  }
  const [credits, progress] = await Promise.all([
    ctx.prisma.credit.findMany({
      where: { studentId: child.id },
      select: creditSelect,
      orderBy: [{ schoolYear: "asc" }, { courseCode: "asc" }],
    }),
    ctx.prisma.diplomaProgress.findUnique({
      where: { studentId: child.id },
      select: { diplomaCode: true, communityHours: true, literacyStatus: true },
    }),
  ]);
  const code = progress?.diplomaCode ?? DEFAULT_OSSD.code;
  const req = (await ctx.prisma.diplomaRequirement.findUnique({ where: { code } })) ?? DEFAULT_OSSD;

  const earned = round(credits.reduce((s, c) => s + c.value, 0));
  const compulsoryEarned = round(credits.filter((c) => c.compulsoryCategory).reduce((s, c) => s + c.value, 0));
  const communityHours = progress?.communityHours ?? 0;
  const literacyStatus: LiteracyStatus = progress?.literacyStatus ?? "NOT_ATTEMPTED";
  const literacyMet = LITERACY_MET.includes(literacyStatus);

  const missing: MissingRequirement[] = [];
  if (earned < req.totalCredits) missing.push({ kind: "credits", remaining: round(req.totalCredits - earned) });
  if (compulsoryEarned < req.compulsoryCredits)
    missing.push({ kind: "compulsory", remaining: round(req.compulsoryCredits - compulsoryEarned) });
  if (communityHours < req.communityHours) missing.push({ kind: "community_hours", remaining: req.communityHours - communityHours });
  if (req.literacyRequired && !literacyMet) missing.push({ kind: "literacy", status: literacyStatus });

  return {
    childId: child.id,
    diploma: { code: req.code, title: req.title },
    credits,
    totals: {
      earned,
      required: req.totalCredits,
      compulsoryEarned,
      compulsoryRequired: req.compulsoryCredits,
      communityHours,
      communityHoursRequired: req.communityHours,
      literacyStatus,
      literacyMet,
      literacyRequired: req.literacyRequired,
    },
    missing,
    complete: missing.length === 0,
  };
}
