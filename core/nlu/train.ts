/**
 * Trains the intent model and writes core/nlu/data/model.json (committed, loaded at start-up).
 * Multinomial logistic regression over the sparse features of features.ts, trained by AdaGrad with
 * L2 regularisation; the sample order comes from a seeded generator so two runs give the same model.
 * Features seen only once in the corpus are dropped (they are mostly typos of one template) and
 * near-zero weights are pruned, which keeps the file small and loading fast.
 * Run: npx tsx core/nlu/build-corpus.ts && npx tsx core/nlu/train.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { extractFeatures } from "./features";
import { prepareText } from "./classifier";
import { INTENTS, isIntentId } from "./intents";
import { encodeModel, MODEL_PATH } from "./model";
import { seededRng } from "./corpus/augment";

interface Sample {
  idx: Int32Array;
  val: Float32Array;
  y: number;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  minCount: number;
  pruneBelow: number;
  seed: number;
}

const DEFAULTS: TrainOptions = { epochs: 30, learningRate: 0.4, l2: 3e-4, minCount: 2, pruneBelow: 2e-3, seed: 7 };

export function readJsonl(path: string): { text: string; intent: string; channel?: "email" }[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

export function train(lines: { text: string; intent: string; channel?: "email" }[], opts: TrainOptions = DEFAULTS) {
  const k = INTENTS.length;
  const extracted = lines.map((l) => {
    if (!isIntentId(l.intent)) throw new Error(`unknown intent in corpus: ${l.intent}`);
    return { fv: extractFeatures(prepareText(l.text, l.channel === "email" ? "email" : "chat")), y: INTENTS.indexOf(l.intent) };
  });
  const counts = new Map<string, number>();
  for (const { fv } of extracted) for (const key of fv.keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  // Word features are kept from a single occurrence: a rare word is often the telling one (« NISO »).
  const features = [...counts.keys()].filter((f) => (counts.get(f) ?? 0) >= opts.minCount || f.startsWith("w:")).sort();
  const index = new Map(features.map((f, i) => [f, i]));
  const samples: Sample[] = extracted.map(({ fv, y }) => {
    const idx: number[] = [];
    const val: number[] = [];
    fv.keys.forEach((key, i) => {
      const f = index.get(key);
      if (f !== undefined) {
        idx.push(f);
        val.push(fv.values[i]);
      }
    });
    return { idx: Int32Array.from(idx), val: Float32Array.from(val), y };
  });

  const W = new Float32Array(features.length * k);
  const G = new Float32Array(features.length * k).fill(1e-8);
  const b = new Float64Array(k);
  const gb = new Float64Array(k).fill(1e-8);
  const rng = seededRng(opts.seed);
  const order = samples.map((_, i) => i);
  const p = new Float64Array(k);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let loss = 0;
    for (const si of order) {
      const s = samples[si];
      for (let c = 0; c < k; c++) p[c] = b[c];
      for (let t = 0; t < s.idx.length; t++) {
        const row = s.idx[t] * k;
        for (let c = 0; c < k; c++) p[c] += s.val[t] * W[row + c];
      }
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, p[c]);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += (p[c] = Math.exp(p[c] - max));
      for (let c = 0; c < k; c++) p[c] /= sum;
      loss -= Math.log(Math.max(p[s.y], 1e-12));
      for (let c = 0; c < k; c++) {
        const g = p[c] - (c === s.y ? 1 : 0);
        gb[c] += g * g;
        b[c] -= (opts.learningRate * g) / Math.sqrt(gb[c]);
        for (let t = 0; t < s.idx.length; t++) {
          const at = s.idx[t] * k + c;
          const gw = g * s.val[t] + opts.l2 * W[at];
          G[at] += gw * gw;
          W[at] -= (opts.learningRate * gw) / Math.sqrt(G[at]);
        }
      }
    }
    if (epoch % 5 === 4 || epoch === opts.epochs - 1) console.error(`epoch ${epoch + 1}: mean loss ${(loss / samples.length).toFixed(4)}`);
  }
  return prune(features, W, b, opts.pruneBelow);
}

/** Drops features whose whole weight row is negligible and rounds weights (smaller file, same decisions). */
function prune(features: string[], W: Float32Array, b: Float64Array, below: number) {
  const k = INTENTS.length;
  const keptNames: string[] = [];
  const keptRows: number[] = [];
  features.forEach((f, i) => {
    let max = 0;
    for (let c = 0; c < k; c++) max = Math.max(max, Math.abs(W[i * k + c]));
    if (max >= below) {
      keptNames.push(f);
      keptRows.push(i);
    }
  });
  const out = new Float32Array(keptRows.length * k);
  keptRows.forEach((row, r) => out.set(W.subarray(row * k, row * k + k), r * k));
  return encodeModel(INTENTS, keptNames, b, out);
}

if (require.main === module) {
  const started = Date.now();
  const lines = readJsonl(join(__dirname, "data", "train.jsonl"));
  const model = train(lines);
  writeFileSync(MODEL_PATH, JSON.stringify(model));
  console.log(`model.json: ${model.features.length} features, trained on ${lines.length} lines in ${Date.now() - started} ms`);
}
