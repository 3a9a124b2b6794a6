/**
 * Scores the classifier on a JSONL file of labelled messages and formats the operator report used by
 * `aide-portail nlu eval`: per-intent precision/recall, confusion pairs, a reliability table (confidence
 * bands → accuracy and count), accuracy per language (the line's `lang`, else the detected one), the
 * errors made with confidence ≥ 0.8 (no threshold in the bot catches those), language detection and
 * secondary requests when the file labels them, and the accuracy line last.
 * Bad lines are reported with their line number and skipped, never fatal: eval files are hand-edited.
 */
import { classify, CLARIFY_BELOW } from "./index";
import { INTENTS, isIntentId, type IntentId } from "./intents";

export interface EvalResult {
  total: number;
  correct: number;
  perIntent: { intent: IntentId; support: number; predicted: number; tp: number }[];
  confusions: { expected: IntentId; predicted: IntentId; count: number }[];
  /** Confidence bands [lo, hi) → how many answers fell there and how many were right. */
  bands: { lo: number; hi: number; total: number; correct: number }[];
  perLang: { lang: string; total: number; correct: number }[];
  /** Wrong answers given with confidence ≥ CONFIDENT_ERROR. */
  confidentErrors: number;
  /** Answers below CLARIFY_BELOW (the bot would ask) and how many of those had the truth in their two options. */
  clarify: { asked: number; inTwo: number; wrongAnswered: number };
  /** Lines labelled "fr" or "en": how many had that language detected. */
  langDetection: { total: number; correct: number };
  /** Lines with an `also` list: secondary requests expected, found, and reported but not expected. */
  also: { expected: number; found: number; extra: number; lines: number };
  problems: string[];
}

export const BANDS = [0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001];
export const CONFIDENT_ERROR = 0.8;

export function evaluateJsonl(content: string): EvalResult {
  const problems: string[] = [];
  const tp = new Map<IntentId, number>();
  const support = new Map<IntentId, number>();
  const predicted = new Map<IntentId, number>();
  const confusion = new Map<string, number>();
  const inc = <K>(m: Map<K, number>, key: K) => m.set(key, (m.get(key) ?? 0) + 1);
  let total = 0;
  let correct = 0;
  const bands = BANDS.slice(0, -1).map((lo, i) => ({ lo, hi: BANDS[i + 1], total: 0, correct: 0 }));
  const langs = new Map<string, { total: number; correct: number }>();
  let confidentErrors = 0;
  const clarify = { asked: 0, inTwo: 0, wrongAnswered: 0 };
  const langDetection = { total: 0, correct: 0 };
  const also = { expected: 0, found: 0, extra: 0, lines: 0 };
  content.split(/\r?\n/).forEach((raw, i) => {
    const lineNo = i + 1;
    if (raw.trim() === "") return;
    let rec: unknown;
    try {
      rec = JSON.parse(raw);
    } catch {
      problems.push(`line ${lineNo}: malformed JSON, skipped`);
      return;
    }
    const {
      text,
      intent,
      channel,
      lang,
      also: wanted,
    } = (rec ?? {}) as { text?: unknown; intent?: unknown; channel?: unknown; lang?: unknown; also?: unknown };
    if (typeof text !== "string") {
      problems.push(`line ${lineNo}: no "text" string, skipped`);
      return;
    }
    if (!isIntentId(intent)) {
      problems.push(`line ${lineNo}: unknown intent ${JSON.stringify(intent)}, skipped`);
      return;
    }
    const c = classify(text, { channel: channel === "email" ? "email" : "chat" });
    const got = c.intent;
    const right = got === intent;
    total++;
    inc(support, intent);
    inc(predicted, got);
    if (right) {
      correct++;
      inc(tp, intent);
    } else {
      inc(confusion, `${intent}\t${got}`);
      if (c.confidence >= CONFIDENT_ERROR) confidentErrors++;
    }
    const band = bands.find((b) => c.confidence >= b.lo && c.confidence < b.hi) ?? bands[bands.length - 1];
    band.total++;
    if (right) band.correct++;
    if (c.confidence < CLARIFY_BELOW) {
      clarify.asked++;
      if (right || c.runnerUp.intent === intent) clarify.inTwo++;
    } else if (!right) clarify.wrongAnswered++;
    const langKey = typeof lang === "string" && lang ? lang : c.lang;
    const pl = langs.get(langKey) ?? { total: 0, correct: 0 };
    pl.total++;
    if (right) pl.correct++;
    langs.set(langKey, pl);
    if (lang === "fr" || lang === "en") {
      langDetection.total++;
      if (c.lang === lang) langDetection.correct++;
    }
    if (Array.isArray(wanted)) {
      also.lines++;
      const exp = wanted.filter(isIntentId);
      also.expected += exp.length;
      also.found += exp.filter((x) => c.also.includes(x)).length;
      also.extra += c.also.filter((x) => !exp.includes(x)).length;
    }
  });
  const perIntent = INTENTS.filter((x) => support.has(x) || predicted.has(x)).map((intent) => ({
    intent,
    support: support.get(intent) ?? 0,
    predicted: predicted.get(intent) ?? 0,
    tp: tp.get(intent) ?? 0,
  }));
  const confusions = [...confusion]
    .map(([key, count]) => {
      const [expected, got] = key.split("\t") as [IntentId, IntentId];
      return { expected, predicted: got, count };
    })
    .sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected) || a.predicted.localeCompare(b.predicted));
  const perLang = [...langs].map(([l, v]) => ({ lang: l, ...v })).sort((a, b) => b.total - a.total || a.lang.localeCompare(b.lang));
  return { total, correct, perIntent, confusions, bands, perLang, confidentErrors, clarify, langDetection, also, problems };
}

const ratio = (num: number, den: number) => (den === 0 ? "  -  " : (num / den).toFixed(3));

export function formatReport(r: EvalResult): string[] {
  const out: string[] = [];
  for (const p of r.problems) out.push(`warning: ${p}`);
  if (r.problems.length) out.push("");
  const width = Math.max(6, ...r.perIntent.map((p) => p.intent.length));
  out.push(`${"intent".padEnd(width)}  precision  recall  support`);
  for (const p of r.perIntent) {
    out.push(
      `${p.intent.padEnd(width)}  ${ratio(p.tp, p.predicted).padStart(9)}  ${ratio(p.tp, p.support).padStart(6)}  ${String(p.support).padStart(7)}`,
    );
  }
  out.push("");
  if (r.confusions.length === 0) out.push("confusions: none");
  else {
    out.push("confusions (expected -> predicted: count)");
    for (const c of r.confusions) out.push(`  ${c.expected} -> ${c.predicted}: ${c.count}`);
  }
  out.push("");
  out.push("reliability (confidence band: accuracy, count)");
  for (const b of r.bands) {
    const hi = b.hi > 1 ? "1.00]" : `${b.hi.toFixed(2)})`;
    out.push(`  [${b.lo.toFixed(2)}, ${hi.padEnd(5)}  ${ratio(b.correct, b.total)}  ${String(b.total).padStart(5)}`);
  }
  out.push("");
  for (const l of r.perLang) out.push(`accuracy ${l.lang}: ${ratio(l.correct, l.total)} (${l.correct}/${l.total})`);
  if (r.langDetection.total > 0)
    out.push(
      `language detected: ${ratio(r.langDetection.correct, r.langDetection.total)} (${r.langDetection.correct}/${r.langDetection.total} lines labelled fr or en)`,
    );
  if (r.also.lines > 0)
    out.push(`secondary requests: ${r.also.found}/${r.also.expected} found, ${r.also.extra} extra (${r.also.lines} lines)`);
  out.push(
    `below CLARIFY_BELOW ${CLARIFY_BELOW}: ${r.clarify.asked} asked (${r.clarify.inTwo} with the answer among the two options), ${r.clarify.wrongAnswered} wrong answers above it`,
  );
  out.push(
    `errors with confidence >= ${CONFIDENT_ERROR}: ${r.confidentErrors} (${r.total ? ((100 * r.confidentErrors) / r.total).toFixed(2) : "0.00"} % of ${r.total})`,
  );
  out.push(`accuracy: ${ratio(r.correct, r.total).replace("  -  ", "0.000")} (${r.correct}/${r.total})`);
  return out;
}
