// Stage 2, validate: a sender must be there, and the email must not have been processed already. « Already »
// is its Message-ID plus a hash of its content (a client reusing a Message-ID for another email is not a
// duplicate), or its place in the mailbox (UIDVALIDITY + UID) when the commit happened but the move did not.
import { emailContentHash, findInboundEmail, inboundDedupeKey } from "../../core";
import type { Stage } from "./types";

export const validateStage: Stage = async (mail, { ctx }) => {
  const p = mail.parsed!;
  mail.contentHash ??= emailContentHash(mail.raw);
  mail.dedupeKey ??= inboundDedupeKey(p.messageId, mail.contentHash);
  if (!mail.source.replayOf) {
    const done =
      mail.prefetched?.inbound !== undefined
        ? mail.prefetched.inbound
        : await findInboundEmail(ctx, {
            dedupeKey: mail.dedupeKey,
            mailbox: mail.source.mailbox ?? undefined,
            uidValidity: mail.source.uidValidity,
            uid: mail.source.uid,
          });
    if (done) {
      mail.outcome = { action: "duplicate", reason: `already_${done.action.toLowerCase()}`, inboundId: done.id };
      return;
    }
  }
  if (!p.from) mail.outcome = { action: "quarantine", stage: "02-validate", reason: "no_sender" };
};
