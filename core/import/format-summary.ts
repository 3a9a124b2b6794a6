// The import summary as the operator reads it in a terminal: one table row per file, then the rejected
// files, the first row errors with file:line, warnings and ignored files.
import type { ImportSummary } from "./summary";

const COLUMNS = ["file", "read", "created", "updated", "unchanged", "deactivated", "skipped", "errors"] as const;

export function formatSummary(s: ImportSummary, maxIssues = 10): string[] {
  const rows = s.files.map((f) => [
    f.outcome === "rejected" ? `${f.file} (REJECTED)` : f.file,
    f.read, f.created, f.updated, f.unchanged, f.deactivated, f.skipped, f.errorCount,
  ].map(String));
  const t = s.totals;
  rows.push(["total", t.read, t.created, t.updated, t.unchanged, t.deactivated, "", t.errors].map(String));
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join("  ");
  const out = [fmt([...COLUMNS]), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(0, -1).map(fmt), widths.map((w) => "-".repeat(w)).join("  "), fmt(rows[rows.length - 1])];
  for (const f of s.files) if (f.rejection) out.push(`REJECTED ${f.rejection}`);
  const errors = s.files.flatMap((f) => f.errors);
  if (errors.length) {
    out.push("", `Row errors (${t.errors}; first ${Math.min(maxIssues, errors.length)} shown, each rejected only its row):`);
    for (const e of errors.slice(0, maxIssues)) out.push(`  ${e.file}:${e.line}  ${e.message}`);
  }
  const warnings = s.files.flatMap((f) => f.warnings);
  const warningCount = s.files.reduce((n, f) => n + f.warningCount, 0);
  if (warnings.length || s.warnings.length) {
    out.push("", `Warnings (${warningCount + s.warnings.length}):`);
    for (const w of s.warnings) out.push(`  ${w}`);
    for (const w of warnings.slice(0, maxIssues)) out.push(`  ${w.file}${w.line ? `:${w.line}` : ""}  ${w.message}`);
  }
  if (s.unknownFiles.length) out.push("", `Ignored (not import files): ${s.unknownFiles.join(", ")}`);
  const changed = t.created + t.updated + t.deactivated;
  // "Already held" only when nothing was refused: rejected rows or files were not written, not already there.
  const refused = t.errors > 0 || s.rejectedFiles.length > 0;
  out.push("", changed > 0 ? `${t.created} created, ${t.updated} updated, ${t.deactivated} deactivated or removed.`
    : refused ? `Nothing written: ${t.errors} row(s) and ${s.rejectedFiles.length} file(s) rejected (see above).`
      : "No change: the database already held this export.");
  return out;
}
