// Streams one CSV file of an export as chunks of rows, whatever the exporter did to it: BOM, CRLF, no final
// newline, every value quoted or some bare, rows with more fields than the header (a trailing comma).
// Columns are matched by name, case-insensitively, so their order and extra columns never matter.
import fs from "node:fs";
import { parse } from "csv-parse";

export interface CsvRow {
  /** Line number in the file (1 = the header), as an operator would look it up. */
  line: number;
  /** The trimmed value of a column ("" when the column is absent or the field empty). */
  get(column: string): string;
  /** Whether the file has that column at all (absent column ≠ empty value: absent means "do not touch"). */
  has(column: string): boolean;
  /** Every column of the row by its header name (for files kept as given, e.g. demographics). */
  all(): Record<string, string>;
}

export interface CsvFile {
  /** Header as written (trimmed, BOM removed). */
  header: string[];
  /** Required columns the header lacks (the file is then rejected as a whole). */
  missing: string[];
  /** Chunks of rows, in file order. */
  chunks(size?: number): AsyncGenerator<CsvRow[]>;
  /** Bytes of the file, and bytes consumed so far (progress without a counting pass). */
  totalBytes: number;
  bytesRead(): number;
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

function parser(startLine = 1) {
  return parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    from_line: startLine,
  });
}

/** Reads only the header line (a few kilobytes at most), to check columns before importing anything. */
async function readHeader(path: string): Promise<string[]> {
  const stream = fs.createReadStream(path, { highWaterMark: 64 * 1024 });
  const p = stream.pipe(parser());
  try {
    for await (const rec of p as AsyncIterable<{ record: string[] }>) {
      return rec.record.map((h) => h.replace(/^\uFEFF/, "").trim());
    }
    return [];
  } finally {
    stream.destroy();
    p.destroy();
  }
}

export async function openCsv(path: string, required: string[]): Promise<CsvFile> {
  const header = await readHeader(path);
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const k = h.toLowerCase();
    if (!index.has(k)) index.set(k, i); // a repeated column: the first one counts
  });
  const missing = required.filter((c) => !index.has(c.toLowerCase()));
  const totalBytes = fs.statSync(path).size;
  let stream: fs.ReadStream | undefined;

  async function* chunks(size = 500): AsyncGenerator<CsvRow[]> {
    stream = fs.createReadStream(path, { highWaterMark: 256 * 1024 });
    const p = stream.pipe(parser(2));
    let batch: CsvRow[] = [];
    try {
      for await (const rec of p as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        const values = rec.record;
        const line = rec.info.lines;
        batch.push({
          line,
          get: (c) => {
            const i = index.get(c.toLowerCase());
            return i === undefined ? "" : (values[i] ?? "").trim();
          },
          has: (c) => index.has(c.toLowerCase()),
          all: () => Object.fromEntries(header.map((h, i) => [h, (values[i] ?? "").trim()])),
        });
        if (batch.length >= size) {
          yield batch;
          batch = [];
        }
      }
    } catch (err) {
      const e = err as { lines?: number; message: string };
      if (batch.length) yield batch;
      batch = [];
      throw new CsvSyntaxError(e.lines ?? 0, e.message);
    } finally {
      stream.destroy();
    }
    if (batch.length) yield batch;
  }

  return { header, missing, chunks, totalBytes, bytesRead: () => stream?.bytesRead ?? 0 };
}
