// The events a parent can ask the chat to tell them about the same day, and the sentence of each
// (templates/<lang>/records.json `notices.*`).
export const NOTICE_KINDS = ["absence", "report_card", "ticket_reply"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export function isNoticeKind(v: unknown): v is NoticeKind {
  return typeof v === "string" && (NOTICE_KINDS as readonly string[]).includes(v);
}

export const NOTICE_TEMPLATE: Record<NoticeKind, string> = {
  absence: "records:notices.absence",
  report_card: "records:notices.reportCard",
  ticket_reply: "records:notices.ticketReply",
};
