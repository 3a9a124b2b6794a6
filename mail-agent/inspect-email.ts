// The pipeline as commands use it: `mail inspect` (no side effect: one JSON object), `mail ingest DIR`
// (every .eml as if it had arrived), `mail replay ID` (a quarantined email again).
import fs from "node:fs";
import path from "node:path";
import type { CoreContext } from "../core";
import { processEmail, replayQuarantined, type ProcessResult } from "./pipeline/process-email";

export type { ProcessResult } from "./pipeline/process-email";

/** SPEC §8's object, in its order; a duplicate is reported as « ignore ». */
export type InspectResult = Pick<ProcessResult, "action" | "intent" | "lang" | "school" | "child" | "oen" | "reason"> & {
  action: "ticket" | "thread" | "ignore" | "quarantine";
};

export async function inspectEmail(ctx: CoreContext, raw: Buffer): Promise<InspectResult> {
  const r = await processEmail({ ctx, dryRun: true }, raw, { mailbox: null });
  return {
    action: r.action === "duplicate" ? "ignore" : r.action,
    intent: r.intent,
    lang: r.lang,
    school: r.school,
    child: r.child,
    oen: r.oen,
    reason: r.action === "duplicate" ? `duplicate:${r.reason}` : r.reason,
  };
}

export async function ingestEmail(ctx: CoreContext, raw: Buffer, mailbox: string | null = "cli"): Promise<ProcessResult> {
  return processEmail({ ctx, dryRun: false }, raw, { mailbox });
}

export interface IngestDirectorySummary {
  count: number;
  ticket: number;
  thread: number;
  ignore: number;
  quarantine: number;
  duplicate: number;
}

export async function ingestDirectory(ctx: CoreContext, dir: string): Promise<IngestDirectorySummary> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith(".eml"))
    .sort();
  const summary: IngestDirectorySummary = { count: 0, ticket: 0, thread: 0, ignore: 0, quarantine: 0, duplicate: 0 };
  for (const f of files) {
    const r = await ingestEmail(ctx, fs.readFileSync(path.join(dir, f)), `folder:${path.resolve(dir)}`);
    summary.count++;
    summary[r.action]++;
  }
  return summary;
}

export async function replayQuarantinedEmail(ctx: CoreContext, id: string): Promise<ProcessResult> {
  return replayQuarantined({ ctx, dryRun: false }, id);
}
