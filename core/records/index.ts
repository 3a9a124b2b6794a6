// Children and records: what a signed-in parent can ask about their own children (SPEC §5).
// Every service takes (ctx, { accountId, … }) and only ever returns the account's own children.
// Error codes: records.child_not_found, records.invalid_date, records.invalid_range, records.range_too_long,
// records.report_card_not_found, records.link_expired, records.not_secondary, records.invalid_topic,
// records.account_not_found.
export { listChildren, type ChildSummary, type ListChildrenOptions } from "./list-children";
export {
  getSchedule,
  MAX_SCHEDULE_DAYS,
  type Schedule,
  type ScheduleDay,
  type SchedulePeriod,
  type GetScheduleOptions,
} from "./get-schedule";
export {
  getAttendance,
  wasAbsentOn,
  attendanceTotals,
  MAX_ATTENDANCE_DAYS,
  type Attendance,
  type AttendanceEntry,
  type AttendanceTotals,
  type AbsenceOnDay,
  type GetAttendanceOptions,
  type WasAbsentOnOptions,
} from "./get-attendance";
export {
  listReportCards,
  createReportCardDownloadLink,
  resolveDownloadToken,
  documentPath,
  DOWNLOAD_LINK_TTL_MS,
  DOWNLOAD_LINK_MAX_USES,
  DOWNLOAD_PATH,
  type ReportCardSummary,
  type DownloadLink,
  type ResolvedDownload,
} from "./report-cards";
export { reportCardFileName, studentLevel, type ReportCardFileNameInput, type ReportCardLevel } from "./report-card-file-name";
export { getCredits, DEFAULT_OSSD, type CreditsReport, type EarnedCredit, type MissingRequirement } from "./get-credits";
export { getEnrolmentHistory, type EnrolmentPeriod } from "./get-enrolment-history";
export { listDocuments, type DocumentSummary } from "./list-documents";
export { getChildDetails, type ChildDetails, type EmergencyContact } from "./get-child-details";
export {
  listNotificationSubscriptions,
  setNotificationSubscription,
  isNotificationTopic,
  NOTIFICATION_TOPICS,
  type NotificationTopic,
  type NotificationSubscriptionState,
} from "./notification-subscriptions";
export { formatDate, formatTime, type DateStyle } from "./format";
export { parseDay, dayString, torontoDay, SCHOOL_TZ } from "./dates";
