// A mail agent in a process of its own (the SIGKILL test): boots like `aide-portail start` does (config from
// the environment, the embedded database under DATA_DIR), starts the agent, and talks to the test over IPC.
// With CRASH_BEFORE_MOVE=1 it stops dead right after the database commit, before moving the email to
// « Traités », tells the test, and waits there to be killed. It says « lock-held » once it holds the mailbox
// (the PostgreSQL advisory lock test).
import { ImapFlow } from "imapflow";
import { boot } from "../../bin/boot";
import { createMetrics } from "../../core";
import { startMailAgent } from "../../mail-agent";
import { testLogger, testLogStream } from "./test-logs";

async function main(): Promise<void> {
  if (process.env.CRASH_BEFORE_MOVE === "1") {
    ImapFlow.prototype.messageMove = function () {
      process.send?.("before-move");
      return new Promise(() => undefined);
    } as typeof ImapFlow.prototype.messageMove;
  }
  // Its logs join the suite-wide log check when one is asked for (test-logs.ts), else stdout as before.
  const booted = await boot({ log: testLogStream() ? testLogger() : undefined });
  const agent = startMailAgent(
    { ctx: booted.ctx, metrics: createMetrics(booted.ctx) },
    { outboxIntervalMs: 100, pollMs: 1000, backoff: { baseMs: 100, maxMs: 500 }, lockRetryMs: 500 },
  );
  const intake = agent.intake as { lockHeld?: boolean } | null;
  const watch = setInterval(() => {
    if (intake?.lockHeld) {
      clearInterval(watch);
      process.send?.("lock-held");
    }
  }, 50);
  process.on("message", (m) => {
    if (m !== "stop") return;
    void agent
      .stop()
      .then(() => booted.close())
      .then(() => process.exit(0));
  });
  process.send?.("ready");
}

void main();
