/**
 * Fast scoring of a message against the model: the same feature vector as features.ts, computed on
 * model indices instead of strings. What it precomputes, once per model and once per distinct token:
 *  - each token's word feature, and the bigrams that start with it (no "b:" + a + "_" + b strings per call);
 *  - each token's character n-grams as unique model indices with their counts, and their summed weight
 *    rows V_tok = Σ_g sqrt(count_g) · W_g (26 floats).
 * A char n-gram's value is sqrt(Σ_tokens w·count)·scale. When an n-gram occurs in one token only, that
 * is sqrt(w)·sqrt(count)·scale, so a token contributes sqrt(w)·V_tok in one 26-wide add instead of one per
 * n-gram; n-grams shared by several tokens get an exact correction (sqrt of the sum minus the sum of the
 * sqrts). The result equals the reference scoring up to floating-point rounding (a test checks it).
 */
import { CHAR_GROUP_WEIGHT, SCOPE_GROUP_WEIGHT, charNgrams, featureTokens, lengthBucket, tokenWeights } from "./features";
import { scopeFeatures } from "./scope-features";
import { posterior, type PosteriorInfo } from "./posterior";
import type { Model } from "./model";

interface TokenEntry {
  word: number; // model index of "w:tok", or -1
  next: Map<string, number> | undefined; // "b:tok_X" → index, keyed by X
  grams: Int32Array; // unique known n-gram indices
  counts: Float64Array; // occurrences of each of them in the token
  n: number; // number of n-grams, known or not (they all count in the norm)
  vec: Float64Array; // Σ sqrt(count) · weight row
}

interface ScoringState {
  k: number;
  acc: Float64Array; // word-group scratch (indexed by feature)
  touched: Int32Array;
  cacc: Float64Array; // char-group: Σ w·count per n-gram
  csq: Float64Array; // char-group: Σ sqrt(w·count) already added through the token vectors
  cseen: Uint8Array; // how many tokens had the n-gram (capped at 2)
  ctouched: Int32Array;
  charLogits: Float64Array;
  logits: Float64Array;
  bigrams: Map<string, Map<string, number>>;
  lengths: Map<string, number>;
  tokens: Map<string, TokenEntry>;
}

/** Bounded so that a flood of random words cannot grow memory without limit. */
const TOKEN_CACHE_MAX = 20_000; // ≈ 15 MB at most: each entry holds 26 floats plus its n-gram ids
const states = new WeakMap<Model, ScoringState>();

function stateOf(model: Model): ScoringState {
  let st = states.get(model);
  if (!st) {
    const n = model.index.size;
    const bigrams = new Map<string, Map<string, number>>();
    const lengths = new Map<string, number>();
    for (const [name, i] of model.index) {
      if (name.startsWith("b:")) {
        const cut = name.indexOf("_", 2);
        if (cut < 0) continue;
        const a = name.slice(2, cut);
        let m = bigrams.get(a);
        if (!m) bigrams.set(a, (m = new Map()));
        m.set(name.slice(cut + 1), i);
      } else if (name.startsWith("len:")) {
        lengths.set(name, i);
      }
    }
    const k = model.cols; // the intents and the out-of-scope detector
    st = {
      k,
      acc: new Float64Array(n),
      touched: new Int32Array(n),
      cacc: new Float64Array(n),
      csq: new Float64Array(n),
      cseen: new Uint8Array(n),
      ctouched: new Int32Array(n),
      charLogits: new Float64Array(k),
      logits: new Float64Array(k),
      bigrams,
      lengths,
      tokens: new Map(),
    };
    states.set(model, st);
  }
  return st;
}

function tokenEntry(model: Model, st: ScoringState, tok: string): TokenEntry {
  let e = st.tokens.get(tok);
  if (e) return e;
  const k = st.k;
  const counts = new Map<number, number>();
  let n = 0;
  if (tok.charCodeAt(0) !== 35 /* '#': numbers have no char n-grams */) {
    const grams = charNgrams(tok);
    n = grams.length;
    for (const g of grams) {
      const f = model.index.get(g);
      if (f !== undefined) counts.set(f, (counts.get(f) ?? 0) + 1);
    }
  }
  const grams = Int32Array.from(counts.keys());
  const cnt = Float64Array.from(counts.values());
  const vec = new Float64Array(k);
  for (let j = 0; j < grams.length; j++) {
    const s = Math.sqrt(cnt[j]);
    const row = grams[j] * k;
    for (let c = 0; c < k; c++) vec[c] += s * model.weights[row + c];
  }
  e = { word: model.index.get("w:" + tok) ?? -1, next: st.bigrams.get(tok), grams, counts: cnt, n, vec };
  if (st.tokens.size >= TOKEN_CACHE_MAX) st.tokens.clear();
  st.tokens.set(tok, e);
  return e;
}

/**
 * Returns the calibrated probabilities in model intent order, how many of the tokens the model knew as
 * words and the intent model's own preference for `none` (posterior.ts noneMargin, for the doubt cap).
 */
export function scoreFast(
  model: Model,
  text: string,
  names?: ReadonlySet<string>,
): { probs: Float64Array; known: number; tokens: number; noneMargin: number } {
  const st = stateOf(model);
  const { k, acc, touched, cacc, csq, cseen, ctouched, charLogits } = st;
  const W = model.weights;
  let nTouched = 0;
  let nCTouched = 0;
  const tokens = featureTokens(text);
  const weights = tokenWeights(tokens);
  let wordMass = 1;
  let charMass = 0;
  let known = 0;
  charLogits.fill(0);

  const lf = st.lengths.get(lengthBucket(tokens.length));
  if (lf !== undefined) {
    touched[nTouched++] = lf;
    acc[lf] = 1;
  }
  let prevNext = st.bigrams.get("^");
  let e: TokenEntry | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const w = weights[i];
    e = tokenEntry(model, st, tok);
    if (e.word >= 0) {
      known++;
      if (acc[e.word] === 0) touched[nTouched++] = e.word;
      acc[e.word] += w;
    }
    const bf = prevNext?.get(tok);
    if (bf !== undefined) {
      if (acc[bf] === 0) touched[nTouched++] = bf;
      acc[bf] += w;
    }
    prevNext = e.next;
    wordMass += 2 * w;
    if (e.n === 0) continue;
    charMass += w * e.n;
    const sw = Math.sqrt(w);
    const vec = e.vec;
    for (let c = 0; c < k; c++) charLogits[c] += sw * vec[c];
    const grams = e.grams;
    const counts = e.counts;
    for (let j = 0; j < grams.length; j++) {
      const g = grams[j];
      const wc = w * counts[j];
      if (cseen[g] === 0) {
        ctouched[nCTouched++] = g;
        cseen[g] = 1;
      } else cseen[g] = 2;
      cacc[g] += wc;
      csq[g] += sw * Math.sqrt(counts[j]);
    }
  }
  if (tokens.length > 0 && e !== undefined) {
    const w = weights[tokens.length - 1];
    const bf = e.next?.get("$");
    if (bf !== undefined) {
      if (acc[bf] === 0) touched[nTouched++] = bf;
      acc[bf] += w;
    }
    wordMass += w;
  }

  const logits = new Float64Array(k);
  for (let c = 0; c < k; c++) logits[c] = model.bias[c];
  const wordScale = 1 / Math.sqrt(wordMass);
  for (let t = 0; t < nTouched; t++) {
    const f = touched[t];
    const v = Math.sqrt(acc[f]) * wordScale;
    acc[f] = 0; // leave the scratch arrays clean for the next message
    const row = f * k;
    for (let c = 0; c < k; c++) logits[c] += v * W[row + c];
  }
  // N-grams seen in several tokens: replace the sum of square roots by the square root of the sum.
  for (let t = 0; t < nCTouched; t++) {
    const g = ctouched[t];
    if (cseen[g] === 2) {
      const d = Math.sqrt(cacc[g]) - csq[g];
      const row = g * k;
      for (let c = 0; c < k; c++) charLogits[c] += d * W[row + c];
    }
    cseen[g] = 0;
    cacc[g] = 0;
    csq[g] = 0;
  }
  if (charMass > 0) {
    const charScale = CHAR_GROUP_WEIGHT / Math.sqrt(charMass);
    for (let c = 0; c < k; c++) logits[c] += charScale * charLogits[c];
  }
  const scope = scopeFeatures(tokens, names);
  const scopeScale = SCOPE_GROUP_WEIGHT / Math.sqrt(scope.length);
  for (const key of scope) {
    const f = model.index.get(key);
    if (f === undefined) continue;
    const row = f * k;
    for (let c = 0; c < k; c++) logits[c] += scopeScale * W[row + c];
  }
  const info: PosteriorInfo = { noneMargin: 0 };
  const probs = posterior(model, logits, info);
  return { probs, known, tokens: tokens.length, noneMargin: info.noneMargin };
}
