/**
 * Public interface of the language understanding: what the bot and the mail agent call.
 * classify() never throws: bad input (empty, emoji, HTML, control characters, huge text) gives a
 * clean `none` or a low-confidence intent.
 */
import { classifyPrepared, prepareText, type IntentScore } from "./classifier";
import { detectLanguage as detect, type Lang } from "./language";
import type { IntentId } from "./intents";

export type { Lang } from "./language";
export type { IntentScore } from "./classifier";

export interface Classification {
  intent: IntentId;
  confidence: number;
  runnerUp: IntentScore;
  lang: Lang;
  otherLanguage: boolean;
}

export function classify(text: string, opts?: { channel?: "chat" | "email" }): Classification {
  const safe = typeof text === "string" ? text : "";
  // The parent's own words decide both the intent and the language: not a forwarded message or a quoted reply.
  const prepared = prepareText(safe, opts?.channel ?? "chat");
  const { best, runnerUp } = classifyPrepared(prepared);
  const { lang, otherLanguage } = detect(prepared.trim() === "" ? safe : prepared);
  return { intent: best.intent, confidence: best.confidence, runnerUp, lang, otherLanguage };
}

export function detectLanguage(text: string): { lang: Lang; otherLanguage: boolean } {
  return detect(typeof text === "string" ? text : "");
}

export { INTENTS, type IntentId } from "./intents";
export * from "./entities";
