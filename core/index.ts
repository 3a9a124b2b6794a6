// The public surface of the core: bot/, mail-agent/ and triage/ import from here and nowhere deeper.
export { loadConfig, ConfigError, type Config } from "./config";
export type { CoreContext } from "./context";
export { AppError, isAppError, prismaCode } from "./errors";
export { createLogger, silentLogger, type Logger } from "./logger";
export { openDatabase, redactUrl, type Database, type DatabaseKind } from "./db/database";
export { migrateDatabase } from "./db/migrate";
export { recordAudit, type AuditInput, type ActorType } from "./audit";
export { getI18n, translator, isLang, LANGS, type Lang } from "./i18n";
export * from "./outbox";
export { createMetrics, type Metrics } from "./metrics";
export { normalizeEmail, looksLikeEmail, foldText, foldAnswer } from "./util/text";
export { afterReply, settleAfterReply } from "./util/after-reply";
export * from "./accounts";
export { classify, detectLanguage, INTENTS, type IntentId, type Classification, type IntentScore } from "./nlu";
export * from "./nlu/entities";
export * from "./records";
export * from "./tickets";
export * from "./import";
