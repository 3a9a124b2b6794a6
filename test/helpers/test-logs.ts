// Where the tests' logs go. By default nowhere (a silent logger). With AIDE_PORTAIL_TEST_LOG_DIR set (CI), every
// jest worker writes the logs of its contexts and in-process servers (debug level) to a file of its own under
// that folder, and the helpers that spawn `aide-portail` keep each child's output there too, so that one check
// after the whole suite (scripts/check-test-logs.ts) can grep every line the suite logged for the seeded
// passwords, secret answers, chat codes and children's records.
import fs from "node:fs";
import path from "node:path";
import pino from "pino";
import { createLogger, silentLogger, type Logger } from "../../core/logger";

export const TEST_LOG_DIR_ENV = "AIDE_PORTAIL_TEST_LOG_DIR";

export function testLogDir(): string | null {
  const dir = process.env[TEST_LOG_DIR_ENV];
  return dir ? path.resolve(dir) : null;
}

let shared: { file: string; stream: pino.DestinationStream; logger: Logger } | null = null;

/** This process's log file (synchronous appends: a worker that exits loses nothing), or null when not asked. */
export function testLogStream(): pino.DestinationStream | null {
  const dir = testLogDir();
  if (!dir) return null;
  if (!shared) {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `jest-${process.pid}.log`);
    const stream = pino.destination({ dest: file, sync: true, append: true });
    shared = { file, stream, logger: createLogger({ level: "debug", destination: stream }) };
  }
  return shared.stream;
}

/** The logger tests give the core: the product's own (redacting) logger into the log file, or a silent one. */
export function testLogger(): Logger {
  return testLogStream() ? shared!.logger : silentLogger;
}

/** Keeps a child process's output (its pino lines) beside the workers' files. */
export function keepChildOutput(name: string, output: string): void {
  const dir = testLogDir();
  if (!dir || !output) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.appendFileSync(path.join(dir, `child-${process.pid}-${name.replace(/[^\w.-]+/g, "_")}.log`), output);
}
