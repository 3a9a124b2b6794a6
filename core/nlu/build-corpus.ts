/**
 * Builds the training corpus core/nlu/data/train.jsonl from the hand-written templates in corpus/
 * plus the hand-written natural messages of data/train-natural.jsonl and the parents' batches whose role is
 * training (parent-sets.ts): each template yields several noisy variants, some wrapped into whole emails,
 * some followed by a second, lesser request.
 * The test splits (data/test.jsonl, data/test-2.jsonl, data/test-3.jsonl) and the calibration and held-out
 * batches are never trained on: they are read here only so that a generated variant that happens to equal
 * one of their sentences is dropped.
 * Run: npx tsx core/nlu/build-corpus.ts
 */
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { TEMPLATES } from "./corpus";
import { expand, noisy, pick, seededRng } from "./corpus/augment";
import { CONTEXT, wrapEmail, wrapReply } from "./corpus/email";
import { INTENTS, type IntentId } from "./intents";
import { normalizeText, rewriteKeys, tokenize } from "./normalize";
import { LEXICON_PATH, setLexicon } from "./segment";
import { CALIBRATION_SETS, HELD_OUT_SETS, parentSetPath, TRAINING_SET_WEIGHT, TRAINING_SETS } from "./parent-sets";

export interface CorpusLine {
  text: string;
  intent: IntentId;
  lang: "fr" | "en" | "mixed";
  channel?: "email";
  /** Which template (or natural line) it comes from. */
  group?: number;
  /** The parents' batch the line comes from (parent-sets.ts), for train.ts's author folds. */
  source?: string;
  /** How many times train.ts counts the line (a parent's own sentence weighs more than a generated one); 1 when absent. */
  weight?: number;
}

const SOCIAL = new Set<IntentId>(["greeting", "thanks", "goodbye", "help", "cancel", "human"]);
const VARIANTS_PER_TEMPLATE = 10;
const DATA = join(__dirname, "data");

export function buildCorpus(seed = 20251103): CorpusLine[] {
  const rng = seededRng(seed);
  const out: CorpusLine[] = [];
  const seen = new Map<string, CorpusLine>();
  const heldOut = heldOutSentences();
  let group = 0;
  const push = (raw: CorpusLine) => {
    const line = { ...raw, group };
    const key = line.intent + "|" + normalizeText(line.text);
    if (heldOut.has(normalizeText(line.text))) return;
    const before = seen.get(key);
    // A parent's sentence a template happened to generate first keeps the parent's weight.
    if (before) before.weight = Math.max(before.weight ?? 1, line.weight ?? 1);
    else {
      seen.set(key, line);
      out.push(line);
    }
  };
  const requestsOf = (lang: "fr" | "en") =>
    INTENTS.filter((i) => !SOCIAL.has(i) && i !== "none").flatMap((i) => TEMPLATES[i]?.[lang] ?? []);

  for (const intent of INTENTS) {
    const t = TEMPLATES[intent];
    if (!t) throw new Error(`no templates for ${intent}`);
    for (const lang of ["fr", "en"] as const) {
      const others = requestsOf(lang);
      for (const template of t[lang]) {
        group++;
        push({ text: expand(template, rng), intent, lang });
        for (let v = 0; v < VARIANTS_PER_TEMPLATE; v++) {
          let text = noisy(expand(template, rng), lang, rng);
          const r = rng();
          if (intent === "thanks" && r < 0.15) {
            push({ text: wrapReply(text, lang, rng), intent, lang, channel: "email" });
            continue;
          }
          if (!SOCIAL.has(intent) && r < 0.14) {
            const secondary = rng() < 0.3 ? expand(pick(rng, others), rng) : undefined;
            const quoted = rng() < 0.3 ? expand(pick(rng, others), rng) : undefined;
            push({ text: wrapEmail(text, lang, rng, secondary, quoted), intent, lang, channel: "email" });
            continue;
          }
          if (!SOCIAL.has(intent) && r < 0.2)
            text = `${pick(rng, lang === "fr" ? ["bonjour", "Bonjour,", "bjr", "allo", "Salut!"] : ["hi", "Hello,", "hey"])} ${text}`;
          else if (!SOCIAL.has(intent) && r < 0.26)
            text = `${text} ${pick(rng, lang === "fr" ? ["merci", "svp", "merci beaucoup", "mrc"] : ["thanks", "please", "thank you"])}`;
          else if (!SOCIAL.has(intent) && intent !== "none" && r < 0.34) {
            const joins =
              lang === "fr"
                ? [". ", " et ", ", ", ". aussi ", ". Autre question: ", ", pis aussi "]
                : [". ", " and ", ", ", ". also ", ". Another thing: ", ", and also "];
            text = `${text}${pick(rng, joins)}${noisy(expand(pick(rng, others), rng), lang, rng)}`;
          } else if (!SOCIAL.has(intent) && r < 0.44) {
            // Parents often introduce themselves first; the model must learn that this says nothing of the intent.
            const ctx = expand(pick(rng, CONTEXT[lang]), rng);
            if (ctx) text = `${ctx} ${text}`;
          }
          push({ text, intent, lang });
        }
      }
    }
  }
  const natural = join(DATA, "train-natural.jsonl");
  if (existsSync(natural)) {
    for (const raw of readFileSync(natural, "utf8").split("\n")) {
      if (!raw.trim()) continue;
      group++;
      push(JSON.parse(raw) as CorpusLine);
    }
  }
  for (const file of TRAINING_SETS) {
    for (const line of readLines(parentSetPath(file))) {
      group++;
      const { text, intent, lang, channel } = line as CorpusLine;
      push({ text, intent, lang, ...(channel === "email" ? { channel } : {}), source: file, weight: TRAINING_SET_WEIGHT });
    }
  }
  return out;
}

function readLines(path: string): unknown[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((raw) => raw.trim())
    .map((raw) => JSON.parse(raw) as unknown);
}

/**
 * Normalised sentences of four words or more (shorter ones, « merci », are bound to recur) of every set
 * that is scored or calibrated on: the team's test splits, the calibration and the held-out batches.
 */
export function heldOutSentences(): Set<string> {
  const out = new Set<string>();
  const paths = [
    ...["test.jsonl", "test-2.jsonl", "test-3.jsonl"].map((f) => join(DATA, f)),
    ...[...CALIBRATION_SETS, ...HELD_OUT_SETS].map(parentSetPath),
  ];
  for (const path of paths) {
    for (const line of readLines(path)) {
      const t = normalizeText((line as { text: string }).text);
      if (t.split(" ").length >= 4) out.add(t);
    }
  }
  return out;
}

/**
 * The vocabulary words typed without spaces are cut against (segment.ts): corpus words seen at least
 * LEXICON_MIN_COUNT times (rarer ones are mostly generated typos) and the spellings normalize.ts rewrites.
 */
const LEXICON_MIN_COUNT = 3;
/**
 * English contraction tails that the corpus' typo noise leaves alone (« ca'nt », « you'll »): pieces of words,
 * never words, and the segmenter took them for words (« autrement » → autre me nt, « trouvent » → trouve nt).
 */
const NOT_WORDS = new Set(["nt", "ll", "ve"]);
export function buildLexicon(corpus: readonly CorpusLine[]): string[] {
  const counts = new Map<string, number>();
  for (const l of corpus) for (const t of tokenize(l.text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const words = new Set(
    [...counts].filter(([w, c]) => c >= LEXICON_MIN_COUNT && /^[a-z]{2,}$/.test(w) && !NOT_WORDS.has(w)).map(([w]) => w),
  );
  for (const k of rewriteKeys()) if (/^[a-z]{2,}$/.test(k)) words.add(k);
  return [...words].sort();
}

if (require.main === module) {
  const corpus = buildCorpus();
  writeFileSync(join(DATA, "train.jsonl"), corpus.map((l) => JSON.stringify(l)).join("\n") + "\n");
  const lexicon = buildLexicon(corpus);
  writeFileSync(LEXICON_PATH, lexicon.join("\n") + "\n");
  setLexicon(lexicon);
  console.log(`lexicon.txt: ${lexicon.length} words`);
  const counts: Record<string, number> = {};
  for (const l of corpus) counts[l.intent] = (counts[l.intent] ?? 0) + 1;
  console.log(`train.jsonl: ${corpus.length} lines`, counts);
}
