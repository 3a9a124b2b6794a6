// Before stage 2, for a whole fetched batch at once: each email's content hash and dedupe key, whether it
// was already processed, and who sent it — one query for the first and three for the second whatever the
// batch size, instead of four per email. Stages 2 (validate) and 8 (identify) read the answers from
// `mail.prefetched`; an email without them (inspect of one file, a replay) asks the core itself.
import { emailContentHash, findInboundEmails, identifyEmailSenders, inboundDedupeKey, normalizeEmail } from "../../core";
import type { MailContext, PipelineDeps } from "./types";

export async function prefetchBatch(mails: MailContext[], { ctx }: PipelineDeps): Promise<void> {
  const live = mails.filter((m) => m.parsed && !m.outcome);
  for (const m of live) {
    m.contentHash = emailContentHash(m.raw);
    m.dedupeKey = inboundDedupeKey(m.parsed!.messageId, m.contentHash);
  }
  const fresh = live.filter((m) => !m.source.replayOf);
  const [done, senders] = await Promise.all([
    findInboundEmails(ctx, {
      emails: fresh.map((m) => ({
        dedupeKey: m.dedupeKey!,
        mailbox: m.source.mailbox,
        uidValidity: m.source.uidValidity,
        uid: m.source.uid,
      })),
    }),
    identifyEmailSenders(ctx, { emails: live.flatMap((m) => (m.parsed!.from ? [m.parsed!.from.address] : [])) }),
  ]);
  fresh.forEach((m, i) => (m.prefetched = { ...m.prefetched, inbound: done[i] }));
  for (const m of live) {
    const from = m.parsed!.from;
    const sender = from ? senders.get(normalizeEmail(from.address)) : undefined;
    if (sender) m.prefetched = { ...m.prefetched, sender };
  }
}
