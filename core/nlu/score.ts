/**
 * Fast scoring of a message against the model: the same feature vector as features.ts, computed on
 * model indices instead of strings. Each distinct token's character n-grams are looked up once and
 * cached; counts are accumulated in a scratch array; the per-group L2 norm needs no aggregation because
 * it is the square root of the summed (weighted) counts. This is what makes ≥ 20,000 messages/s possible.
 */
import { CHAR_GROUP_WEIGHT, charNgrams, featureTokens, lengthBucket, tokenWeights } from "./features";
import type { Model } from "./model";

interface TokenEntry {
  idx: Int32Array; // model indices of the token's known n-grams (with repeats)
  n: number; // number of n-grams, known or not (they all count in the norm)
}

interface ScoringState {
  acc: Float64Array;
  isChar: Uint8Array;
  touched: Int32Array;
  tokens: Map<string, TokenEntry>;
}

/** Bounded so that a flood of random words cannot grow memory without limit. */
const TOKEN_CACHE_MAX = 50_000;
const states = new WeakMap<Model, ScoringState>();

function stateOf(model: Model): ScoringState {
  let st = states.get(model);
  if (!st) {
    const n = model.index.size;
    const isChar = new Uint8Array(n);
    for (const [name, i] of model.index) if (name.startsWith("c:")) isChar[i] = 1;
    st = { acc: new Float64Array(n), isChar, touched: new Int32Array(n), tokens: new Map() };
    states.set(model, st);
  }
  return st;
}

function tokenEntry(model: Model, st: ScoringState, tok: string): TokenEntry {
  let e = st.tokens.get(tok);
  if (!e) {
    const grams = charNgrams(tok);
    const idx: number[] = [];
    for (const g of grams) {
      const f = model.index.get(g);
      if (f !== undefined) idx.push(f);
    }
    e = { idx: Int32Array.from(idx), n: grams.length };
    if (st.tokens.size >= TOKEN_CACHE_MAX) st.tokens.clear();
    st.tokens.set(tok, e);
  }
  return e;
}

/** Returns softmax probabilities in model intent order and how many word unigrams the model knew. */
export function scoreFast(model: Model, text: string): { probs: Float64Array; known: number } {
  const st = stateOf(model);
  const { acc, touched, isChar, index } = { ...st, index: model.index };
  let nTouched = 0;
  const add = (f: number | undefined, v: number) => {
    if (f === undefined) return;
    if (acc[f] === 0) touched[nTouched++] = f;
    acc[f] += v;
  };
  const tokens = featureTokens(text);
  const weights = tokenWeights(tokens);
  let wordMass = 1;
  let charMass = 0;
  let known = 0;
  add(index.get(lengthBucket(tokens.length)), 1);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const w = weights[i];
    const wf = index.get("w:" + tok);
    if (wf !== undefined) known++;
    add(wf, w);
    add(index.get("b:" + (i === 0 ? "^" : tokens[i - 1]) + "_" + tok), w);
    wordMass += 2 * w;
    if (tok.charCodeAt(0) === 35 /* '#' */) continue;
    const e = tokenEntry(model, st, tok);
    charMass += w * e.n;
    for (let j = 0; j < e.idx.length; j++) add(e.idx[j], w);
  }
  if (tokens.length > 0) {
    const w = weights[tokens.length - 1];
    add(index.get("b:" + tokens[tokens.length - 1] + "_$"), w);
    wordMass += w;
  }

  const k = model.intents.length;
  const logits = new Float64Array(k);
  for (let c = 0; c < k; c++) logits[c] = model.bias[c];
  const wordScale = 1 / Math.sqrt(wordMass);
  const charScale = charMass > 0 ? CHAR_GROUP_WEIGHT / Math.sqrt(charMass) : 0;
  for (let t = 0; t < nTouched; t++) {
    const f = touched[t];
    const v = Math.sqrt(acc[f]) * (isChar[f] ? charScale : wordScale);
    acc[f] = 0; // leave the scratch array clean for the next message
    const row = f * k;
    for (let c = 0; c < k; c++) logits[c] += v * model.weights[row + c];
  }
  let max = -Infinity;
  for (let c = 0; c < k; c++) if (logits[c] > max) max = logits[c];
  let sum = 0;
  for (let c = 0; c < k; c++) sum += logits[c] = Math.exp(logits[c] - max);
  for (let c = 0; c < k; c++) logits[c] /= sum;
  return { probs: logits, known };
}
