// Stage 11, reply: drafts the automatic answer to a new ticket from the core's answer catalog (the
// self-service answer of the intent, personalised when the sender has an account), in the email's language,
// threaded on the parent's email. The persist stage queues it in the same transaction, under the hourly cap.
import { answerFor } from "../../core";
import type { Stage } from "./types";

export const replyStage: Stage = async (mail, { ctx }) => {
  if (mail.thread) return;
  const p = mail.parsed!;
  const answer = await answerFor(ctx, {
    intent: mail.classification!.intent,
    lang: mail.lang!,
    accountId: mail.sender?.accountId ?? undefined,
  });
  mail.reply = {
    to: p.from!.address, // not Reply-To: the cap counts the real sender, and a forged Reply-To cannot aim our replies
    lang: mail.lang!,
    answer: { text: answer.text, steps: answer.steps, selfService: answer.selfService },
    inReplyTo: p.messageId,
    references: p.references.slice(-10),
  };
};
