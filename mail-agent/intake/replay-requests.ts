// Replays the help centre asked for in the triage console: every few seconds, each quarantined email whose
// replay was requested runs through the pipeline again, and its outcome is recorded for the console. A replay
// that fails again stays in quarantine (with the new reason) and is not retried until asked again.
import { listMailReplayRequests, markMailReplayed, type CoreContext } from "../../core";
import { replayQuarantinedEmail } from "../inspect-email";

export async function performReplayRequests(ctx: CoreContext): Promise<number> {
  const log = ctx.log.child({ component: "mail-replay" });
  const requests = await listMailReplayRequests(ctx);
  for (const r of requests) {
    let outcome: string;
    try {
      const res = await replayQuarantinedEmail(ctx, r.id);
      outcome = res.reason ? `${res.action}: ${res.reason}` : res.action;
    } catch (err) {
      log.warn({ quarantineId: r.id, err }, "replay failed");
      outcome = "quarantine: replay failed";
    }
    await markMailReplayed(ctx, { id: r.id, outcome });
  }
  return requests.length;
}

/** Checks for requested replays every `intervalMs` until stopped. */
export function startReplayRequests(ctx: CoreContext, intervalMs = 5000): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = performReplayRequests(ctx)
      .catch((err) => ctx.log.error({ component: "mail-replay", err }, "replay round failed"))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, intervalMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
