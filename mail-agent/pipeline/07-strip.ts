// Stage 7, strip: the parent's own words, without the quoted reply, the signature or the disclaimer — the
// core's one implementation (core/nlu/email-text.ts, on email-reply-parser), which the NLU uses too.
import { extractEmailRequest } from "../../core";
import type { Stage } from "./types";

export const stripStage: Stage = (mail) => {
  mail.ownText = extractEmailRequest(mail.parsed!.text);
};
