// Starts test/helpers/mail-agent-process.ts (a real mail agent process) on a private Dovecot and hands the test
// its IPC messages (« ready », « lock-held », « before-move »), a SIGKILL and a clean stop. Shared by the
// SIGKILL fault test and the mailbox-lock test, so that both launch the agent the same way.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Dovecot } from "./dovecot";
import { waitFor } from "./smtp-sink";

export interface ForkedMailAgent {
  child: ChildProcess;
  /** Every message the agent sent so far. */
  seen: string[];
  /** Waits for the agent's message `msg` (boot on a loaded machine is slow: 90 s by default). */
  next(msg: string, ms?: number): Promise<void>;
  /** SIGKILL, then waits for the exit (a crash). */
  kill(): Promise<void>;
  /** Asks the agent to stop cleanly and waits for the exit. */
  stop(): Promise<void>;
}

const forked: ChildProcess[] = [];

/** For afterAll: whatever a failed test left running would hold the embedded database or the mailbox. */
export function killForkedAgents(): void {
  for (const c of forked.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
}

/**
 * `env` adds to (or, with "", removes from) the test's environment: DATA_DIR at least. DATABASE_URL and SMTP_URL
 * are not inherited (the embedded database and the .eml outbox unless given), nor NODE_OPTIONS (jest's).
 */
export function forkMailAgent(dovecot: Dovecot, env: Record<string, string>): ForkedMailAgent {
  const full: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: "warn",
    IMAP_HOST: "127.0.0.1",
    IMAP_PORT: String(dovecot.port),
    IMAP_USER: dovecot.user,
    IMAP_PASSWORD: dovecot.password,
    IMAP_SECURE: "false",
    CRASH_BEFORE_MOVE: "0",
    DATABASE_URL: "",
    SMTP_URL: "",
    ...env,
  };
  for (const k of ["DATABASE_URL", "SMTP_URL"]) if (!full[k]) delete full[k];
  delete full.NODE_OPTIONS;
  const child = fork(path.resolve(__dirname, "mail-agent-process.ts"), [], {
    env: full,
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  forked.push(child);
  const seen: string[] = [];
  child.on("message", (m) => seen.push(String(m)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    seen,
    next: (msg, ms = 90_000) =>
      waitFor(
        () => {
          if (!alive() && !seen.includes(msg)) throw new Error(`the mail agent exited before « ${msg} »`);
          return seen.includes(msg);
        },
        `the agent's « ${msg} »`,
        ms,
      ),
    async kill() {
      if (alive()) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (alive()) child.send("stop");
      await exited;
    },
  };
}
