// One pass over one file: check its columns, stream it in chunks, turn each row into upserts or removals,
// reject duplicate keys (the first row wins), write each chunk in batches, and report every failing row with
// its line. A chunk that the database refuses is retried row by row, so one bad row rejects nothing else.
import fs from "node:fs";
import path from "node:path";
import { openCsv, type CsvFile, type CsvRow } from "./csv-reader";
import { addError, newFileReport, type FileReport } from "./summary";
import { syncRows, type EntitySpec, type Row } from "./sync-rows";
import { RowError } from "./values";
import { FirstLineIndex } from "./first-line-index";
import type { ImportState } from "./import-state";

export interface RowOp {
  spec: EntitySpec;
  data: Row;
  /** tobedeleted/inactive: deactivate or delete instead of upserting. */
  remove?: boolean;
  /** What afterChunk needs beside the row (e.g. a class's term ids). */
  extra?: unknown;
}

export interface FileDef {
  file: string;
  required: string[];
  /** Called once the header is known (e.g. to write only the optional columns the file has). */
  prepare?(csv: CsvFile, st: ImportState, rep: FileReport): void | Promise<void>;
  /** Turns a row into operations; throws RowError for a bad row; returns null to skip it. */
  parse(row: CsvRow, st: ImportState, rep: FileReport): RowOp | RowOp[] | null;
  /** After a chunk is written, with its rows' stored ids (e.g. a class's terms). */
  afterChunk?(ops: { op: RowOp; line: number }[], ids: Map<string, string>, st: ImportState): Promise<void>;
  /** What a row whose target does not exist (spec.canCreate false) is told. */
  notFoundMessage?: (op: RowOp) => string;
}

export const CHUNK_SIZE = 500;

export async function runFile(st: ImportState, def: FileDef): Promise<FileReport | null> {
  const file = path.join(st.dir, def.file);
  if (!fs.existsSync(file)) return null;
  const rep = newFileReport(def.file);
  st.reports.push(rep);
  const csv = await openCsv(file, def.required);
  if (csv.unreadable) {
    rep.outcome = "rejected";
    rep.rejection = `${def.file}: ${csv.unreadable}; the file was not imported`;
    st.ctx.log.warn({ component: "import", file: def.file, reason: csv.unreadable }, "file rejected: not readable as CSV");
    return rep;
  }
  if (csv.missing.length) {
    rep.outcome = "rejected";
    rep.missingColumns = csv.missing;
    rep.rejection = `${def.file}: missing required column(s) ${csv.missing.join(", ")}; the file was not imported`;
    st.ctx.log.warn({ component: "import", file: def.file, missing: csv.missing }, "file rejected: missing columns");
    return rep;
  }
  await def.prepare?.(csv, st, rep);
  // Bounded: a 64-bit digest and a line per key (12 bytes), not the key string (first-line-index.ts).
  const firstLine = new FirstLineIndex();
  const onBadLine = (bad: { line: number; message: string }) => addError(rep, bad.line, bad.message);
  for await (const rows of csv.chunks(CHUNK_SIZE, onBadLine)) {
    const ops: { op: RowOp; line: number }[] = [];
    for (const row of rows) {
      rep.read++;
      try {
        const out = def.parse(row, st, rep);
        if (out === null) {
          rep.skipped++;
          continue;
        }
        for (const op of Array.isArray(out) ? out : [out]) {
          const key = `${op.spec.model}|${op.spec.keyOf(op.data)}`;
          const first = firstLine.firstOrAdd(key, row.line);
          if (first !== undefined) {
            addError(rep, row.line, `duplicate ${describeKey(op)} (already on line ${first}; the first row is kept)`);
            continue;
          }
          ops.push({ op, line: row.line });
        }
      } catch (err) {
        if (!(err instanceof RowError)) throw err;
        addError(rep, row.line, err.message);
      }
    }
    const ids = await writeChunk(st, def, rep, ops);
    await def.afterChunk?.(ops, ids, st);
    st.onProgress?.({ file: def.file, done: csv.bytesRead(), total: csv.totalBytes });
  }
  st.onProgress?.({ file: def.file, done: csv.totalBytes, total: csv.totalBytes });
  return rep;
}

function describeKey(op: RowOp): string {
  return `${op.spec.keyFields.join("+")} ${op.spec.keyFields.map((f) => String(op.data[f])).join("+")}`;
}

async function writeChunk(
  st: ImportState,
  def: FileDef,
  rep: FileReport,
  ops: { op: RowOp; line: number }[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const groups = new Map<EntitySpec, { op: RowOp; line: number }[]>();
  for (const o of ops) {
    const g = groups.get(o.op.spec) ?? [];
    g.push(o);
    groups.set(o.op.spec, g);
  }
  for (const [spec, group] of groups) {
    const upserts = group.filter((o) => !o.op.remove);
    const removals = group.filter((o) => o.op.remove);
    try {
      await applyGroup(st, def, rep, spec, upserts, removals, ids);
    } catch (err) {
      if (group.length === 1) {
        addError(rep, group[0].line, `the database refused the row: ${firstLineOf(err)}`);
        continue;
      }
      for (const one of group) {
        try {
          await applyGroup(st, def, rep, spec, one.op.remove ? [] : [one], one.op.remove ? [one] : [], ids);
        } catch (e) {
          addError(rep, one.line, `the database refused the row: ${firstLineOf(e)}`);
        }
      }
    }
  }
  return ids;
}

async function applyGroup(
  st: ImportState,
  def: FileDef,
  rep: FileReport,
  spec: EntitySpec,
  upserts: { op: RowOp; line: number }[],
  removals: { op: RowOp; line: number }[],
  ids: Map<string, string>,
): Promise<void> {
  const res = await syncRows(
    st.ctx.prisma,
    spec,
    upserts.map((o) => o.op.data),
  );
  rep.created += res.created;
  rep.updated += res.updated;
  rep.unchanged += res.unchanged;
  for (const [k, v] of res.ids) ids.set(k, v);
  for (const o of upserts) {
    if (res.notFound.has(spec.keyOf(o.op.data)))
      addError(rep, o.line, def.notFoundMessage?.(o.op) ?? `no stored row for ${describeKey(o.op)}`);
  }
  if (removals.length && spec.remove)
    rep.deactivated += await spec.remove(
      st.ctx.prisma,
      removals.map((o) => o.op.data),
    );
}

/** Prisma's messages span many lines; the operator needs the last, meaningful one. */
function firstLineOf(err: unknown): string {
  const lines = String((err as Error)?.message ?? err)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return lines[lines.length - 1] ?? "unknown error";
}
