/**
 * The parents' messages written by people who never saw the corpus (test/fixtures/nlu/README.md: who
 * wrote which batch, and how), by the one role each batch has. A batch is trained on, or used to
 * calibrate the confidence, or held out — never two of these: the held-out batches are the figures that
 * count for issue 13, and a model calibrated on the sentences it learned from is surer of itself than it
 * should be. test/nlu/parent-sets.test.ts checks that the roles do not overlap and that no held-out or
 * calibration sentence reaches the training corpus.
 */
import { join } from "node:path";

export const PARENT_SETS_DIR = join(__dirname, "..", "..", "test", "fixtures", "nlu");

const batches = (...n: number[]) => n.map((i) => `external-batch-${i}.jsonl`);

/**
 * Learned from, as natural lines of the corpus (build-corpus.ts), each weighing TRAINING_SET_WEIGHT template
 * lines; by author, because train.ts also scores each author's batches with a model trained without that
 * author, to calibrate on sentences written by someone the model has never read.
 */
export const TRAINING_AUTHORS: Readonly<Record<string, readonly string[]>> = {
  first: batches(1, 2, 3, 4),
  second: batches(5, 6, 7, 8),
  A: batches(9),
  B: batches(10),
  C: batches(11, 15),
  D: batches(12, 16),
  E: batches(17, 18),
  F: batches(19, 20),
  K: batches(29, 30),
  L: batches(31, 32),
  M: batches(33, 34),
  N: batches(35, 36),
  O: batches(37, 38),
  P: batches(39, 40),
};
export const TRAINING_SETS: readonly string[] = Object.values(TRAINING_AUTHORS).flat();
/** Calibration only (calibrate.ts), beside the training authors' batches scored by their fold: never trained on. */
export const CALIBRATION_SETS: readonly string[] = [...batches(13, 14), "dev-independent.jsonl", "dev-independent-2.jsonl"];
/** Never read by training or calibration; scored by `npm run bench` (bench/nlu-bench.ts) and in closing notes. */
export const HELD_OUT_SETS: readonly string[] = batches(21, 22, 23, 24, 25, 26, 27, 28);

/**
 * A parent's own sentence counts twice a generated one: the templates are many (about 12,000 lines) and
 * share their authors' phrasing; on batches kept for calibration, weight 2 did better than 1 and 3.
 */
export const TRAINING_SET_WEIGHT = 2;

export const parentSetPath = (file: string) => join(PARENT_SETS_DIR, file);
