/**
 * Scores the classifier on a JSONL file of labelled messages and formats the operator report used by
 * `aide-portail nlu eval`: per-intent precision/recall, confusion pairs, and the accuracy line last.
 * Bad lines are reported with their line number and skipped, never fatal: eval files are hand-edited.
 */
import { classify } from "./index";
import { INTENTS, isIntentId, type IntentId } from "./intents";

export interface EvalResult {
  total: number;
  correct: number;
  perIntent: { intent: IntentId; support: number; predicted: number; tp: number }[];
  confusions: { expected: IntentId; predicted: IntentId; count: number }[];
  problems: string[];
}

export function evaluateJsonl(content: string): EvalResult {
  const problems: string[] = [];
  const tp = new Map<IntentId, number>();
  const support = new Map<IntentId, number>();
  const predicted = new Map<IntentId, number>();
  const confusion = new Map<string, number>();
  const inc = <K>(m: Map<K, number>, key: K) => m.set(key, (m.get(key) ?? 0) + 1);
  let total = 0;
  let correct = 0;
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
    const { text, intent, channel } = (rec ?? {}) as { text?: unknown; intent?: unknown; channel?: unknown };
    if (typeof text !== "string") {
      problems.push(`line ${lineNo}: no "text" string, skipped`);
      return;
    }
    if (!isIntentId(intent)) {
      problems.push(`line ${lineNo}: unknown intent ${JSON.stringify(intent)}, skipped`);
      return;
    }
    const got = classify(text, { channel: channel === "email" ? "email" : "chat" }).intent;
    total++;
    inc(support, intent);
    inc(predicted, got);
    if (got === intent) {
      correct++;
      inc(tp, intent);
    } else {
      inc(confusion, `${intent}\t${got}`);
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
  return { total, correct, perIntent, confusions, problems };
}

const ratio = (num: number, den: number) => (den === 0 ? "  -  " : (num / den).toFixed(3));

export function formatReport(r: EvalResult): string[] {
  const out: string[] = [];
  for (const p of r.problems) out.push(`warning: ${p}`);
  if (r.problems.length) out.push("");
  const width = Math.max(6, ...r.perIntent.map((p) => p.intent.length));
  out.push(`${"intent".padEnd(width)}  precision  recall  support`);
  for (const p of r.perIntent) {
    out.push(`${p.intent.padEnd(width)}  ${ratio(p.tp, p.predicted).padStart(9)}  ${ratio(p.tp, p.support).padStart(6)}  ${String(p.support).padStart(7)}`);
  }
  out.push("");
  if (r.confusions.length === 0) out.push("confusions: none");
  else {
    out.push("confusions (expected -> predicted: count)");
    for (const c of r.confusions) out.push(`  ${c.expected} -> ${c.predicted}: ${c.count}`);
  }
  out.push("");
  out.push(`accuracy: ${ratio(r.correct, r.total).replace("  -  ", "0.000")} (${r.correct}/${r.total})`);
  return out;
}
