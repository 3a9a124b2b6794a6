// The orchestrator: runs the numbered stages in order on one email, stops at the first stage that marks an
// outcome, persists the decision, notifies. A stage that throws puts the email in quarantine (kept whole,
// with the stage and the reason) and never stops the next email — unless the database is away: then the batch
// waits in the mailbox. `dryRun` (mail inspect) writes nothing.
import {
  getQuarantinedEmail,
  isAppError,
  isDatabaseUnavailable,
  quarantineEmail,
  recordQuarantineReplayFailure,
  emailContentHash,
  inboundDedupeKey,
  correlationIdFor,
  withCorrelation,
} from "../../core";
import { parseStage } from "./01-parse";
import { validateStage } from "./02-validate";
import { autoResponseStage } from "./03-auto-response";
import { ownMailStage } from "./04-own-mail";
import { bounceStage } from "./05-bounce";
import { followUpStage } from "./06-follow-up";
import { stripStage } from "./07-strip";
import { identifyStage } from "./08-identify";
import { classifyStage } from "./09-classify";
import { routeStage } from "./10-route";
import { replyStage } from "./11-reply";
import { persistBatch, persistStage } from "./12-persist";
import { prefetchBatch } from "./batch-prefetch";
import { notifyStage } from "./13-notify";
import type { MailContext, MailSource, PipelineDeps, Stage } from "./types";

export type ProcessAction = "ticket" | "thread" | "ignore" | "quarantine" | "duplicate";

/** What became of one email; the first seven fields are `mail inspect`'s JSON (SPEC §8). */
export interface ProcessResult {
  action: ProcessAction;
  intent: string | null;
  lang: string | null;
  school: string | null;
  child: string | null;
  oen: string | null;
  reason: string | null;
  ticketId?: string | null;
  reference?: string | null;
  quarantineId?: string | null;
  replyCapped?: boolean;
  /** The classifier's confidence in `intent` (metrics). */
  confidence?: number | null;
  /** From the batch's start to this email's decision committed and notified (metrics). */
  seconds?: number;
}

const STAGES: [string, Stage][] = [
  ["01-parse", parseStage],
  ["02-validate", validateStage],
  ["03-auto-response", autoResponseStage],
  ["04-own-mail", ownMailStage],
  ["05-bounce", bounceStage],
  ["06-follow-up", followUpStage],
  ["07-strip", stripStage],
  ["08-identify", identifyStage],
  ["09-classify", classifyStage],
  ["10-route", routeStage],
  ["11-reply", replyStage],
];

function reasonOf(err: unknown): string {
  if (isAppError(err)) return err.code;
  const e = err as Error;
  return `${e?.name ?? "Error"}: ${String(e?.message ?? err).split("\n")[0]}`.slice(0, 300);
}

function resultOf(mail: MailContext): ProcessResult {
  const o = mail.outcome;
  const c = mail.classification;
  const e = mail.entities;
  const base = {
    intent: c?.intent ?? null,
    confidence: c?.confidence ?? null,
    lang: mail.lang ?? null,
    school: mail.thread ? mail.thread.schoolCode : (mail.route?.schoolCode ?? null),
    child: e?.child?.givenName ?? e?.childName ?? null,
    oen: e?.oen ?? null,
  };
  if (o?.action === "quarantine")
    return { action: "quarantine", intent: null, lang: null, school: null, child: null, oen: null, reason: `${o.stage}: ${o.reason}` };
  if (o?.action === "duplicate")
    return { action: "duplicate", intent: null, lang: null, school: null, child: null, oen: null, reason: o.reason };
  if (o?.action === "ignore") return { action: "ignore", intent: null, lang: null, school: null, child: null, oen: null, reason: o.reason };
  const ing = mail.ingested;
  const extra = {
    ticketId: ing?.ticketId ?? mail.thread?.ticketId ?? null,
    reference: ing?.reference ?? null,
    replyCapped: ing?.replyCapped ?? false,
  };
  if (mail.thread) return { action: "thread", ...base, reason: mail.threadAs?.reason ?? mail.thread.by, ...extra };
  return { action: "ticket", ...base, reason: mail.route?.reason ?? null, ...extra };
}

async function quarantine(mail: MailContext, deps: PipelineDeps, stage: string, reason: string): Promise<string | null> {
  mail.outcome = { action: "quarantine", stage, reason };
  const log = deps.ctx.log.child({ component: "mail" });
  if (deps.dryRun) return null;
  if (mail.source.replayOf) {
    await recordQuarantineReplayFailure(deps.ctx, { id: mail.source.replayOf, stage, reason });
    log.warn({ quarantineId: mail.source.replayOf, stage, reason }, "replayed email failed again");
    return mail.source.replayOf;
  }
  const contentHash = mail.contentHash ?? emailContentHash(mail.raw);
  const messageId = mail.parsed?.messageId ?? null;
  const q = await quarantineEmail(deps.ctx, {
    raw: mail.raw,
    dedupeKey: mail.dedupeKey ?? inboundDedupeKey(messageId, contentHash),
    messageId,
    contentHash,
    mailbox: mail.source.mailbox,
    uidValidity: mail.source.uidValidity ?? null,
    uid: mail.source.uid ?? null,
    fromAddress: mail.parsed?.from?.address ?? null,
    subject: mail.parsed?.subject ?? null,
    stage,
    reason,
  });
  log.warn(
    { quarantineId: q.id, stage, reason, mailbox: mail.source.mailbox, uid: mail.source.uid?.toString() },
    "email quarantined (aide-portail mail replay ID)",
  );
  return q.id || null;
}

export interface IncomingEmail {
  raw: Buffer;
  source: MailSource;
}

/**
 * The database away (a restart) says nothing of the email: it is not quarantined for it. The whole batch
 * fails instead and stays where it is (INBOX, the inbox folder) for the intake's next pass.
 */
function unlessDatabaseAway(err: unknown): void {
  if (isDatabaseUnavailable(err)) throw err;
}

/** Runs `stages` on one email; a stage that throws quarantines it (kept whole) and ends its run. */
async function runStages(
  mail: MailContext,
  deps: PipelineDeps,
  stages: [string, Stage][],
  state: { quarantineId: string | null; done: boolean },
) {
  for (const [name, stage] of stages) {
    if (state.done || mail.outcome) return; // an early outcome skips to persist
    try {
      await stage(mail, deps);
    } catch (err) {
      unlessDatabaseAway(err);
      state.done = true;
      state.quarantineId = await quarantine(mail, deps, name, reasonOf(err));
    }
  }
}

/**
 * A fetched batch through the pipeline: stage 1 on each, the batch look-ups, stages 2–11 on each, then ONE
 * transaction for every decision (persistBatch) — or, should it fail, each email on its own, so that only a
 * bad one is quarantined — and stage 13 for the emails found already done. Results in the batch's order.
 */
export async function processEmails(deps: PipelineDeps, batch: IncomingEmail[]): Promise<ProcessResult[]> {
  const started = performance.now();
  const mails: MailContext[] = batch.map((b) => ({ raw: b.raw, source: b.source }));
  const states = mails.map(() => ({ quarantineId: null as string | null, done: false }));
  // Each email's own log lines carry its correlation id (by Message-ID once parsed, else by content).
  const own = new Map<MailContext, PipelineDeps>();
  const depsOf = (mail: MailContext) => own.get(mail) ?? deps;
  for (const [i, mail] of mails.entries()) {
    await runStages(mail, deps, STAGES.slice(0, 1), states[i]);
    const key = mail.parsed?.messageId ?? mail.contentHash ?? emailContentHash(mail.raw);
    own.set(mail, { ...deps, ctx: withCorrelation(deps.ctx, correlationIdFor("email", key)) });
  }
  await prefetchBatch(
    mails.filter((_, i) => !states[i].done),
    deps,
  ).catch((err) => deps.ctx.log.child({ component: "mail" }).warn({ err }, "batch look-ups failed: each email asks on its own"));
  for (const [i, mail] of mails.entries()) await runStages(mail, depsOf(mail), STAGES.slice(1), states[i]);
  for (const [i, mail] of mails.entries()) {
    if (mail.outcome?.action === "quarantine" && !states[i].done) {
      states[i].done = true;
      states[i].quarantineId = await quarantine(mail, depsOf(mail), mail.outcome.stage, mail.outcome.reason);
    }
  }
  const toPersist = mails.filter((m, i) => !states[i].done && m.outcome?.action !== "duplicate");
  const committed = await persistBatch(toPersist, deps).catch(() => false);
  if (!committed) {
    for (const mail of toPersist) {
      const state = states[mails.indexOf(mail)];
      try {
        await persistStage(mail, depsOf(mail));
      } catch (err) {
        unlessDatabaseAway(err);
        state.done = true;
        state.quarantineId = await quarantine(mail, depsOf(mail), "12-persist", reasonOf(err));
      }
    }
  }
  const results: ProcessResult[] = [];
  for (const [i, mail] of mails.entries()) {
    await notifyStage(mail, depsOf(mail));
    const r: ProcessResult = {
      ...resultOf(mail),
      ...(states[i].quarantineId ? { quarantineId: states[i].quarantineId } : {}),
      seconds: (performance.now() - started) / 1000,
    };
    if (!deps.dryRun)
      depsOf(mail)
        .ctx.log.child({ component: "mail" })
        .debug({ action: r.action, intent: r.intent, ticketId: r.ticketId ?? null, ms: Math.round(r.seconds! * 1000) }, "email processed");
    results.push(r);
  }
  return results;
}

export async function processEmail(deps: PipelineDeps, raw: Buffer, source: MailSource): Promise<ProcessResult> {
  return (await processEmails(deps, [{ raw, source }]))[0];
}

/** `mail replay ID`: the quarantined email through the whole pipeline again. */
export async function replayQuarantined(deps: PipelineDeps, id: string): Promise<ProcessResult> {
  const q = await getQuarantinedEmail(deps.ctx, { id });
  if (q.resolvedAt)
    return {
      action: "duplicate",
      intent: null,
      lang: null,
      school: null,
      child: null,
      oen: null,
      reason: "already_resolved",
      quarantineId: q.id,
    };
  return processEmail(deps, q.raw, { mailbox: q.mailbox, replayOf: q.id });
}
