/**
 * The parents' batches (core/nlu/parent-sets.ts) keep their one role each: trained on, calibrated on, or
 * held out. A held-out or calibration sentence that reached the corpus would make every figure of issue 13
 * optimistic without anyone noticing; a training batch missing from the corpus means the model was not
 * rebuilt after the roles changed.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isIntentId } from "../../core/nlu/intents";
import { normalizeText } from "../../core/nlu/normalize";
import { CALIBRATION_SETS, HELD_OUT_SETS, parentSetPath, TRAINING_SET_WEIGHT, TRAINING_SETS } from "../../core/nlu/parent-sets";
import { CALIBRATION_FILES } from "../../core/nlu/calibrate";
import { heldOutSentences } from "../../core/nlu/build-corpus";

type Line = { text: string; intent: string; lang?: string; weight?: number };
const readLines = (path: string): Line[] =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line);
const corpus = readLines(join(__dirname, "..", "..", "core", "nlu", "data", "train.jsonl"));
const corpusTexts = new Set(corpus.map((l) => normalizeText(l.text)));

describe("parents' batches by role", () => {
  const all = [...TRAINING_SETS, ...CALIBRATION_SETS, ...HELD_OUT_SETS];

  it("each batch has one role and exists, with labelled lines", () => {
    expect(new Set(all).size).toBe(all.length);
    for (const file of all) {
      expect(existsSync(parentSetPath(file))).toBe(true);
      const lines = readLines(parentSetPath(file));
      expect(lines.length).toBeGreaterThanOrEqual(150);
      for (const l of lines) {
        expect(typeof l.text).toBe("string");
        expect(isIntentId(l.intent)).toBe(true);
      }
    }
  });

  it("calibration reads the calibration batches and nothing else", () => {
    expect(CALIBRATION_FILES).toEqual(CALIBRATION_SETS.map(parentSetPath));
  });

  it.each(HELD_OUT_SETS.concat(CALIBRATION_SETS))("no sentence of %s is in the training corpus", (file) => {
    const leaked = readLines(parentSetPath(file))
      .map((l) => normalizeText(l.text))
      .filter((t) => t.split(" ").length >= 4 && corpusTexts.has(t));
    expect(leaked).toEqual([]);
  });

  it("every training batch is in the corpus, with its weight (but for sentences a held-out set also has)", () => {
    const heldOut = heldOutSentences();
    const weighted = new Set(corpus.filter((l) => l.weight === TRAINING_SET_WEIGHT).map((l) => l.intent + "|" + normalizeText(l.text)));
    const missing = TRAINING_SETS.flatMap((file) => readLines(parentSetPath(file)))
      .filter((l) => !weighted.has(l.intent + "|" + normalizeText(l.text)) && !heldOut.has(normalizeText(l.text)))
      .map((l) => l.text);
    expect(missing).toEqual([]);
  });
});
