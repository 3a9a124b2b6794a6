// Proactive notices (issue 9): opt-in and opt-out from the chat, today's events collected into notices (unique
// per subscription and event), claimed by one sender each, completed in the chat or by email.
export { NOTICE_KINDS, isNoticeKind, type NoticeKind } from "./notice-kinds";
export { subscribeNotices, unsubscribeNotices, type SubscribeNoticesOptions } from "./subscribe-notices";
export { collectNotices } from "./collect-notices";
export { noticeStaffReply } from "./notice-staff-reply";
export { claimNotices, completeNotice, type ClaimedNotice } from "./claim-notices";
