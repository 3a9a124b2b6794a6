// Public surface of the self-hosted Direct Line 3.0 store: conversations, their signed tokens, the activities
// and watermarks, and the endpoint's rate limits. The HTTP routes are in bot/directline/.
export { DIRECTLINE_TOKEN_TTL_MS, verifyDirectLineToken, type DirectLineClaims } from "./directline-token";
export {
  startDirectLineConversation,
  authorizeDirectLine,
  refreshDirectLineToken,
  markDirectLineConversationStarted,
  directLineConnectorSecret,
  type DirectLineStart,
  type DirectLineAccess,
} from "./directline-conversation";
export {
  appendDirectLineActivity,
  listDirectLineActivities,
  directLineActivityExists,
  type ActivityBody,
  type ActivityPage,
  type StoredActivity,
} from "./directline-activities";
export { consumeDirectLineQuota, type DirectLineQuota } from "./directline-quota";
export {
  createActivityNotifier,
  ACTIVITY_CHANNEL,
  type ActivityNotifier,
  type ActivityNotifierOptions,
  type ActivityNewsSource,
} from "./activity-notifier";
