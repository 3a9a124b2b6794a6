/**
 * From the model's raw logits to the probabilities classify() reports. Two questions, answered apart:
 * is the message about the portal at all (the out-of-scope detector, combined with the intent model's own
 * `none` logit), and if so, which of the 25 portal intents. Both are calibrated on messages written by
 * other people than the corpus' authors (model.ts Calibration, fitted by calibrate.ts), so that 0.8 means
 * right about 8 times in 10 on parents' real phrasing, not on the corpus' own.
 * P(none) = P(out); P(intent) = (1 − P(out)) · softmax_T(intent | in scope).
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

export function posterior(model: Model, logits: Float64Array): Float64Array {
  const k = model.intents.length;
  let none = noneIndex.get(model);
  if (none === undefined) noneIndex.set(model, (none = model.intents.indexOf("none")));
  const { temperature, scopeA, scopeB, scopeC } = model.calibration;
  const pOut = 1 / (1 + Math.exp(-(scopeA * logits[k] + scopeB * noneMargin(logits, none, k) + scopeC)));
  const probs = new Float64Array(k);
  let max = -Infinity;
  for (let c = 0; c < k; c++) if (c !== none && logits[c] > max) max = logits[c];
  let sum = 0;
  for (let c = 0; c < k; c++) if (c !== none) sum += probs[c] = Math.exp((logits[c] - max) / temperature);
  for (let c = 0; c < k; c++) probs[c] = c === none ? pOut : ((1 - pOut) * probs[c]) / sum;
  return probs;
}
