/**
 * Public interface of the language understanding: what the bot and the mail agent call.
 * classify() never throws: bad input (empty, emoji, HTML, control characters, huge text) gives a
 * clean `none` or a low-confidence intent.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { classifyPrepared, prepareText, type IntentScore } from "./classifier";
import { detectLanguage as detect, type Lang } from "./language";
import { secondaryRequests } from "./secondary";
import { fold } from "./normalize";
import { NOT_OFFERED_AS_RUNNER_UP, type IntentId } from "./intents";
import type { Calibration } from "./model";

export type { Lang } from "./language";
export type { IntentScore } from "./classifier";

export interface Classification {
  intent: IntentId;
  confidence: number;
  runnerUp: IntentScore;
  lang: Lang;
  otherLanguage: boolean;
  /** Other portal requests in the same message (« …et son horaire »), in the order asked; the bot may offer them next. */
  also: IntentId[];
}

export interface ClassifyOptions {
  channel?: "chat" | "email";
  /** First names of the parent's children: a context signal that the message is about the portal. */
  children?: readonly string[];
}

/**
 * Calibrated on messages written by other people than the corpus' authors (calibrate.ts). Below
 * CLARIFY_BELOW the bot should ask which of `intent` and `runnerUp.intent` was meant rather than answer:
 * the threshold that minimised the cost of wrong answers plus questions on those held-out messages.
 */
export const CALIBRATION: Calibration = JSON.parse(readFileSync(join(__dirname, "data", "calibration.json"), "utf8")) as Calibration;
export const CLARIFY_BELOW: number = CALIBRATION.clarifyBelow;

/**
 * The portal request an out-of-scope answer also offers, or null: the runner-up of a `none`, when it is a
 * request about the portal and at least CALIBRATION.offerRunnerUpAbove probable (fitted by calibrate.ts on the
 * calibration batches, where most wrong `none` answers had the right intent second). One tap then recovers
 * the parent whose question the classifier took for another subject.
 */
export function runnerUpOffer(c: Pick<Classification, "intent" | "confidence" | "runnerUp">): IntentId | null {
  // Confidence 0: no word the model knows (classifier.ts), the runner-up is only the character n-grams' guess.
  if (c.intent !== "none" || c.confidence === 0 || NOT_OFFERED_AS_RUNNER_UP.has(c.runnerUp.intent)) return null;
  return c.runnerUp.confidence >= CALIBRATION.offerRunnerUpAbove ? (c.runnerUp.intent as IntentId) : null;
}

export function classify(text: string, opts?: ClassifyOptions): Classification {
  const safe = typeof text === "string" ? text : "";
  // The parent's own words decide both the intent and the language: not a forwarded message or a quoted reply.
  const prepared = prepareText(safe, opts?.channel ?? "chat");
  const names = opts?.children?.length ? new Set(opts.children.map((n) => fold(String(n)).trim()).filter(Boolean)) : undefined;
  const { best, runnerUp } = classifyPrepared(prepared, undefined, names);
  const { lang, otherLanguage } = detect(prepared.trim() === "" ? safe : prepared);
  const also = secondaryRequests(prepared, best.intent, (clause) => classifyPrepared(clause, undefined, names).best);
  // A message that asks two things: which one is the main request is itself a guess (posterior.ts doubt cap).
  const confidence = also.length > 0 ? Math.min(best.confidence, CALIBRATION.doubtCap) : best.confidence;
  return { intent: best.intent, confidence, runnerUp, lang, otherLanguage, also };
}

export function detectLanguage(text: string): { lang: Lang; otherLanguage: boolean } {
  return detect(typeof text === "string" ? text : "");
}

export { INTENTS, NOT_REQUESTS, type IntentId } from "./intents";
export * from "./entities";
