/**
 * Calibration of the classifier's probabilities on messages the corpus' authors did not write and the
 * model never learned from (issue 13): the parents' batches whose role is calibration (parent-sets.ts,
 * test/fixtures/nlu/README.md) — never a training batch, never a held-out one. A split by author and
 * batch, not by template: templates share their authors' phrasing, and a model calibrated on sentences it
 * learned is far surer of itself than it should be on a parent's own words.
 * Fitted, all deterministic:
 *  - the temperature of the 25 portal intents' softmax (log-loss of the in-scope messages);
 *  - the out-of-scope probability σ(a·z_scope + b·margin_none + c) (logistic regression, Newton steps);
 *  - the doubt cap (posterior.ts doubtful()): portal answers the scope detector disagrees with (P(out) above
 *    DOUBT_OUT, a `none`-first intent model, a fifth of their words unknown to the model) are right less
 *    often than their softmax says, whatever it says: their confidence is capped at the share of them that
 *    were right on the calibration batches (fewer than DOUBT_MIN_COUNT such answers: DOUBT_CAP, the figure
 *    of issue 13's second round, where such answers on fresh batches were right six times in ten);
 *  - the clarification threshold: the confidence below which asking « did you mean A or B? » costs less
 *    than answering (a wrong answer costs 1, a question whose two options hold the answer 0.25, one that
 *    does not 0.5 — the parent rephrases);
 *  - the runner-up offer of an out-of-scope answer: the probability of the second intent above which the
 *    bot also offers it (a wrong `none` whose right intent was second and not offered costs 1, a button the
 *    parent did not need COST_OFFER_UNNEEDED).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { prepareText, rawLogits } from "./classifier";
import { featureTokens } from "./features";
import { isIntentId, NOT_OFFERED_AS_RUNNER_UP, type IntentId } from "./intents";
import { doubtful, posterior, noneMargin } from "./posterior";
import type { Calibration, Model } from "./model";
import { CALIBRATION_SETS, parentSetPath } from "./parent-sets";

/** The calibration alone, read at import by index.ts (CLARIFY_BELOW) without parsing the whole model. */
export const CALIBRATION_PATH = join(__dirname, "data", "calibration.json");
export const CALIBRATION_FILES = CALIBRATION_SETS.map(parentSetPath);

export interface HeldLine {
  text: string;
  intent: IntentId;
  channel?: "email";
}

export function readCalibrationSet(path: string): HeldLine[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as HeldLine)
    .filter((l) => typeof l.text === "string" && isIntentId(l.intent));
}

export const DOUBT_OUT = 0.015;
export const DOUBT_UNKNOWN = 0.2;
export const DOUBT_CAP = 0.6;
export const DOUBT_MIN_COUNT = 20;
/** The cap stays below a confident answer's 0.8 and above a coin toss between two intents. */
const DOUBT_CAP_RANGE = [0.5, 0.75] as const;

export const COST_WRONG = 1;
export const COST_ASK_USEFUL = 0.25;
export const COST_ASK_USELESS = 0.5;
/**
 * A button under an out-of-scope answer that the parent did not need: one more thing to read, nothing to undo
 * (a wrong answer costs 1, an unneeded question 0.5 because the parent must answer it; a button need not be
 * touched). A tenth of a wrong answer.
 */
export const COST_OFFER_UNNEEDED = 0.1;

/** One calibration message as a model saw it: raw logits, the true intent's index, unknown words of the model. */
export interface ScoredLine {
  z: Float64Array;
  y: number;
  unknown: number;
  tokens: number;
}

/** Scores calibration messages with the model that must not have learned them (the full model, or a fold's). */
export function scoreLines(model: Model, lines: readonly HeldLine[]): ScoredLine[] {
  return lines.map((l) => {
    const prepared = prepareText(l.text, l.channel === "email" ? "email" : "chat");
    const tokens = featureTokens(prepared);
    const unknown = tokens.filter((t) => !model.index.has("w:" + t)).length;
    return { z: rawLogits(model, prepared).logits, y: model.intents.indexOf(l.intent), unknown, tokens: tokens.length };
  });
}

export function fitCalibration(model: Model, lines: readonly HeldLine[]): Calibration {
  return fitCalibrationScored(model, scoreLines(model, lines));
}

/** `model` gives the intents and the shape; `held` may come from other models (train.ts's author folds). */
export function fitCalibrationScored(model: Model, held: readonly ScoredLine[]): Calibration {
  const k = model.intents.length;
  const none = model.intents.indexOf("none");

  // 1. Temperature of the in-scope softmax.
  const inScope = held.filter((h) => h.y !== none);
  const nll = (t: number) => {
    let sum = 0;
    for (const { z, y } of inScope) {
      let max = -Infinity;
      for (let c = 0; c < k; c++) if (c !== none) max = Math.max(max, z[c] / t);
      let e = 0;
      for (let c = 0; c < k; c++) if (c !== none) e += Math.exp(z[c] / t - max);
      sum += Math.log(e) + max - z[y] / t;
    }
    return sum / Math.max(1, inScope.length);
  };
  let lo = 0.05;
  let hi = 10;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 50; i++) {
    const a = hi - g * (hi - lo);
    const c = lo + g * (hi - lo);
    if (nll(a) < nll(c)) hi = c;
    else lo = a;
  }
  const temperature = round((lo + hi) / 2);

  // 2. Out-of-scope probability: logistic regression on (z_scope, margin), a little L2 on the slopes.
  const xs = held.map((h) => [h.z[k], noneMargin(h.z, none, k), 1]);
  const ys = held.map((h) => (h.y === none ? 1 : 0));
  const w = [1, 0, 0];
  const l2 = 1e-2;
  for (let it = 0; it < 50; it++) {
    const grad = [0, 0, 0];
    const hess = [0, 0, 0, 0, 0, 0, 0, 0, 0];
    xs.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-(w[0] * x[0] + w[1] * x[1] + w[2] * x[2])));
      for (let a = 0; a < 3; a++) {
        grad[a] += (p - ys[i]) * x[a];
        for (let b = 0; b < 3; b++) hess[a * 3 + b] += p * (1 - p) * x[a] * x[b];
      }
    });
    for (let a = 0; a < 2; a++) {
      grad[a] += l2 * xs.length * w[a];
      hess[a * 3 + a] += l2 * xs.length;
    }
    hess[8] += 1e-6;
    const step = solve3(hess, grad);
    for (let a = 0; a < 3; a++) w[a] -= step[a];
    if (Math.hypot(...step) < 1e-9) break;
  }
  const partial: Calibration = {
    temperature,
    scopeA: round(w[0]),
    scopeB: round(w[1]),
    scopeC: round(w[2]),
    clarifyBelow: 0,
    doubtOut: DOUBT_OUT,
    doubtUnknown: DOUBT_UNKNOWN,
    doubtCap: DOUBT_CAP,
    offerRunnerUpAbove: 1,
  };

  // 3. Doubt cap: how often the doubtful portal answers were right.
  const scoped = { ...model, calibration: partial };
  const ranked = held.map(({ z, y, unknown, tokens }) => {
    const info = { noneMargin: 0 };
    const probs = posterior(scoped, z, info);
    let best = 0;
    for (let c = 1; c < k; c++) if (probs[c] > probs[best]) best = c;
    return { right: best === y, doubtful: doubtful(scoped, probs, best, info.noneMargin, unknown, tokens) };
  });
  const doubted = ranked.filter((r) => r.doubtful);
  const doubtCap =
    doubted.length < DOUBT_MIN_COUNT
      ? DOUBT_CAP
      : Math.min(
          DOUBT_CAP_RANGE[1],
          Math.max(DOUBT_CAP_RANGE[0], Math.round((100 * doubted.filter((r) => r.right).length) / doubted.length) / 100),
        );
  partial.doubtCap = doubtCap;

  // 4. Clarification threshold, from the calibrated answers.
  const calibrated = { ...model, calibration: partial };
  const answers = held.map(({ z, y, unknown, tokens }) => {
    const info = { noneMargin: 0 };
    const probs = posterior(calibrated, z, info);
    let b = 0;
    let r = 1;
    if (probs[r] > probs[b]) [b, r] = [r, b];
    for (let c = 2; c < k; c++) {
      if (probs[c] > probs[b]) [r, b] = [b, c];
      else if (probs[c] > probs[r]) r = c;
    }
    const conf = doubtful(calibrated, probs, b, info.noneMargin, unknown, tokens) ? Math.min(probs[b], doubtCap) : probs[b];
    const names = model.intents;
    return { conf, right: b === y, inTwo: b === y || r === y, best: names[b], runnerUp: names[r], p2: probs[r], truth: names[y] };
  });
  let best = { t: 0, cost: Infinity };
  for (let t = 0.3; t <= 0.9001; t += 0.01) {
    let cost = 0;
    for (const a of answers) {
      if (a.conf >= t) cost += a.right ? 0 : COST_WRONG;
      else cost += a.inTwo ? COST_ASK_USEFUL : COST_ASK_USELESS;
    }
    if (cost < best.cost - 1e-9) best = { t: Math.round(t * 100) / 100, cost };
  }
  return { ...partial, clarifyBelow: best.t, offerRunnerUpAbove: fitRunnerUpOffer(answers, model.intents[none]) };
}

/** The runner-up probability above which an out-of-scope answer also offers its runner-up (header, last point). */
function fitRunnerUpOffer(answers: readonly { best: string; runnerUp: string; p2: number; truth: string }[], none: string): number {
  const outOfScope = answers.filter((a) => a.best === none && !NOT_OFFERED_AS_RUNNER_UP.has(a.runnerUp as IntentId));
  let best = { t: 1, cost: Infinity };
  for (let t = 0.5; t >= 0.0099; t -= 0.01) {
    let cost = 0;
    for (const a of outOfScope) {
      if (a.p2 >= t) cost += a.truth === a.runnerUp ? 0 : COST_OFFER_UNNEEDED;
      else cost += a.truth === a.runnerUp ? COST_WRONG : 0;
    }
    if (cost < best.cost - 1e-9) best = { t: Math.round(t * 100) / 100, cost };
  }
  return best.t;
}

const round = (x: number) => Math.round(x * 1e5) / 1e5;

/** Solves the 3×3 system H·x = g (Cramer's rule: the matrix is small and well conditioned here). */
function solve3(h: number[], g: number[]): number[] {
  const det = (m: number[]) => m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
  const d = det(h);
  return [0, 1, 2].map((col) => {
    const m = h.slice();
    for (let r = 0; r < 3; r++) m[r * 3 + col] = g[r];
    return det(m) / d;
  });
}
