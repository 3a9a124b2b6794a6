/**
 * The trained model's on-disk form (core/nlu/data/model.json) and its in-memory form. Weights are
 * stored as base64 little-endian Float32, feature-major (one row of |intents| weights per feature),
 * which keeps the file compact and loading a single JSON.parse plus one typed-array copy.
 * Format 2 adds one column after the intents: the logit of the out-of-scope detector (a binary logistic
 * regression on the same features, trained apart), and the calibration fitted on held-out batches.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { INTENTS, isIntentId, type IntentId } from "./intents";

/**
 * Fitted on messages written by other people than the corpus' authors (train.ts, calibrate.ts):
 * in-scope confidence = softmax(z_intents / temperature) over the 25 portal intents; out-of-scope
 * probability = σ(scopeA·z_scope + scopeB·(z_none − logsumexp z_others) + scopeC).
 */
export interface Calibration {
  temperature: number;
  scopeA: number;
  scopeB: number;
  scopeC: number;
  /** Below this confidence the bot asks which of the two best intents was meant. */
  clarifyBelow: number;
  /**
   * A portal answer is doubtful when the out-of-scope probability is above doubtOut, when the intent
   * model's own `none` logit is its largest, when at least doubtUnknown of its words are unknown to the
   * model, or when the message asks two things (index.ts): its confidence is then at most doubtCap
   * (calibrate.ts says where the figures come from).
   */
  doubtOut: number;
  doubtUnknown: number;
  doubtCap: number;
  /**
   * An out-of-scope answer whose runner-up is a portal request at least this probable also offers that request
   * (one button, under « Si votre question portait plutôt sur le Portail Famille, choisissez : »): on the calibration batches, most `none`
   * answers that were wrong had the right intent second.
   */
  offerRunnerUpAbove: number;
}

export const IDENTITY_CALIBRATION: Calibration = {
  temperature: 1,
  scopeA: 1,
  scopeB: 0,
  scopeC: 0,
  clarifyBelow: 0.5,
  doubtOut: 1,
  doubtUnknown: 2,
  doubtCap: 1,
  offerRunnerUpAbove: 1,
};

export interface ModelFile {
  format: "aide-portail-nlu/2";
  intents: string[];
  features: string[];
  bias: number[];
  weights: string; // base64 Float32Array, features.length × (intents.length + 1)
  calibration: Calibration;
}

export interface Model {
  intents: IntentId[];
  index: Map<string, number>;
  /** intents.length + 1: the last column is the out-of-scope detector's logit. */
  cols: number;
  bias: Float32Array;
  weights: Float32Array;
  calibration: Calibration;
}

export const MODEL_PATH = join(__dirname, "data", "model.json");

export function encodeModel(
  intents: readonly string[],
  features: string[],
  bias: ArrayLike<number>,
  weights: Float32Array,
  calibration: Calibration = IDENTITY_CALIBRATION,
): ModelFile {
  return {
    format: "aide-portail-nlu/2",
    intents: [...intents],
    features,
    bias: Array.from(bias, (x) => Math.round(x * 1e5) / 1e5),
    weights: Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength).toString("base64"),
    calibration,
  };
}

export function decodeModel(file: ModelFile): Model {
  if (file.format !== "aide-portail-nlu/2") throw new Error(`nlu model: unknown format ${String(file.format)}`);
  const intents = file.intents.filter(isIntentId);
  if (intents.length !== file.intents.length || intents.length !== INTENTS.length) {
    throw new Error("nlu model: its intent list does not match core/nlu/intents.ts — retrain it (npx tsx core/nlu/train.ts)");
  }
  const buf = Buffer.from(file.weights, "base64");
  // Copy into an aligned buffer: Buffer.from may return a view at an odd offset of Node's pool.
  const weights = new Float32Array(buf.byteLength / 4);
  new Uint8Array(weights.buffer).set(buf);
  const cols = intents.length + 1;
  if (weights.length !== file.features.length * cols || file.bias.length !== cols)
    throw new Error("nlu model: weight matrix has the wrong size");
  const index = new Map<string, number>();
  file.features.forEach((f, i) => index.set(f, i));
  return {
    intents,
    index,
    cols,
    bias: Float32Array.from(file.bias),
    weights,
    calibration: { ...IDENTITY_CALIBRATION, ...file.calibration },
  };
}

export function loadModel(path: string = MODEL_PATH): Model {
  return decodeModel(JSON.parse(readFileSync(path, "utf8")) as ModelFile);
}
