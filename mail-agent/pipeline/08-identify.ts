// Stage 8, identify the sender: an account, a known guardian without one, or staff. On a follow-up it
// decides whose words these are: the requester's (a parent message), a secretary's or agent's answer (sent on
// to the parent), or someone else's (kept as an internal note: never silently the parent's words).
// A secretary writing a new email for a parent is taken as writing for the guardian whose address she quotes.
import { findGuardianByEmail, identifyEmailSender, normalizeEmail } from "../../core";
import type { Stage } from "./types";

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

export const identifyStage: Stage = async (mail, { ctx }) => {
  const p = mail.parsed!;
  const sender = mail.prefetched?.sender ?? (await identifyEmailSender(ctx, { email: p.from!.address }));
  mail.sender = sender;
  const thread = mail.thread;
  if (thread) {
    if (thread.requesterEmail && normalizeEmail(p.from!.address) === thread.requesterEmail) {
      mail.threadAs = { author: "PARENT", reason: thread.by, internal: false };
    } else if (sender.kind === "staff" && (sender.staff!.role !== "SECRETARY" || sender.staff!.schoolCode === thread.schoolCode)) {
      mail.threadAs = { author: "STAFF", reason: "staff_reply", internal: false };
    } else if (!thread.requesterEmail) {
      mail.threadAs = { author: "PARENT", reason: thread.by, internal: false };
    } else {
      mail.threadAs = { author: "SYSTEM", reason: "not_requester", internal: true };
    }
    return;
  }
  if (sender.kind === "staff") {
    const quoted = [...new Set((mail.ownText ?? "").match(EMAIL) ?? [])].filter((e) => normalizeEmail(e) !== sender.email);
    mail.onBehalfOf = quoted.length ? await findGuardianByEmail(ctx, { emails: quoted }) : null;
  }
};
