// pino logger with redaction: no password, code, secret answer, token or child's record ever reaches a log.
// One child logger per component (`logger.child({ component: "accounts" })`), object first.
import pino, { type Logger } from "pino";

/** Paths pino censors wherever they appear (one and two levels deep, the usual shapes of our log objects). */
export const REDACT_PATHS = [
  "password",
  "newPassword",
  "temporaryPassword",
  "passwordHash",
  "answer",
  "secretAnswer",
  "secretAnswerHash",
  "code",
  "token",
  "otp",
  "authorization",
  "cookie",
  "MicrosoftAppPassword",
  "IMAP_PASSWORD",
  "SMTP_URL",
  "DATABASE_URL",
  "student",
  "child",
  "children",
  "record",
  "records",
  "birthDate",
  "oen",
].flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

export type { Logger };

/**
 * An error's own code is worth keeping (ECONNREFUSED, EAUTH, P2002, accounts.signin_locked): it is what an
 * operator searches for. A `code` that is anything else (a chat sign-in code, a set-password code) is a secret.
 */
const ERROR_CODE = /^(?:E[A-Z0-9_]{2,}|[A-Z][A-Z0-9_]{2,}|P\d{4}|[a-z]+\.[a-z][a-z0-9_]+)$/;

function censor(value: unknown, path: string[]): unknown {
  if (path[path.length - 1] === "code" && typeof value === "string" && ERROR_CODE.test(value)) return value;
  return "[redacted]";
}

export function createLogger(opts: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? "info",
      base: { app: "aide-portail" },
      redact: { paths: REDACT_PATHS, censor },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    opts.destination,
  );
}

/** A logger that writes nothing (tests, library use). */
export const silentLogger: Logger = pino({ level: "silent" });
