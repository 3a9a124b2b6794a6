// The one error type of the core: a stable code (core/error-codes.ts), the message a person reads
// (`errors:<code>` in templates/), and a precise message for operators' logs — kept apart so a log line
// never becomes a user-facing sentence.
import type { ErrorCode } from "./error-codes";

export interface AppErrorOptions {
  /** i18n key of what a person is told, when it is not `errors:<code>` (a form's own summary). */
  userKey?: string;
  /** Values for the user-facing message's placeholders (never secrets). */
  params?: Record<string, string | number>;
  /** What the operator reads in logs; also the error's `message`. */
  log?: string;
  /**
   * Operator-only detail that must not reach a person, not even through `message` (e.g. which account a failed
   * guess was for: the person is told the same thing whether or not the email has an account). Logged with the
   * error (pino serialises it), never shown.
   */
  detail?: string;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userKey: string;
  readonly params: Record<string, string | number>;
  readonly detail?: string;

  constructor(code: ErrorCode, opts: AppErrorOptions = {}) {
    super(opts.log ?? code, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.userKey = opts.userKey ?? `errors:${code}`;
    this.params = opts.params ?? {};
    if (opts.detail !== undefined) this.detail = opts.detail;
  }
}

export function isAppError(err: unknown, code?: ErrorCode): err is AppError {
  return err instanceof AppError && (code === undefined || err.code === code);
}

/** Prisma's known request errors carry a code such as P2002 (unique) or P2025 (not found). */
export function prismaCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : undefined;
}

/** Prisma's codes for a server away: unreachable, timed out, connection closed, no connection free in the pool. */
const UNAVAILABLE_PRISMA = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** The driver adapter's kinds for the same. */
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** SQLSTATE: class 08 (connection exception), 57P01–57P03 (shut down, crashed, starting up), 53300 (too many connections). */
const UNAVAILABLE_SQLSTATE = /^(08\w{3}|57P0[123]|53300)$/;
const UNAVAILABLE_SOCKET = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
/** node-postgres says these in words only. */
const UNAVAILABLE_WORDS =
  /Connection terminated|terminating connection|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/**
 * The database is away (down, restarting, unreachable, its connections cut) rather than the request being wrong:
 * the caller answers « try again shortly » (503) and leaves the work for later — an email stays in the mailbox,
 * it is not quarantined for it. Follows Prisma's wrapping (meta.driverAdapterError, cause) down to the driver.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length) {
    const e = queue.shift() as
      | {
          code?: unknown;
          kind?: unknown;
          message?: unknown;
          originalCode?: unknown;
          cause?: unknown;
          meta?: { driverAdapterError?: unknown };
        }
      | null
      | undefined;
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    if (isAppError(e, "db.unreachable")) return true;
    for (const code of [e.code, e.originalCode].filter((c): c is string => typeof c === "string"))
      if (UNAVAILABLE_PRISMA.has(code) || UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SOCKET.has(code)) return true;
    if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
    if (typeof e.message === "string" && UNAVAILABLE_WORDS.test(e.message)) return true;
    queue.push(e.cause, e.meta?.driverAdapterError);
  }
  return false;
}

/** Seconds a client is told to wait (Retry-After) while the database is away: a restart takes a few. */
export const UNAVAILABLE_RETRY_S = 5;

/**
 * The error a channel answers with: the database away becomes AppError("db.unreachable") — a 503 with
 * Retry-After and « try again shortly » — anything else is returned as it was thrown.
 */
export function asDatabaseUnreachable(err: unknown): unknown {
  if (!isDatabaseUnavailable(err) || isAppError(err, "db.unreachable")) return err;
  return new AppError("db.unreachable", { log: `database unavailable: ${(err as Error).message?.split("\n").pop()}`, cause: err });
}
