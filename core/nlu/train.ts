/**
 * Trains the intent model and writes core/nlu/data/model.json (committed, loaded at start-up).
 * Multinomial logistic regression over the sparse features of features.ts, trained by AdaGrad with
 * L2 regularisation, plus one more column: the out-of-scope detector, a binary logistic regression
 * (`none` against every portal intent) on the same features, trained by the same pass with its own loss.
 * The sample order comes from a seeded generator so two runs give the same model. The probabilities are
 * then calibrated on messages written by other people than the corpus' authors (calibrate.ts).
 * Features seen only once in the corpus are dropped (they are mostly typos of one template) and
 * near-zero weights are pruned, which keeps the file small and loading fast.
 * Run: npx tsx core/nlu/build-corpus.ts && npx tsx core/nlu/train.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { extractFeatures } from "./features";
import { prepareText } from "./classifier";
import { INTENTS, isIntentId } from "./intents";
import { decodeModel, encodeModel, MODEL_PATH, type Calibration } from "./model";
import { CALIBRATION_FILES, CALIBRATION_PATH, fitCalibration, readCalibrationSet } from "./calibrate";
import { seededRng } from "./corpus/augment";
import { buildCorpus } from "./build-corpus";

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

type Line = { text: string; intent: string; channel?: "email"; group?: number };

export function readJsonl(path: string): Line[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

interface RawModel {
  features: string[];
  W: Float32Array;
  b: Float64Array;
}

export function train(lines: Line[], opts: TrainOptions = DEFAULTS) {
  const { features, W, b } = trainRaw(lines, opts);
  return prune(features, W, b, opts.pruneBelow);
}

/** Width of a weight row: the intents, then the out-of-scope detector. */
const COLS = INTENTS.length + 1;
const NONE = INTENTS.indexOf("none");

/** The unpruned weights of one logistic regression. */
export function trainRaw(lines: Line[], opts: TrainOptions = DEFAULTS): RawModel {
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

  const W = new Float32Array(features.length * COLS);
  const G = new Float32Array(features.length * COLS).fill(1e-8);
  const b = new Float64Array(COLS);
  const gb = new Float64Array(COLS).fill(1e-8);
  const rng = seededRng(opts.seed);
  const order = samples.map((_, i) => i);
  const p = new Float64Array(COLS);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let loss = 0;
    for (const si of order) {
      const s = samples[si];
      for (let c = 0; c < COLS; c++) p[c] = b[c];
      for (let t = 0; t < s.idx.length; t++) {
        const row = s.idx[t] * COLS;
        for (let c = 0; c < COLS; c++) p[c] += s.val[t] * W[row + c];
      }
      // The detector's column: σ(z) against "is it none", its own log-loss.
      const pOut = 1 / (1 + Math.exp(-p[k]));
      p[k] = pOut;
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, p[c]);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += p[c] = Math.exp(p[c] - max);
      for (let c = 0; c < k; c++) p[c] /= sum;
      loss -= Math.log(Math.max(p[s.y], 1e-12));
      for (let c = 0; c < COLS; c++) {
        const g = c === k ? pOut - (s.y === NONE ? 1 : 0) : p[c] - (c === s.y ? 1 : 0);
        gb[c] += g * g;
        b[c] -= (opts.learningRate * g) / Math.sqrt(gb[c]);
        for (let t = 0; t < s.idx.length; t++) {
          const at = s.idx[t] * COLS + c;
          const gw = g * s.val[t] + opts.l2 * W[at];
          G[at] += gw * gw;
          W[at] -= (opts.learningRate * gw) / Math.sqrt(G[at]);
        }
      }
    }
    if (epoch % 5 === 4 || epoch === opts.epochs - 1) console.error(`epoch ${epoch + 1}: mean loss ${(loss / samples.length).toFixed(4)}`);
  }
  return { features, W, b };
}

/**
 * Averages models trained on corpora generated with different seeds (same templates, other noise, other
 * fillers, other sample order). One corpus draw makes the model lean on accidents of that draw — a typo
 * or an email wrapper that happened to land on one intent — and moves a few held-out answers each time a
 * template is added; the average of a few draws is steadier and generalises better. The averaged model
 * is still one linear model: same size class, same scoring cost.
 */
export function averageModels(models: RawModel[]): RawModel {
  const k = COLS;
  const names = new Set<string>();
  for (const m of models) for (const f of m.features) names.add(f);
  const features = [...names].sort();
  const index = new Map(features.map((f, i) => [f, i]));
  const W = new Float32Array(features.length * k);
  const b = new Float64Array(k);
  for (const m of models) {
    for (let c = 0; c < k; c++) b[c] += m.b[c] / models.length;
    m.features.forEach((f, i) => {
      const row = index.get(f)! * k;
      for (let c = 0; c < k; c++) W[row + c] += m.W[i * k + c] / models.length;
    });
  }
  return { features, W, b };
}

/** Drops features whose whole weight row is negligible and rounds weights (smaller file, same decisions). */
function prune(features: string[], W: Float32Array, b: Float64Array, below: number, calibration?: Calibration) {
  const k = COLS;
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
  return encodeModel(INTENTS, keptNames, b, out, calibration);
}

/** train.jsonl (written by build-corpus.ts) plus corpora regenerated with these extra seeds. */
export const EXTRA_CORPUS_SEEDS = [1, 2, 3];

if (require.main === module) {
  const started = Date.now();
  const lines = readJsonl(join(__dirname, "data", "train.jsonl"));
  const corpora = [lines, ...EXTRA_CORPUS_SEEDS.map((seed) => buildCorpus(seed))];
  const averaged = averageModels(corpora.map((c) => trainRaw(c)));
  const uncalibrated = prune(averaged.features, averaged.W, averaged.b, DEFAULTS.pruneBelow);
  const held = CALIBRATION_FILES.flatMap((f) => readCalibrationSet(f));
  const calibration = fitCalibration(decodeModel(uncalibrated), held);
  const model = { ...uncalibrated, calibration };
  writeFileSync(MODEL_PATH, JSON.stringify(model));
  writeFileSync(CALIBRATION_PATH, JSON.stringify(calibration, null, 2) + "\n");
  console.log(
    `model.json: ${model.features.length} features, ${corpora.length} corpora (${corpora.map((c) => c.length).join(", ")} lines), ` +
      `calibration ${JSON.stringify(calibration)} on ${held.length} held-out lines, in ${Date.now() - started} ms`,
  );
}
