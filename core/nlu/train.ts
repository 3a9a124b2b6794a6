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
import { decodeModel, encodeModel, MODEL_PATH, type Calibration, type Model, type ModelFile } from "./model";
import { CALIBRATION_FILES, CALIBRATION_PATH, fitCalibrationScored, readCalibrationSet, scoreLines, type ScoredLine } from "./calibrate";
import { parentSetPath, TRAINING_AUTHORS } from "./parent-sets";
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

type Line = { text: string; intent: string; channel?: "email"; group?: number; source?: string; weight?: number };

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
  // A line of weight w is w samples of each epoch (the same features, extracted once).
  const extracted = lines.flatMap((l) => {
    if (!isIntentId(l.intent)) throw new Error(`unknown intent in corpus: ${l.intent}`);
    const one = { fv: extractFeatures(prepareText(l.text, l.channel === "email" ? "email" : "chat")), y: INTENTS.indexOf(l.intent) };
    return Array.from({ length: Math.max(1, l.weight ?? 1) }, () => one);
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

/**
 * The calibration lines as a model that never read them scores them: each training author's batches by a
 * model trained on the corpus without that author (one corpus draw, so a little weaker than the shipped
 * average: the calibration errs on the modest side), the calibration batches by the shipped model.
 */
function calibrationScores(full: Model, corpus: Line[]): ScoredLine[] {
  const folds = Object.entries(TRAINING_AUTHORS).flatMap(([author, files]) => {
    const without = corpus.filter((l) => l.source === undefined || !files.includes(l.source));
    const raw = trainRaw(without);
    const fold = decodeModel(prune(raw.features, raw.W, raw.b, DEFAULTS.pruneBelow));
    const lines = files.flatMap((f) => readCalibrationSet(parentSetPath(f)));
    console.error(`fold without author ${author}: ${without.length} corpus lines, ${lines.length} lines scored`);
    return scoreLines(fold, lines);
  });
  return [
    ...folds,
    ...scoreLines(
      full,
      CALIBRATION_FILES.flatMap((f) => readCalibrationSet(f)),
    ),
  ];
}

/** Fits the calibration of a trained model and writes model.json and calibration.json. */
function calibrateAndWrite(uncalibrated: ModelFile, corpus: Line[], trainedOn: string): void {
  const full = decodeModel(uncalibrated);
  const held = calibrationScores(full, corpus);
  const calibration = fitCalibrationScored(full, held);
  const model = { ...uncalibrated, calibration };
  writeFileSync(MODEL_PATH, JSON.stringify(model));
  writeFileSync(CALIBRATION_PATH, JSON.stringify(calibration, null, 2) + "\n");
  console.log(
    `model.json: ${model.features.length} features, ${trainedOn}, calibration ${JSON.stringify(calibration)} on ${held.length} lines`,
  );
}

// `--calibrate-only` refits the calibration of the committed model (when only calibrate.ts or the roles of
// the batches changed): the author folds are trained again, the shipped weights are kept.
if (require.main === module) {
  const started = Date.now();
  const lines = readJsonl(join(__dirname, "data", "train.jsonl"));
  if (process.argv.includes("--calibrate-only")) {
    calibrateAndWrite(JSON.parse(readFileSync(MODEL_PATH, "utf8")) as ModelFile, lines, "weights unchanged");
  } else {
    const corpora = [lines, ...EXTRA_CORPUS_SEEDS.map((seed) => buildCorpus(seed))];
    const averaged = averageModels(corpora.map((c) => trainRaw(c)));
    calibrateAndWrite(
      prune(averaged.features, averaged.W, averaged.b, DEFAULTS.pruneBelow),
      lines,
      `${corpora.length} corpora (${corpora.map((c) => c.length).join(", ")} lines)`,
    );
  }
  console.log(`in ${Date.now() - started} ms`);
}
