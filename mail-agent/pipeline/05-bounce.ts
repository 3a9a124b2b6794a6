// Stage 5, bounces: delivery reports (multipart/report, mailer-daemon / postmaster senders, an empty
// Return-Path) are stored, never answered; a bounce of one of our emails marks that outbox email as failed
// (done by the persist stage, so `inspect` changes nothing).
import { header, type Stage } from "./types";

const DAEMON = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon|mail\.delivery\.system|microsoftexchange[0-9a-f]*)@/i;
const BOUNCE_SUBJECT =
  /^\s*(undeliver(able|ed)|non remis|non distribuable|delivery (status notification|failure|has failed)|mail delivery (failed|failure|subsystem)|returned mail|failure notice|échec de la remise|message non remis|retour de courrier)/i;

export const bounceStage: Stage = (mail) => {
  const p = mail.parsed!;
  const report =
    /^multipart\/report/.test(p.contentType) && /delivery-status|disposition-notification/i.test(header(mail, "content-type") ?? "");
  const daemon = DAEMON.test(p.from?.address ?? "");
  const nullPath = /^<\s*>$/.test(header(mail, "return-path")?.trim() ?? "");
  if (!report && !daemon && !(nullPath && BOUNCE_SUBJECT.test(p.subject))) {
    if (nullPath) mail.outcome = { action: "ignore", reason: "null_return_path" };
    return;
  }
  const reason = /disposition-notification/i.test(header(mail, "content-type") ?? "") ? "read_receipt" : "bounce";
  mail.outcome = { action: "ignore", reason, bouncedMessageIds: p.embeddedMessageIds };
};
