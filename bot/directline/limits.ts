// The Direct Line endpoint's limits, and the check of what a client posts: the activity types Web Chat sends,
// text and attachment sizes, rate per conversation and per address. Each refusal is an AppError whose
// template the person reads (templates/*/errors.json, directline.*).
import { AppError, storableJson } from "../../core";

export interface DirectLineLimits {
  /** Bytes of one POSTed JSON body (Azure's Direct Line: 256 KB). */
  maxBodyBytes: number;
  /** Characters of a message's text; above the bot's own 10,000-character handling, so the bot answers those. */
  maxTextChars: number;
  maxAttachments: number;
  /** Bytes of one attachment as JSON (inline content or a data: URL). */
  maxAttachmentBytes: number;
  /** Messages per conversation (token) per window. */
  postsPerConversation: number;
  /** Messages per client address per window (a school's network shares one address: generous). */
  postsPerAddress: number;
  /** Conversations started per client address per window. */
  startsPerAddress: number;
  windowMs: number;
  /** Cross-instance fallback for WebSocket push on a PostgreSQL without LISTEN/NOTIFY news (0: off). */
  streamPollMs: number;
  /** The slow safety net beside LISTEN/NOTIFY: a stream looks this often even when no news came (0: off). */
  streamSafetyPollMs: number;
}

export const DEFAULT_LIMITS: DirectLineLimits = {
  maxBodyBytes: 256 * 1024,
  maxTextChars: 20_000,
  maxAttachments: 5,
  maxAttachmentBytes: 100 * 1024,
  postsPerConversation: 30,
  postsPerAddress: 600,
  startsPerAddress: 60,
  windowMs: 60_000,
  streamPollMs: 1000,
  streamSafetyPollMs: 30_000,
};

/** What the endpoint keeps of a posted activity (anything else, e.g. a forged `from` or `serviceUrl`, is dropped). */
export interface PostedActivity {
  type: "message" | "event" | "typing";
  text?: string;
  textFormat?: string;
  value?: unknown;
  name?: string;
  attachments?: unknown[];
  locale?: string;
  localTimestamp?: string;
  localTimezone?: string;
  channelData?: Record<string, unknown>;
  entities?: unknown[];
  fromName?: string;
}

const TYPES = new Set(["message", "event", "typing"]);
const str = (v: unknown, max: number) => (typeof v === "string" ? v.slice(0, max) : undefined);

export function checkPostedActivity(posted: unknown, limits: DirectLineLimits): PostedActivity {
  if (!posted || typeof posted !== "object" || Array.isArray(posted))
    throw new AppError("directline.invalid_activity", { log: "activity is not an object" });
  // What is stored (jsonb) and handed to the bot must be storable: no NUL, no lone surrogate, bounded nesting.
  const storable = storableJson(posted);
  if (!storable) throw new AppError("directline.invalid_activity", { log: "activity nested too deeply" });
  const a = storable.value as Record<string, unknown>;
  if (typeof a.type !== "string" || !TYPES.has(a.type))
    throw new AppError("directline.invalid_activity", { log: `activity type ${String(a.type)}` });
  if (a.text !== undefined && typeof a.text !== "string")
    throw new AppError("directline.invalid_activity", { log: "text is not a string" });
  const text = a.text as string | undefined;
  if (text && text.length > limits.maxTextChars) {
    throw new AppError("directline.message_too_long", { params: { max: limits.maxTextChars }, log: `text of ${text.length} characters` });
  }
  const attachments = a.attachments === undefined ? [] : a.attachments;
  if (!Array.isArray(attachments)) throw new AppError("directline.invalid_activity", { log: "attachments is not an array" });
  if (attachments.length > limits.maxAttachments) {
    throw new AppError("directline.too_many_attachments", {
      params: { max: limits.maxAttachments },
      log: `${attachments.length} attachments`,
    });
  }
  for (const att of attachments) {
    const bytes = Buffer.byteLength(JSON.stringify(att ?? null));
    if (bytes > limits.maxAttachmentBytes) {
      throw new AppError("directline.attachment_too_large", {
        params: { maxKb: Math.floor(limits.maxAttachmentBytes / 1024) },
        log: `attachment of ${bytes} bytes`,
      });
    }
  }
  const channelData =
    a.channelData && typeof a.channelData === "object" && !Array.isArray(a.channelData)
      ? (a.channelData as Record<string, unknown>)
      : undefined;
  const from = a.from && typeof a.from === "object" ? (a.from as Record<string, unknown>) : {};
  return {
    type: a.type as PostedActivity["type"],
    text,
    textFormat: str(a.textFormat, 20),
    value: a.value,
    name: str(a.name, 200),
    attachments,
    locale: str(a.locale, 20),
    localTimestamp: str(a.localTimestamp, 40),
    localTimezone: str(a.localTimezone, 60),
    channelData,
    entities: Array.isArray(a.entities) ? a.entities : undefined,
    fromName: str(from.name, 100),
  };
}
