// Imports a SIS export folder: OneRoster 1.1 CSV files plus our own documented files (docs/import-format.md),
// in dependency order. Each file is streamed and written in batches; a bad row is reported with its file and
// line and rejects nothing else; a file missing required columns is rejected alone. Re-importing the same
// export writes nothing. Rows absent from a later export are kept (only `tobedeleted` removes): see the doc.
import fs from "node:fs";
import path from "node:path";
import { parse as parseSync } from "csv-parse/sync";
import type { CoreContext } from "../context";
import { AppError } from "../errors";
import { recordAudit } from "../audit";
import type { Prisma } from "../db/generated/client";
import { countImportedTables } from "../db/integrity";
import { runFile, type FileDef } from "./file-pass";
import {
  loadClasses,
  loadCourses,
  loadPeople,
  loadSchools,
  loadSessions,
  newImportState,
  type ImportState,
  type ProgressEvent,
} from "./import-state";
import { totalsOf, type FileReport, type ImportSummary } from "./summary";
import { checkOrgParents, orgsFile, schoolsFile } from "./files/schools";
import { academicSessionsFile, classesFile, coursesFile, linkSessionParents } from "./files/courses-classes";
import { linkAgents, usersFile } from "./files/users";
import { demographicsFile, guardianLinksFile, guardiansFile, studentsFile } from "./files/people";
import { enrollmentsFile } from "./files/enrollments";
import { bellScheduleFile, classMeetingsFile, schoolDaysFile } from "./files/schedule";
import {
  attendanceFile,
  creditsFile,
  diplomaProgressFile,
  diplomaRequirementsFile,
  documentsFile,
  enrolmentHistoryFile,
  reportCardsFile,
} from "./files/records";

export interface ImportOneRosterOptions {
  dir: string;
  onProgress?: (e: ProgressEvent) => void;
  /** Who ran it, for the audit log (an operator's name, "seed", "cli"). */
  actor?: string;
}

/** The files, in the order they are imported, and what must be reloaded after each for the next ones. */
const STEPS: { def: FileDef; after?: (st: ImportState, rep: FileReport | null) => Promise<void> }[] = [
  { def: schoolsFile, after: (st) => loadSchools(st) },
  {
    def: orgsFile,
    after: async (st, rep) => {
      await loadSchools(st);
      if (rep) checkOrgParents(st, rep);
    },
  },
  {
    def: academicSessionsFile,
    after: async (st, rep) => {
      await loadSessions(st);
      if (rep) await linkSessionParents(st, rep);
    },
  },
  { def: coursesFile, after: (st) => loadCourses(st) },
  { def: classesFile, after: (st) => loadClasses(st) },
  {
    def: usersFile,
    after: async (st) => {
      await loadPeople(st);
      await linkAgents(st);
    },
  },
  { def: demographicsFile },
  { def: studentsFile, after: (st) => loadPeople(st) },
  { def: guardiansFile },
  { def: guardianLinksFile },
  { def: enrollmentsFile },
  { def: bellScheduleFile },
  { def: schoolDaysFile },
  { def: classMeetingsFile },
  { def: attendanceFile },
  { def: creditsFile },
  { def: diplomaRequirementsFile },
  { def: diplomaProgressFile },
  { def: reportCardsFile },
  { def: documentsFile },
  { def: enrolmentHistoryFile },
];

export const KNOWN_FILES = ["manifest.csv", ...STEPS.map((s) => s.def.file)];

export async function importOneRoster(ctx: CoreContext, opts: ImportOneRosterOptions): Promise<ImportSummary> {
  const dir = path.resolve(opts.dir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new AppError("import.dir_not_found", { params: { dir }, log: `import folder ${dir} does not exist or is not a folder` });
  }
  const log = ctx.log.child({ component: "import" });
  const startedAt = ctx.now();
  const run = await ctx.prisma.importRun.create({ data: { source: dir, startedAt }, select: { id: true } });
  const st = newImportState(ctx, dir, opts.onProgress);
  let summary: ImportSummary | undefined;
  try {
    await loadSchools(st);
    await loadSessions(st);
    await loadCourses(st);
    await loadClasses(st);
    await loadPeople(st);
    log.info({ runId: run.id, dir }, "import started");
    for (const step of STEPS) await runStep(st, step, run.id);
    summary = summarize(st, run.id, dir, startedAt);
  } finally {
    // The run is always closed with what it did: finished, or failed with the reason (then rethrown).
    summary ??= { ...summarize(st, run.id, dir, startedAt), status: "failed", ok: false };
    await finishRun(ctx, summary, opts.actor);
  }
  log.info({ runId: run.id, totals: summary.totals, rejectedFiles: summary.rejectedFiles }, "import finished");
  return summary;
}

/** One file, then what the next files need reloaded. A file that fails for any other reason is rejected alone. */
async function runStep(st: ImportState, step: (typeof STEPS)[number], runId: string): Promise<void> {
  const log = st.ctx.log.child({ component: "import" });
  let rep: FileReport | null;
  try {
    rep = await runFile(st, step.def);
  } catch (err) {
    rep = st.reports.find((r) => r.file === step.def.file) ?? null;
    if (!rep) throw err;
    rep.outcome = "rejected";
    rep.rejection = `${rep.file}: the import of this file stopped (${lastLineOf(err)}); the rows written before stay, the other files are imported`;
    log.error({ runId, file: rep.file, err }, "file failed");
  }
  if (rep)
    log.info(
      { runId, file: rep.file, outcome: rep.outcome, read: rep.read, created: rep.created, updated: rep.updated, errors: rep.errorCount },
      "file imported",
    );
  await step.after?.(st, rep);
}

function summarize(st: ImportState, runId: string, dir: string, startedAt: Date): ImportSummary {
  const present = new Set(fs.readdirSync(dir));
  const unknownFiles = [...present].filter((f) => !KNOWN_FILES.includes(f) && !f.startsWith(".")).sort();
  const warnings = [...st.warnings];
  if (!present.has("users.csv")) warnings.push("no users.csv in this export: no student, teacher or family imported");
  else if (st.guardianRowsSeen === 0)
    warnings.push(
      "no guardians in this export (no user with role parent, guardian or relative): families cannot create portal accounts until an export includes them",
    );
  if (present.size === 0) warnings.push("the folder is empty");
  const files = st.reports;
  const rejectedFiles = files.filter((f) => f.outcome === "rejected").map((f) => f.file);
  return {
    runId,
    source: dir,
    startedAt: startedAt.toISOString(),
    finishedAt: st.ctx.now().toISOString(),
    status: "finished",
    oneRosterVersion: readManifestVersion(dir),
    files,
    unknownFiles,
    warnings,
    totals: totalsOf(files),
    rejectedFiles,
    ok: rejectedFiles.length === 0,
  };
}

async function finishRun(ctx: CoreContext, summary: ImportSummary, actor: string | undefined): Promise<void> {
  // What the import left, so that `doctor` can tell a table that later lost rows (a damaged file) from one never filled.
  summary.tableCounts = await countImportedTables(ctx.prisma);
  await ctx.prisma.$transaction(async (tx) => {
    await tx.importRun.update({
      where: { id: summary.runId },
      data: { finishedAt: new Date(summary.finishedAt), summary: summary as unknown as Prisma.InputJsonValue },
    });
    await recordAudit(tx, {
      actorType: "import",
      actorId: actor ?? null,
      action: summary.status === "failed" ? "import.oneroster_failed" : "import.oneroster",
      entityType: "ImportRun",
      entityId: summary.runId,
      data: { totals: summary.totals, rejectedFiles: summary.rejectedFiles, files: summary.files.map((f) => f.file) },
    });
  });
}

function lastLineOf(err: unknown): string {
  const lines = String((err as Error)?.message ?? err)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return lines[lines.length - 1] ?? "unknown error";
}

/** manifest.csv (optional): `oneroster.version` when given. Other properties are informative only. */
function readManifestVersion(dir: string): string | null {
  const file = path.join(dir, "manifest.csv");
  if (!fs.existsSync(file)) return null;
  try {
    const rows = parseSync(fs.readFileSync(file), {
      bom: true,
      trim: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
    return rows.find((r) => r[0] === "oneroster.version")?.[1] ?? null;
  } catch {
    return null;
  }
}
