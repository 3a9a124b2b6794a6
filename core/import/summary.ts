// The import's summary: per file what was read, created, updated, left unchanged, deactivated or deleted,
// and the rows that failed (file, line, reason). Messages are for the operator who ran the import.

/** How many row errors (and warnings) a file report lists in full; the rest are only counted. */
export const LISTED_ISSUES = 20;

export interface ImportIssue {
  file: string;
  /** 0 when the issue is about the whole file. */
  line: number;
  message: string;
}

export type FileOutcome = "imported" | "rejected" | "absent";

export interface FileReport {
  file: string;
  outcome: FileOutcome;
  /** Why the file was rejected (missing columns, unreadable CSV). */
  rejection?: string;
  missingColumns?: string[];
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Rows marked tobedeleted/inactive that deactivated (students, schools) or removed a record. */
  deactivated: number;
  /** Rows deliberately not imported (roles the portal does not use, rows of other people). */
  skipped: number;
  errorCount: number;
  errors: ImportIssue[];
  warningCount: number;
  warnings: ImportIssue[];
}

export interface ImportTotals {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  deactivated: number;
  errors: number;
}

export interface ImportSummary {
  runId: string;
  source: string;
  startedAt: string;
  finishedAt: string;
  /** "failed": the import stopped before its last file (the reason is in the log); what it wrote is kept. */
  status: "finished" | "failed";
  oneRosterVersion: string | null;
  files: FileReport[];
  /** Files of the folder the importer does not know (ignored). */
  unknownFiles: string[];
  /** Whole-import remarks, e.g. an export without any guardian. */
  warnings: string[];
  totals: ImportTotals;
  rejectedFiles: string[];
  /** Rows of each imported table once the import ended (compared by `doctor`'s integrity check). */
  tableCounts?: Record<string, number>;
  /** No file rejected (row errors do not make an import fail). */
  ok: boolean;
}

export function newFileReport(file: string): FileReport {
  return {
    file,
    outcome: "imported",
    read: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    deactivated: 0,
    skipped: 0,
    errorCount: 0,
    errors: [],
    warningCount: 0,
    warnings: [],
  };
}

export function addError(rep: FileReport, line: number, message: string): void {
  rep.errorCount++;
  if (rep.errors.length < LISTED_ISSUES) rep.errors.push({ file: rep.file, line, message });
}

export function addWarning(rep: FileReport, line: number, message: string): void {
  rep.warningCount++;
  if (rep.warnings.length < LISTED_ISSUES) rep.warnings.push({ file: rep.file, line, message });
}

export function totalsOf(files: FileReport[]): ImportTotals {
  const t: ImportTotals = { read: 0, created: 0, updated: 0, unchanged: 0, deactivated: 0, errors: 0 };
  for (const f of files) {
    t.read += f.read;
    t.created += f.created;
    t.updated += f.updated;
    t.unchanged += f.unchanged;
    t.deactivated += f.deactivated;
    t.errors += f.errorCount;
  }
  return t;
}
