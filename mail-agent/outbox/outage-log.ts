// How the outbox speaks of a database outage: its polls fail every few seconds for as long as it lasts, and an
// error line per poll buried the rest of the log (and the page the operator reads). One error when it starts,
// at most one a minute while it lasts, one line when it ends. Any other failure is logged every time: it is a
// bug or a bad row, not an outage to wait out.
import { isDatabaseUnavailable, type Logger } from "../../core";

export const OUTAGE_LOG_EVERY_MS = 60_000;

export interface OutageLog {
  /** A round failed with `err`. */
  failed(err: unknown): void;
  /** A round went through. */
  succeeded(): void;
  /** The database has been away since the last round (the poll should slow down). */
  readonly inOutage: boolean;
}

export function createOutageLog(log: Logger, now: () => Date): OutageLog {
  let since: number | undefined;
  let loggedAt = 0;
  return {
    failed(err) {
      const at = now().getTime();
      if (!isDatabaseUnavailable(err)) {
        log.error({ err }, "outbox round failed");
        return;
      }
      if (since === undefined) {
        since = loggedAt = at;
        log.error({ err }, "outbox round failed: database unreachable");
      } else if (at - loggedAt >= OUTAGE_LOG_EVERY_MS) {
        loggedAt = at;
        log.error({ err, failingForMs: at - since }, "outbox rounds still failing: database unreachable");
      }
    },
    succeeded() {
      if (since === undefined) return;
      log.warn({ failedForMs: now().getTime() - since }, "outbox rounds work again");
      since = undefined;
    },
    get inOutage() {
      return since !== undefined;
    },
  };
}
