// Report cards (bulletins, the « Documents » tab): the list, and a short-lived download link.
// The link carries a random token; only its SHA-256 is stored (OneTimeCode, purpose DOWNLOAD, subject =
// report card id), so a database read never yields a working link. The link works a few times within
// 15 minutes — not once only, because chat clients (Teams) fetch a link to preview it before the parent
// clicks — and each use re-checks that the account may still see the child.
import crypto from "node:crypto";
import path from "node:path";
import type { CoreContext } from "../context";
import { recordAudit } from "../audit";
import { AppError } from "../errors";
import { requireChild, visibleStudentsWhere } from "./access";
import { dayString } from "./dates";
import { PUBLIC_PATHS, publicUrls } from "../public-urls";

export const DOWNLOAD_LINK_TTL_MS = 15 * 60_000;
export const DOWNLOAD_LINK_MAX_USES = 5;
/** The HTTP route that serves a token (bot/ or triage/ mounts it). */
export const DOWNLOAD_PATH = PUBLIC_PATHS.reportCardDownload;

export interface ReportCardSummary {
  id: string;
  fileName: string;
  reportName: string;
  schoolYear: string;
  term: string | null;
  publishedAt: string;
}

const reportCardSelect = {
  id: true,
  fileName: true,
  reportName: true,
  schoolYear: true,
  term: true,
  publishedAt: true,
} as const;

export async function listReportCards(ctx: CoreContext, opts: { accountId: string; childId: string }): Promise<ReportCardSummary[]> {
  const child = await requireChild(ctx, opts.accountId, opts.childId);
  const rows = await ctx.prisma.reportCard.findMany({
    where: { studentId: child.id },
    select: reportCardSelect,
    orderBy: [{ publishedAt: "desc" }, { fileName: "asc" }],
  });
  return rows.map((r) => ({ ...r, publishedAt: dayString(r.publishedAt) }));
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

function reportCardNotFound(): AppError {
  return new AppError("records.report_card_not_found", {
    log: "report card not found for this child",
  });
}

function linkExpired(log: string): AppError {
  return new AppError("records.link_expired", { log });
}

export interface DownloadLink {
  url: string;
  expiresAt: Date;
}

export async function createReportCardDownloadLink(
  ctx: CoreContext,
  opts: { accountId: string; childId: string; reportCardId: string },
): Promise<DownloadLink> {
  const child = await requireChild(ctx, opts.accountId, opts.childId);
  const card = await ctx.prisma.reportCard.findFirst({
    where: { id: String(opts.reportCardId), studentId: child.id },
    select: { id: true },
  });
  if (!card) throw reportCardNotFound();
  const token = crypto.randomBytes(32).toString("base64url");
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + DOWNLOAD_LINK_TTL_MS);
  await ctx.prisma.$transaction(async (tx) => {
    const code = await tx.oneTimeCode.create({
      data: { purpose: "DOWNLOAD", accountId: opts.accountId, codeHash: hashToken(token), subject: card.id, expiresAt, createdAt: now },
      select: { id: true },
    });
    await recordAudit(tx, {
      at: ctx.now(),
      actorType: "parent",
      actorId: opts.accountId,
      action: "report_card.link_created",
      entityType: "ReportCard",
      entityId: card.id,
      data: { codeId: code.id, expiresAt: expiresAt.toISOString() },
    });
  });
  return { url: publicUrls.reportCardDownload(ctx, token), expiresAt };
}

export interface ResolvedDownload {
  reportCardId: string;
  fileName: string;
  /** Absolute path under DATA_DIR/documents, or null when the SIS holds the PDF elsewhere. */
  filePath: string | null;
}

/** The file a download token opens, or records.link_expired (unknown, expired, used up or access lost). */
export async function resolveDownloadToken(ctx: CoreContext, opts: { token: string }): Promise<ResolvedDownload> {
  if (typeof opts.token !== "string" || !/^[A-Za-z0-9_-]{20,100}$/.test(opts.token)) throw linkExpired("malformed token");
  const now = ctx.now();
  const code = await ctx.prisma.oneTimeCode.findUnique({
    where: { codeHash: hashToken(opts.token) },
    select: { id: true, purpose: true, accountId: true, subject: true, expiresAt: true },
  });
  if (!code || code.purpose !== "DOWNLOAD" || !code.accountId || !code.subject) throw linkExpired("unknown token");
  if (code.expiresAt <= now) throw linkExpired("token expired");
  // Count the use atomically: two clicks at once can never exceed the limit.
  const used = await ctx.prisma.oneTimeCode.updateMany({
    where: { id: code.id, attempts: { lt: DOWNLOAD_LINK_MAX_USES }, expiresAt: { gt: now } },
    data: { attempts: { increment: 1 }, consumedAt: now },
  });
  if (used.count === 0) throw linkExpired("token used up");
  const card = await ctx.prisma.reportCard.findFirst({
    where: { id: code.subject, student: visibleStudentsWhere(code.accountId) },
    select: { id: true, fileName: true, storagePath: true },
  });
  if (!card) throw linkExpired("report card gone or no longer visible to the account");
  return { reportCardId: card.id, fileName: card.fileName, filePath: documentPath(ctx, card.storagePath) };
}

/** storagePath is relative to DATA_DIR/documents; anything escaping that folder is refused. */
export function documentPath(ctx: CoreContext, storagePath: string | null): string | null {
  if (!storagePath) return null;
  const root = path.join(ctx.config.dataDir, "documents");
  const full = path.resolve(root, storagePath);
  return full.startsWith(root + path.sep) ? full : null;
}
