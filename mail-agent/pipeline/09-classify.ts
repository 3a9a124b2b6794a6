// Stage 9, classify: the core's NLU on the subject and the parent's own words (intent and language; French
// unless the parent wrote English), then child, school and OEN against the sender's own children.
import { classify, extractEmailEntities } from "../../core";
import type { Stage } from "./types";

const REPLY_MARKS = /^((re|tr|fw|fwd|réf|ref|aw|sv|antw)\s*(\[\d+\])?\s*:\s*)+/i;
const REFERENCE = /\[?\bAP[-#_ ]?\d{1,9}\]?/gi;

export function subjectForClassifier(subject: string): string {
  return subject.replace(REPLY_MARKS, "").replace(REFERENCE, "").trim();
}

export const classifyStage: Stage = async (mail, { ctx }) => {
  const subject = subjectForClassifier(mail.parsed!.subject);
  const own = mail.ownText ?? "";
  const text = own.trim() ? (subject ? `${subject}\n\n${own}` : own) : subject;
  mail.classification = classify(text, { channel: "email" });
  mail.lang = mail.classification.lang === "en" ? "en" : "fr";
  const guardianId = mail.onBehalfOf?.guardianId ?? mail.sender?.guardianId ?? null;
  mail.entities = await extractEmailEntities(ctx, { text, guardianId });
};
