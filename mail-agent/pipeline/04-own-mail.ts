// Stage 4, own mail and loops: our own emails coming back (from our addresses, with one of our Message-IDs,
// or our X-Loop stamp), and mail that has been round the servers too many times, are never answered.
import { isOwnMessageId, normalizeEmail } from "../../core";
import { header, type Stage } from "./types";

const MAX_HOPS = 30;

export const ownMailStage: Stage = async (mail, { ctx }) => {
  const p = mail.parsed!;
  const ours = [ctx.config.MAIL_FROM, ctx.config.HELPDESK_ADDRESS].map(normalizeEmail);
  const from = normalizeEmail(p.from?.address ?? "");
  if (ours.includes(from)) return void (mail.outcome = { action: "ignore", reason: "own_address" });
  if (await isOwnMessageId(ctx, { messageId: p.messageId })) return void (mail.outcome = { action: "ignore", reason: "own_message_id" });
  const loop = header(mail, "x-loop")?.toLowerCase();
  if (loop && ours.some((a) => loop.includes(a))) return void (mail.outcome = { action: "ignore", reason: "x_loop" });
  if ((p.headers.get("received")?.length ?? 0) > MAX_HOPS) mail.outcome = { action: "ignore", reason: "too_many_hops" };
};
