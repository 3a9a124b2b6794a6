// The rules of staff accounts in one place: session lifetimes, sign-in lockout and rate limits, link lifetime.
export const STAFF_POLICY = {
  /** A session ends after 8 h without activity, and after 12 h in any case (a working day). */
  session: { idleMs: 8 * 3600_000, absoluteMs: 12 * 3600_000, touchEveryMs: 60_000 },
  /** 5 wrong passwords for one email lock its sign-in for 15 minutes. */
  signIn: { maxFailures: 5, lockMs: 15 * 60_000, windowMs: 15 * 60_000 },
  /** Sign-in attempts from one client (IP address), whatever the email: 30 per 15 minutes. */
  signInPerClient: { max: 30, windowMs: 15 * 60_000 },
  /** The one-time set-password link printed by `staff add` is valid 72 hours. */
  setPasswordLinkMs: 72 * 3600_000,
  password: { minLength: 12 },
} as const;

export const STAFF_ROLES = ["SECRETARY", "AGENT", "ADMIN"] as const;
export type StaffRoleName = (typeof STAFF_ROLES)[number];
