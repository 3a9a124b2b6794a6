/** The shipped model and corpus: fast scoring equals the training-time reference, splits stay apart. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getModel, prepareText, scoreReference } from "../../core/nlu/classifier";
import { scoreFast } from "../../core/nlu/score";
import { INTENTS } from "../../core/nlu";
import { normalizeText } from "../../core/nlu/normalize";

const DATA = join(__dirname, "..", "..", "core", "nlu", "data");
const read = (f: string) =>
  readFileSync(join(DATA, f), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; intent: string; lang: string });

describe("model and corpus", () => {
  const test = read("test.jsonl");
  const test2 = read("test-2.jsonl");
  const train = read("train.jsonl");

  it("fast scoring gives the same probabilities as the reference features", () => {
    const model = getModel();
    for (const { text } of [...test, ...test2, { text: "" }, { text: "aaaa aaaa aaaaa" }, { text: "constructor toString __proto__" }]) {
      const prepared = prepareText(text);
      const a = scoreReference(model, prepared);
      const b = scoreFast(model, prepared);
      a.probs.forEach((p, i) => expect(b.probs[i]).toBeCloseTo(p, 9));
      expect(b.known > 0).toBe(a.known > 0);
    }
  });

  it("every intent is in both languages in train and test", () => {
    for (const split of [train, test]) {
      for (const intent of INTENTS) {
        for (const lang of ["fr", "en"]) expect(split.some((l) => l.intent === intent && l.lang === lang)).toBe(true);
      }
    }
  });

  it("no test message of four words or more appears in the training corpus", () => {
    const seen = new Set(train.map((l) => normalizeText(l.text)));
    const leaked = [...test, ...test2].map((l) => normalizeText(l.text)).filter((t) => t.split(" ").length >= 4 && seen.has(t));
    expect(leaked).toEqual([]);
  });
});
