/**
 * NLU benchmark (called by `npm run bench`): our classifier against NLP.js (@nlpjs/nlp with the French
 * and English packages), both trained on core/nlu/data/train.jsonl and scored on the held-out
 * core/nlu/data/test.jsonl and on the held-out parents' batches (core/nlu/parent-sets.ts, test/fixtures/nlu/README.md), in one run. Prints accuracy and classifications per second side by side,
 * the ratio, and our model's load time and heap footprint.
 * NLP.js is told each test message's true language (from the `lang` field), which only helps it.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { classify } from "../core/nlu";
import { loadModel } from "../core/nlu/model";
import { HELD_OUT_SETS } from "../core/nlu/parent-sets";

interface Line {
  text: string;
  intent: string;
  lang?: "fr" | "en";
  channel?: "email";
}

const DATA = join(__dirname, "..", "core", "nlu", "data");
const FIXTURES = join(__dirname, "..", "test", "fixtures", "nlu");
const HELD_OUT = HELD_OUT_SETS;
const MIN_BENCH_MS = 1500;

function readJsonl(file: string, dir = DATA): Line[] {
  if (!existsSync(join(dir, file))) return [];
  return readFileSync(join(dir, file), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line);
}

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

async function throughput(test: Line[], fn: (l: Line) => unknown | Promise<unknown>): Promise<number> {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < MIN_BENCH_MS) {
    for (const l of test) {
      await fn(l);
      n++;
    }
  }
  return n / ((performance.now() - start) / 1000);
}

async function nlpjs(train: Line[], test: Line[], held: Line[]) {
  // Loaded lazily: devDependencies, only needed here.
  const { containerBootstrap } = require("@nlpjs/core");
  const { Nlp } = require("@nlpjs/nlp");
  const { LangFr } = require("@nlpjs/lang-fr");
  const { LangEn } = require("@nlpjs/lang-en");
  const container = await containerBootstrap();
  container.use(Nlp);
  container.use(LangFr);
  container.use(LangEn);
  // NLP.js registers its NLU defaults with `log: true` (one console line per training epoch); ours come
  // first and are kept. The logger is silenced for its "contains only stop words" warnings.
  container.registerConfiguration(
    "nlu-??",
    {
      keepStopwords: true,
      nonefeatureValue: 1,
      nonedeltaMultiplier: 1.2,
      spellCheck: false,
      spellCheckDistance: 1,
      filterZeros: true,
      log: false,
    },
    true,
  );
  const quiet = () => undefined;
  container.register("logger", { trace: quiet, debug: quiet, info: quiet, log: quiet, warn: quiet, error: quiet, fatal: quiet }, true);
  const nlp = container.get("nlp");
  nlp.settings.autoSave = false; // otherwise it writes model.nlp into the working directory
  nlp.addLanguage("fr");
  nlp.addLanguage("en");
  for (const l of train) nlp.addDocument(l.lang ?? "fr", l.text, l.intent);
  const t0 = performance.now();
  await nlp.train();
  const trainMs = performance.now() - t0;
  const predict = async (l: Line): Promise<string> => (await nlp.process(l.lang ?? "fr", l.text)).intent ?? "None";
  const accuracyOn = async (lines: Line[]) => {
    let ok = 0;
    for (const l of lines) if ((await predict(l)) === l.intent) ok++;
    return ok / Math.max(1, lines.length);
  };
  const accuracy = await accuracyOn(test);
  const heldAccuracy = await accuracyOn(held);
  const perSec = await throughput(test, predict);
  return { accuracy, heldAccuracy, perSec, trainMs };
}

export async function run(): Promise<void> {
  // The parents' training batches have "mixed" lines too: NLP.js, which has no "mixed", is told French for those.
  const asFrOrEn = (l: Line): Line => ({ ...l, lang: l.lang === "en" ? "en" : "fr" });
  const train = readJsonl("train.jsonl").map(asFrOrEn);
  const test = readJsonl("test.jsonl");
  const held = HELD_OUT.flatMap((f) => readJsonl(f, FIXTURES)).map(asFrOrEn);

  const before = heapUsed();
  const t0 = performance.now();
  const model = loadModel();
  const loadMs = performance.now() - t0;
  const heapMb = (heapUsed() - before) / 1e6;
  const accuracyOn = (lines: Line[]) =>
    lines.filter((l) => classify(l.text, { channel: l.channel }).intent === l.intent).length / Math.max(1, lines.length);
  const ours = {
    accuracy: accuracyOn(test),
    heldAccuracy: accuracyOn(held),
    perSec: await throughput(test, (l) => classify(l.text, { channel: l.channel })),
  };
  const theirs = await nlpjs(train, test, held);

  const row = (name: string, a: string, b: string) => console.log(`${name.padEnd(28)}${a.padStart(14)}${b.padStart(14)}`);
  console.log(`NLU benchmark — train ${train.length} lines, held-out test ${test.length} lines`);
  row("", "aide-portail", "NLP.js");
  row("accuracy (test.jsonl)", ours.accuracy.toFixed(3), theirs.accuracy.toFixed(3));
  row(`accuracy (held-out batches, ${held.length})`, ours.heldAccuracy.toFixed(3), theirs.heldAccuracy.toFixed(3));
  row("classifications/s", ours.perSec.toFixed(0), theirs.perSec.toFixed(0));
  console.log(
    `speed ratio (ours / NLP.js): ${(ours.perSec / theirs.perSec).toFixed(1)}x; accuracy difference: ${((ours.accuracy - theirs.accuracy) * 100).toFixed(1)} points`,
  );
  console.log(
    `our model: ${model.index.size} features, load ${loadMs.toFixed(0)} ms, heap +${heapMb.toFixed(1)} MB${(globalThis as { gc?: unknown }).gc ? "" : " (approximate: run node with --expose-gc for exact figures)"}`,
  );
  console.log(`NLP.js training time: ${(theirs.trainMs / 1000).toFixed(1)} s`);
}

if (require.main === module) void run();
