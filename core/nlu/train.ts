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
  const k = INTENTS.length;
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

/** Logits of a raw model on one prepared text (used for calibration only; classify() uses score.ts). */
function logitsOf(m: RawModel, index: Map<string, number>, line: Line): Float64Array {
  const k = INTENTS.length;
  const fv = extractFeatures(prepareText(line.text, line.channel === "email" ? "email" : "chat"));
  const z = Float64Array.from(m.b);
  fv.keys.forEach((key, i) => {
    const f = index.get(key);
    if (f === undefined) return;
    for (let c = 0; c < k; c++) z[c] += fv.values[i] * m.W[f * k + c];
  });
  return z;
}

/**
 * Temperature scaling fitted by cross-validation over TEMPLATES: each fold's model never saw any variant
 * of the held-out templates, so its probabilities on them show how sure the model should be on phrasing
 * it has not seen — instead of the near-certainty it reaches on its own training sentences. The temperature
 * T minimising the held-out log-loss divides all weights, which keeps the decision and lowers the
 * confidence of messages that only resemble the corpus (the bot asks the parent to clarify below a threshold).
 */
export function fitTemperature(lines: Line[], opts: TrainOptions = DEFAULTS, folds = 3): number {
  const held: { z: Float64Array; y: number }[] = [];
  for (let f = 0; f < folds; f++) {
    const inFold = (l: Line) => ((l.group ?? 0) * 2654435761) % 2 ** 32 % folds === f;
    const m = trainRaw(lines.filter((l) => !inFold(l)), opts);
    const index = new Map(m.features.map((name, i) => [name, i]));
    for (const l of lines.filter(inFold)) held.push({ z: logitsOf(m, index, l), y: INTENTS.indexOf(l.intent as never) });
  }
  const nll = (t: number) => {
    let sum = 0;
    for (const { z, y } of held) {
      let max = -Infinity;
      for (const v of z) max = Math.max(max, v / t);
      let e = 0;
      for (const v of z) e += Math.exp(v / t - max);
      sum += Math.log(e) + max - z[y] / t;
    }
    return sum / held.length;
  };
  // Log-loss is unimodal in T: golden-section search on [0.5, 10].
  let lo = 0.5;
  let hi = 10;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 40; i++) {
    const a = hi - g * (hi - lo);
    const c = lo + g * (hi - lo);
    if (nll(a) < nll(c)) hi = c;
    else lo = a;
  }
  const t = (lo + hi) / 2;
  console.error(`temperature ${t.toFixed(3)}: held-out log-loss ${nll(1).toFixed(4)} → ${nll(t).toFixed(4)} on ${held.length} lines`);
  return t;
}

/** Divides every weight by T: softmax(z / T) with no change to the model format or the scoring code. */
export function applyTemperature(m: RawModel, t: number): RawModel {
  return { features: m.features, W: m.W.map((w) => w / t), b: m.b.map((x) => x / t) };
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

/** train.jsonl (written by build-corpus.ts) plus corpora regenerated with these extra seeds. */
export const EXTRA_CORPUS_SEEDS = [1, 2, 3];

if (require.main === module) {
  const started = Date.now();
  const lines = readJsonl(join(__dirname, "data", "train.jsonl"));
  const corpora = [lines, ...EXTRA_CORPUS_SEEDS.map((seed) => buildCorpus(seed))];
  const averaged = averageModels(corpora.map((c) => trainRaw(c)));
  const t = fitTemperature(lines);
  const scaled = applyTemperature(averaged, t);
  const model = prune(scaled.features, scaled.W, scaled.b, DEFAULTS.pruneBelow / t);
  writeFileSync(MODEL_PATH, JSON.stringify(model));
  console.log(
    `model.json: ${model.features.length} features, ${corpora.length} corpora (${corpora.map((c) => c.length).join(", ")} lines), temperature ${t.toFixed(3)}, in ${Date.now() - started} ms`,
  );
}
