// Stage 9, classify: the core's NLU on the subject and the parent's own words (intent and language; French
// unless the parent wrote English), then child, school and OEN against the sender's own children.
import { classify, extractEmailEntities, LANGS, translator } from "../../core";
import type { Stage } from "./types";

const REPLY_MARKS = /^((re|tr|fw|fwd|réf|ref|aw|sv|antw)\s*(\[\d+\])?\s*:\s*)+/i;
const REFERENCE = /\[?\bAP[-#_ ]?\d{1,9}\]?/gi;

/**
 * The words of our own acknowledgement's subject (« Nous avons bien reçu votre courriel : … »), which a
 * reply quotes: they are ours, not the parent's, and « bien reçu » reads as a thank-you to the classifier.
 */
const OWN_SUBJECT_WORDS = LANGS.map((lang) =>
  translator(lang)("mail:email.ticketReply.subject", { reference: "", subject: "" })
    .replace(/^\[\]\s*/, "")
    .replace(/\s*:\s*$/, "")
    .trim()
    .toLowerCase(),
).filter((w) => w.length > 0);

export function subjectForClassifier(subject: string): string {
  let out = subject.replace(REPLY_MARKS, "").replace(REFERENCE, "").trim();
  for (const own of OWN_SUBJECT_WORDS) {
    const at = out.toLowerCase().indexOf(own);
    if (at >= 0) out = (out.slice(0, at) + out.slice(at + own.length)).replace(/^\s*:\s*/, "").trim();
  }
  return out;
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
