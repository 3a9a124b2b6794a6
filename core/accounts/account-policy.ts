// The numbers of the account rules in one place: lifetimes, attempt limits and lockouts.
// Chosen to match what the portal's parents are used to while keeping guessing impractical.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const ACCOUNT_POLICY = {
  bcryptCost: 10,
  password: { minLength: 8, maxBytes: 72 }, // bcrypt ignores what lies beyond 72 bytes: refuse rather than truncate
  secretAnswer: { minFoldedLength: 2, maxLength: 100 },
  temporaryPasswordLength: 12,
  /** A temporary password left unused this long stops working: the parent asks for a new one. */
  temporaryPasswordTtlMs: 72 * HOUR,

  /** Account request (seed 1 §1.2): mismatching answers per email before a lockout. */
  creation: { maxFailures: 5, windowMs: HOUR, lockMs: 30 * MINUTE },
  /** …and a daily cap, so the short lock cannot be waited out ~240 times a day to guess a child's birth date. */
  creationDaily: { maxFailures: 10, windowMs: 24 * HOUR, lockMs: 24 * HOUR },
  validationTokenTtlMs: 48 * HOUR,
  /** « Je n'ai pas reçu le courriel d'activation »: resends per email. */
  resend: { max: 3, windowMs: HOUR },

  signIn: { maxFailures: 5, lockMs: 15 * MINUTE, unknownWindowMs: 24 * HOUR },
  secretReset: { maxFailures: 5, lockMs: 30 * MINUTE, unknownWindowMs: 24 * HOUR },
  /** …and a daily cap per email (OWASP ASVS V2.2): the 30-minute lock alone let ~240 answers a day be tried. */
  secretResetDaily: { maxFailures: 10, windowMs: 24 * HOUR, lockMs: 24 * HOUR },
  loginIdReminder: { max: 3, windowMs: HOUR },

  chatCode: { ttlMs: 10 * MINUTE, maxAttempts: 5, maxPerWindow: 3, windowMs: 15 * MINUTE },
  /** Daily caps per email on chat codes: codes sent, and wrong codes (the 10th locks chat sign-in for 24 h). */
  chatCodeDaily: { max: 10, windowMs: 24 * HOUR },
  chatCodeFailDaily: { maxFailures: 10, windowMs: 24 * HOUR, lockMs: 24 * HOUR },
  chatSessionIdleMs: 30 * MINUTE,
} as const;
