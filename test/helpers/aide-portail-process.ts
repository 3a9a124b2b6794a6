// `aide-portail start` in a child process, as an operator runs it (the start, roles, two-instance and log
// hygiene tests): spawns the real command, resolves once it prints its ready line, keeps every byte it wrote
// (stdout: the ready line; stderr/stdout: pino's JSON logs) so a test can read or grep them.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { keepChildOutput } from "./test-logs";

export const BIN = path.resolve(__dirname, "../../bin/aide-portail.js");

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface StartedProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything the process wrote so far (stdout and stderr interleaved). */
  output(): string;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL and wait (a crash). */
  kill(): Promise<void>;
}

const started: ChildProcess[] = [];

/** For afterAll: kill whatever a failed test left running (it would hold a port or the data folder). */
export function killLeftovers(): void {
  for (const c of started.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
}

export async function startAidePortail(env: Record<string, string>, args: string[] = [], timeoutMs = 120_000): Promise<StartedProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, [BIN, "start", ...args], {
    env: { ...process.env, NODE_OPTIONS: "", DATABASE_URL: "", SMTP_URL: "", LOG_LEVEL: "info", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      keepChildOutput(`start-${child.pid}`, out); // the suite-wide log check reads it (test-logs.ts)
      resolve(code);
    }),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready within ${timeoutMs / 1000} s:\n${out}`)), timeoutMs);
    child.stdout!.on("data", () => {
      if (out.includes("/healthz)")) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${out}`));
    });
  });
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

/** pino's JSON lines among what a process wrote. */
export function logLines(output: string): Record<string, unknown>[] {
  return output
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}
