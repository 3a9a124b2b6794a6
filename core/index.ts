// The public surface of the core: bot/, mail-agent/, triage/ and cli/ import from here and nowhere deeper
// (the composition root in bin/ also uses core/system.ts to open and migrate the database).
export { loadConfig, ConfigError, type Config } from "./config";
export type { CoreContext, ChannelDeps } from "./context";
export { AppError, asDatabaseUnreachable, isAppError, isDatabaseUnavailable, prismaCode, UNAVAILABLE_RETRY_S } from "./errors";
export { PUBLIC_PATHS, publicUrls } from "./public-urls";
export { ERROR_CODES, allErrorCodes, type ErrorCode } from "./error-codes";
export { createLogger, silentLogger, type Logger } from "./logger";
export { recordAudit, type AuditInput, type ActorType } from "./audit";
export { getI18n, translator, isLang, LANGS, type Lang } from "./i18n";
export * from "./outbox";
export { createMetrics, type Metrics, type TurnRecord } from "./metrics";
export { correlationIdFor, withCorrelation, type CorrelationKind } from "./correlation";
export {
  runOncePerPeriod,
  scheduleJob,
  periodKey,
  INSTANCE_ID,
  type JobRunOptions,
  type JobRunOutcome,
  type ScheduledJob,
} from "./scheduled-job";
export { normalizeEmail, looksLikeEmail, foldText, foldAnswer, storableText, storableJson } from "./util/text";
export { afterReply, settleAfterReply } from "./util/after-reply";
export { resolveClientAddress } from "./util/client-address";
export * from "./accounts";
export {
  classify,
  detectLanguage,
  CLARIFY_BELOW,
  runnerUpOffer,
  INTENTS,
  NOT_REQUESTS,
  type IntentId,
  type Classification,
  type ClassifyOptions,
  type IntentScore,
} from "./nlu";
export { extractRequest as extractEmailRequest } from "./nlu/email-text";
export { evaluateJsonl, formatReport as formatEvalReport } from "./nlu/evaluate";
export * from "./nlu/entities";
export * from "./records";
export * from "./tickets";
export * from "./mail";
export * from "./import";
export * from "./answers";
export * from "./bot-state";
export * from "./staff";
export * from "./insight";
export * from "./quarantine";
export * from "./directline";
export * from "./notices";
