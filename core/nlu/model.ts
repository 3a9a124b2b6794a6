/**
 * The trained model's on-disk form (core/nlu/data/model.json) and its in-memory form. Weights are
 * stored as base64 little-endian Float32, feature-major (one row of |intents| weights per feature),
 * which keeps the file compact and loading a single JSON.parse plus one typed-array copy.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { INTENTS, isIntentId, type IntentId } from "./intents";

export interface ModelFile {
  format: "aide-portail-nlu/1";
  intents: string[];
  features: string[];
  bias: number[];
  weights: string; // base64 Float32Array, features.length × intents.length
}

export interface Model {
  intents: IntentId[];
  index: Map<string, number>;
  bias: Float32Array;
  weights: Float32Array;
}

export const MODEL_PATH = join(__dirname, "data", "model.json");

export function encodeModel(intents: readonly string[], features: string[], bias: ArrayLike<number>, weights: Float32Array): ModelFile {
  return {
    format: "aide-portail-nlu/1",
    intents: [...intents],
    features,
    bias: Array.from(bias, (x) => Math.round(x * 1e5) / 1e5),
    weights: Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength).toString("base64"),
  };
}

export function decodeModel(file: ModelFile): Model {
  if (file.format !== "aide-portail-nlu/1") throw new Error(`nlu model: unknown format ${String(file.format)}`);
  const intents = file.intents.filter(isIntentId);
  if (intents.length !== file.intents.length || intents.length !== INTENTS.length) {
    throw new Error("nlu model: its intent list does not match core/nlu/intents.ts — retrain it (npx tsx core/nlu/train.ts)");
  }
  const buf = Buffer.from(file.weights, "base64");
  // Copy into an aligned buffer: Buffer.from may return a view at an odd offset of Node's pool.
  const weights = new Float32Array(buf.byteLength / 4);
  new Uint8Array(weights.buffer).set(buf);
  if (weights.length !== file.features.length * intents.length) throw new Error("nlu model: weight matrix has the wrong size");
  const index = new Map<string, number>();
  file.features.forEach((f, i) => index.set(f, i));
  return { intents, index, bias: Float32Array.from(file.bias), weights };
}

export function loadModel(path: string = MODEL_PATH): Model {
  return decodeModel(JSON.parse(readFileSync(path, "utf8")) as ModelFile);
}
