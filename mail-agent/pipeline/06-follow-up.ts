// Stage 6, follow-up: does this email continue a ticket? The reference in the subject, then In-Reply-To /
// References against our signed Message-IDs and the Message-IDs we know (core/mail/email-thread.ts).
import { findEmailThreadTicket } from "../../core";
import type { Stage } from "./types";

export const followUpStage: Stage = async (mail, { ctx }) => {
  const p = mail.parsed!;
  mail.thread = await findEmailThreadTicket(ctx, { subject: p.subject, inReplyTo: p.inReplyTo, references: p.references });
};
