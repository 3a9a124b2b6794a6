/**
 * Intent classification: prepares the text (email request extraction), extracts features, scores them
 * with the linear model (multinomial logistic regression trained by train.ts) and returns the best intent,
 * its probability and the runner-up. A message in which the model recognises nothing (empty, emoji only,
 * keyboard mashing) is `none` — guessing an account intent from noise would send a parent down a wrong flow.
 */
import { extractFeatures } from "./features";
import { extractRequest } from "./email-text";
import { cleanText } from "./normalize";
import { loadModel, type Model } from "./model";
import { scoreFast } from "./score";
import { doubtful, posterior } from "./posterior";
import type { IntentId } from "./intents";

export interface IntentScore {
  intent: IntentId;
  confidence: number;
}

export type Channel = "chat" | "email";

let cached: Model | undefined;

const UNKNOWN_WORDS_MIN_CONFIDENCE = 0.6;

/** Loaded lazily once per process; callers that want the cost at start-up can call it early. */
export function getModel(): Model {
  if (!cached) cached = loadModel();
  return cached;
}

/** The text the model actually reads. Training uses the same function, so both sides agree. */
export function prepareText(text: string, channel: Channel = "chat"): string {
  const clean = cleanText(text);
  // A chat message with several paragraphs is usually a pasted email; treat it the same way.
  if (channel === "email" || /\n\s*\n/.test(clean)) return extractRequest(clean);
  return clean;
}

/** The model's raw logits (intents, then the out-of-scope detector) through the string features used in training. */
export function rawLogits(model: Model, prepared: string, names?: ReadonlySet<string>): { logits: Float64Array; known: number } {
  const { keys, values } = extractFeatures(prepared, names);
  const k = model.cols;
  const logits = new Float64Array(k);
  for (let c = 0; c < k; c++) logits[c] = model.bias[c];
  let known = 0;
  for (let i = 0; i < keys.length; i++) {
    const f = model.index.get(keys[i]);
    if (f === undefined) continue;
    if (keys[i].charCodeAt(0) === 119 /* 'w' */) known++;
    const v = values[i];
    const row = f * k;
    for (let c = 0; c < k; c++) logits[c] += v * model.weights[row + c];
  }
  return { logits, known };
}

/** Reference scoring (training-time features); classify() uses scoreFast (score.ts), a test keeps them equal. */
export function scoreReference(model: Model, prepared: string, names?: ReadonlySet<string>): { probs: Float64Array; known: number } {
  const { logits, known } = rawLogits(model, prepared, names);
  return { probs: posterior(model, logits), known };
}

export function classifyIntent(
  text: string,
  channel: Channel = "chat",
  model: Model = getModel(),
): { best: IntentScore; runnerUp: IntentScore } {
  return classifyPrepared(prepareText(text, channel), model);
}

/** Same as classifyIntent, on a text already through prepareText (index.ts also detects its language). */
export function classifyPrepared(
  prepared: string,
  model: Model = getModel(),
  names?: ReadonlySet<string>,
): { best: IntentScore; runnerUp: IntentScore } {
  const { probs, known, tokens, noneMargin } = scoreFast(model, prepared, names);
  let b = 0;
  let r = -1;
  for (let c = 1; c < probs.length; c++) {
    if (probs[c] > probs[b]) {
      r = b;
      b = c;
    } else if (r < 0 || probs[c] > probs[r]) {
      r = c;
    }
  }
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const runnerUp = { intent: model.intents[r], confidence: round(probs[r]) };
  // No known word at all: only character n-grams spoke. Trust them when they are clear (« goodnight »,
  // « bulletinnn »), otherwise the text is noise (emoji, keyboard mashing, another script).
  if (known === 0 && probs[b] < UNKNOWN_WORDS_MIN_CONFIDENCE) {
    const guess = model.intents[b] === "none" ? runnerUp : { intent: model.intents[b], confidence: round(probs[b]) };
    return { best: { intent: "none", confidence: 0 }, runnerUp: guess };
  }
  let confidence = probs[b];
  // The scope detector and the intent model disagree: however sure the softmax is, cap it (posterior.ts).
  if (confidence > model.calibration.doubtCap && doubtful(model, probs, b, noneMargin, tokens - known, tokens))
    confidence = model.calibration.doubtCap;
  return { best: { intent: model.intents[b], confidence: round(confidence) }, runnerUp };
}
