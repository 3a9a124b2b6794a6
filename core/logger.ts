// pino logger with redaction: no password, code, secret answer, token or child's record ever reaches a log.
// One child logger per component (`logger.child({ component: "accounts" })`), object first.
import pino, { type Logger } from "pino";

/** Paths pino censors wherever they appear (one and two levels deep, the usual shapes of our log objects). */
export const REDACT_PATHS = [
  "password", "newPassword", "temporaryPassword", "passwordHash", "answer", "secretAnswer", "secretAnswerHash",
  "code", "token", "otp", "authorization", "cookie", "MicrosoftAppPassword", "IMAP_PASSWORD", "SMTP_URL", "DATABASE_URL",
  "student", "child", "children", "record", "records", "birthDate", "oen",
].flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

export type { Logger };

export function createLogger(opts: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? "info",
      base: { app: "aide-portail" },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    opts.destination,
  );
}

/** A logger that writes nothing (tests, library use). */
export const silentLogger: Logger = pino({ level: "silent" });
