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
