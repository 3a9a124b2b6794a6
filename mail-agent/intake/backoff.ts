// Reconnection delays (EmailEngine's): exponential, capped, with full jitter so that several agents do not
// reconnect in step; reset only once a session has stayed up, so a server that accepts and drops at once
// is not hammered.
export interface Backoff {
  next(): number;
  /** A session that lasted this long resets the delay. */
  sessionEnded(upMs: number): void;
}

export function createBackoff(opts: { baseMs?: number; maxMs?: number; stableMs?: number; random?: () => number } = {}): Backoff {
  const base = opts.baseMs ?? 1000;
  const max = opts.maxMs ?? 60_000;
  const stable = opts.stableMs ?? 60_000;
  const random = opts.random ?? Math.random;
  let attempt = 0;
  return {
    next() {
      const cap = Math.min(max, base * 2 ** attempt);
      attempt = Math.min(attempt + 1, 20);
      return Math.round(cap / 2 + random() * (cap / 2));
    },
    sessionEnded(upMs) {
      if (upMs >= stable) attempt = 0;
    },
  };
}
