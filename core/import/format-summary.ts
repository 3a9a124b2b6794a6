// The import summary as the operator reads it in a terminal: one table row per file, then the rejected
// files, the first row errors with file:line, warnings and ignored files. The frame (headings, totals, the
// closing sentence) comes from templates/ (cli:import.summary); each row's diagnostic stays as the importer wrote it.
import type { TFunction } from "i18next";
import type { ImportSummary } from "./summary";

const COLUMNS = ["file", "read", "created", "updated", "unchanged", "deactivated", "skipped", "errors"] as const;

export function formatSummary(s: ImportSummary, t: TFunction, maxIssues = 10): string[] {
  const k = (key: string, params?: Record<string, unknown>) => t(`cli:import.summary.${key}`, params ?? {});
  const rows = s.files.map((f) =>
    [
      f.outcome === "rejected" ? k("rejectedFile", { file: f.file }) : f.file,
      f.read,
      f.created,
      f.updated,
      f.unchanged,
      f.deactivated,
      f.skipped,
      f.errorCount,
    ].map(String),
  );
  const n = s.totals;
  rows.push([k("total"), n.read, n.created, n.updated, n.unchanged, n.deactivated, "", n.errors].map(String));
  const headings = COLUMNS.map((c) => k(`columns.${c}`));
  const widths = headings.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join("  ");
  const out = [
    fmt(headings),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.slice(0, -1).map(fmt),
    widths.map((w) => "-".repeat(w)).join("  "),
    fmt(rows[rows.length - 1]),
  ];
  for (const f of s.files) if (f.rejection) out.push(k("rejection", { reason: f.rejection }));
  const errors = s.files.flatMap((f) => f.errors);
  if (errors.length) {
    out.push("", k("rowErrors", { count: n.errors, shown: Math.min(maxIssues, errors.length) }));
    for (const e of errors.slice(0, maxIssues)) out.push(`  ${e.file}:${e.line}  ${e.message}`);
  }
  const warnings = s.files.flatMap((f) => f.warnings);
  const warningCount = s.files.reduce((n, f) => n + f.warningCount, 0);
  if (warnings.length || s.warnings.length) {
    out.push("", k("warnings", { count: warningCount + s.warnings.length }));
    for (const w of s.warnings) out.push(`  ${w}`);
    for (const w of warnings.slice(0, maxIssues)) out.push(`  ${w.file}${w.line ? `:${w.line}` : ""}  ${w.message}`);
  }
  if (s.unknownFiles.length) out.push("", k("ignored", { files: s.unknownFiles.join(", ") }));
  const changed = n.created + n.updated + n.deactivated;
  // "Already held" only when nothing was refused: rejected rows or files were not written, not already there.
  const refused = n.errors > 0 || s.rejectedFiles.length > 0;
  out.push(
    "",
    changed > 0
      ? k("changed", { created: n.created, updated: n.updated, deactivated: n.deactivated })
      : refused
        ? k("nothingWritten", { errors: n.errors, files: s.rejectedFiles.length })
        : k("noChange"),
  );
  return out;
}
