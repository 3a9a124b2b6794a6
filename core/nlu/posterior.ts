/**
 * From the model's raw logits to the probabilities classify() reports. Two questions, answered apart:
 * is the message about the portal at all (the out-of-scope detector, combined with the intent model's own
 * `none` logit), and if so, which of the 25 portal intents. Both are calibrated on messages written by
 * other people than the corpus' authors (model.ts Calibration, fitted by calibrate.ts), so that 0.8 means
 * right about 8 times in 10 on parents' real phrasing, not on the corpus' own.
 * P(none) = P(out); P(intent) = (1 − P(out)) · softmax_T(intent | in scope).
 * When the two questions disagree (the detector is not sure enough that the message is ours, or the intent
 * model's own `none` logit is its largest) a portal answer is doubtful and its confidence is capped
 * (doubtful(), used by classifier.ts): on fresh parents' messages those answers were wrong about a third of
 * the time, however sure the softmax was.
 */
import type { Model } from "./model";

/** z_none − logsumexp(z_others): how much the intent model itself prefers `none`. */
export function noneMargin(logits: ArrayLike<number>, noneIdx: number, k: number): number {
  let max = -Infinity;
  for (let c = 0; c < k; c++) if (c !== noneIdx && logits[c] > max) max = logits[c];
  let sum = 0;
  for (let c = 0; c < k; c++) if (c !== noneIdx) sum += Math.exp(logits[c] - max);
  return logits[noneIdx] - (Math.log(sum) + max);
}

const noneIndex = new WeakMap<Model, number>();

/** Filled by posterior() when asked: the intent model's own preference for `none` (noneMargin). */
export interface PosteriorInfo {
  noneMargin: number;
}

export function posterior(model: Model, logits: Float64Array, info?: PosteriorInfo): Float64Array {
  const k = model.intents.length;
  let none = noneIndex.get(model);
  if (none === undefined) noneIndex.set(model, (none = model.intents.indexOf("none")));
  const { temperature, scopeA, scopeB, scopeC } = model.calibration;
  const margin = noneMargin(logits, none, k);
  if (info) info.noneMargin = margin;
  const pOut = 1 / (1 + Math.exp(-(scopeA * logits[k] + scopeB * margin + scopeC)));
  const probs = new Float64Array(k);
  let max = -Infinity;
  for (let c = 0; c < k; c++) if (c !== none && logits[c] > max) max = logits[c];
  let sum = 0;
  for (let c = 0; c < k; c++) if (c !== none) sum += probs[c] = Math.exp((logits[c] - max) / temperature);
  for (let c = 0; c < k; c++) probs[c] = c === none ? pOut : ((1 - pOut) * probs[c]) / sum;
  return probs;
}

/**
 * Is answering `best` (an index into model.intents) doubtful? The scope question disagrees (see the
 * header), or too many of the message's words were never seen in training (`unknown` of them, out of
 * `tokens`): a parent writing about something the corpus never covered.
 */
export function doubtful(model: Model, probs: ArrayLike<number>, best: number, margin: number, unknown = 0, tokens = 1): boolean {
  const none = noneIndex.get(model) ?? model.intents.indexOf("none");
  if (best === none) return false;
  const { doubtOut, doubtUnknown } = model.calibration;
  return probs[none] > doubtOut || margin > 0 || (unknown > 0 && unknown >= doubtUnknown * tokens);
}
