// The record topics the records dialog answers, and how an intent or a card button names them.
import type { IntentId } from "../../core";

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export const RECORD_TOPICS = [
  "schedule",
  "attendance",
  "report_cards",
  "credits",
  "enrolment",
  "documents",
  "details",
  "notifications",
] as const;
export type RecordTopic = (typeof RECORD_TOPICS)[number];

export const TOPIC_OF_INTENT: Partial<Record<IntentId, RecordTopic>> = {
  "records.schedule": "schedule",
  "records.attendance": "attendance",
  "records.report_card": "report_cards",
  "records.credits": "credits",
  "records.enrolment": "enrolment",
  "records.documents": "documents",
  "records.details": "details",
  "notifications.manage": "notifications",
};

export function isRecordTopic(v: unknown): v is RecordTopic {
  return typeof v === "string" && (RECORD_TOPICS as readonly string[]).includes(v);
}

/** Topics about the account rather than one child. */
export const ACCOUNT_TOPICS: ReadonlySet<RecordTopic> = new Set(["notifications"]);
