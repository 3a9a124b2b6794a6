// Files that came with parents' messages (email attachments): stored with the ticket, downloaded from the
// console by staff who can see the ticket. The mail agent adds them (addTicketAttachment, in its transaction).
import type { CoreContext } from "../context";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { requireStaffOnTicket } from "./visibility";

/** 10 MB per file: what a parent's phone photo or a scanned form needs; bigger is refused, not truncated. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export interface AddTicketAttachmentOptions {
  ticketId: string;
  messageId?: string | null;
  fileName: string;
  contentType?: string | null;
  content: Uint8Array;
}

export function safeFileName(name: string): string {
  const base = String(name ?? "")
    .replace(/[\\/]/g, "_")
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "")
    .trim()
    .slice(0, 150);
  return base || "piece-jointe";
}

export async function addTicketAttachment(
  ctx: CoreContext,
  opts: AddTicketAttachmentOptions,
  tx?: Prisma.TransactionClient,
): Promise<{ id: string }> {
  if (opts.content.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new AppError("tickets.attachment_too_large", {
      params: { max: MAX_ATTACHMENT_BYTES / 1024 / 1024 },
      log: `attachment of ${opts.content.byteLength} bytes`,
    });
  }
  const db = tx ?? ctx.prisma;
  const contentType = /^[\w.+-]+\/[\w.+-]+$/.test(opts.contentType ?? "") ? opts.contentType! : "application/octet-stream";
  return db.ticketAttachment.create({
    data: {
      ticketId: opts.ticketId,
      messageId: opts.messageId ?? null,
      fileName: safeFileName(opts.fileName),
      contentType,
      size: opts.content.byteLength,
      content: Buffer.from(opts.content),
      createdAt: ctx.now(),
    },
    select: { id: true },
  });
}

export async function getTicketAttachment(ctx: CoreContext, opts: { ticketId: string; attachmentId: string; staffId: string }) {
  await requireStaffOnTicket(ctx, opts.staffId, opts.ticketId);
  const a = await ctx.prisma.ticketAttachment.findFirst({
    where: { id: String(opts.attachmentId), ticketId: opts.ticketId },
    select: { id: true, fileName: true, contentType: true, size: true, content: true },
  });
  if (!a) throw new AppError("tickets.not_found", { log: "attachment not found on that ticket" });
  return a;
}
