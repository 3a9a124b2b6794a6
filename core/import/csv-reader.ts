// Streams one CSV file of an export as chunks of rows, whatever the exporter did to it: BOM, CRLF, no final
// newline, every value quoted or some bare, rows with more fields than the header (a trailing comma).
// Columns are matched by name, case-insensitively, so their order and extra columns never matter.
// A line the CSV parser cannot read (an unbalanced quote) is reported with its number and skipped: parsing
// resumes on the next line, so one broken row never hides the rows after it. A file that is not text at all
// (a NUL byte: a spreadsheet, an archive, UTF-16) is said so before anything is read from it.
import fs from "node:fs";
import { CsvError, parse } from "csv-parse";

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

/** A line the parser could not read; `message` is for the operator. */
export interface CsvBadLine {
  line: number;
  message: string;
}

export interface CsvFile {
  /** Header as written (trimmed, BOM removed). */
  header: string[];
  /** Required columns the header lacks (the file is then rejected as a whole). */
  missing: string[];
  /** Why the file cannot be read as CSV text at all (binary content, unreadable header); null when it can. */
  unreadable: string | null;
  /** Chunks of rows, in file order; each unreadable line is handed to `onBadLine` and skipped. */
  chunks(size: number, onBadLine: (bad: CsvBadLine) => void): AsyncGenerator<CsvRow[]>;
  /** Bytes of the file, and bytes consumed so far (progress without a counting pass). */
  totalBytes: number;
  bytesRead(): number;
}

/** Past this many unreadable lines the file is not what it claims to be: the rest of it is not read. */
export const MAX_BAD_LINES = 100;

const SNIFF_BYTES = 64 * 1024;

function parser(opts: { bom: boolean; to?: number; onRecord?: (record: string[], info: { lines: number; bytes: number }) => string[] }) {
  return parse({
    bom: opts.bom,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
    // With a record hook, the hook gets the line and byte counters itself (and the stream carries bare records).
    info: !opts.onRecord,
    ...(opts.to ? { to: opts.to } : {}),
    ...(opts.onRecord ? { on_record: opts.onRecord } : {}),
  });
}

/** The parser's reasons, for the operator, without its line numbers (they count from where it resumed). */
function describeCsvError(err: CsvError): string {
  switch (err.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quoted value is opened on this line and never closed";
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
    case "CSV_INVALID_CLOSING_QUOTE":
      return 'characters follow the closing quote of a value (a quote inside a value must be doubled: "")';
    case "INVALID_OPENING_QUOTE":
      return "a quote opens in the middle of a value";
    case "CSV_MAX_RECORD_SIZE":
      return "the row is too long";
    default:
      return `unreadable CSV (${err.code ?? "parse error"})`;
  }
}

function readStart(path: string): Buffer {
  const fd = fs.openSync(path, "r");
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    return buf.subarray(0, fs.readSync(fd, buf, 0, SNIFF_BYTES, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** A CSV export is text: a NUL byte means a binary file (xlsx, zip, image) or UTF-16, which we do not read. */
function binaryReason(start: Buffer): string | null {
  if ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff)) {
    return "the file is encoded in UTF-16; export it as UTF-8 CSV";
  }
  const nul = start.indexOf(0);
  return nul === -1 ? null : `the file is not CSV text (binary content: a NUL byte at byte ${nul + 1}; a spreadsheet or an archive?)`;
}

/** Reads only the header record (parsing stops after it, so a broken row further down cannot fail it). */
async function readHeader(path: string): Promise<{ header: string[]; endByte: number; endLine: number }> {
  const stream = fs.createReadStream(path, { highWaterMark: SNIFF_BYTES });
  const p = stream.pipe(parser({ bom: true, to: 1 }));
  try {
    for await (const rec of p as AsyncIterable<{ record: string[]; info: { bytes: number; lines: number } }>) {
      return { header: rec.record.map((h) => h.replace(/^\uFEFF/, "").trim()), endByte: rec.info.bytes, endLine: rec.info.lines };
    }
    return { header: [], endByte: 0, endLine: 0 };
  } finally {
    stream.destroy();
    p.destroy();
  }
}

/** Byte offset just after the line starting at `from` (the file's size when it is the last line). */
function nextLineStart(path: string, from: number): number {
  const fd = fs.openSync(path, "r");
  try {
    const buf = Buffer.alloc(64 * 1024);
    for (let pos = from; ; pos += buf.length) {
      const n = fs.readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) return pos;
      const i = buf.subarray(0, n).indexOf(0x0a);
      if (i !== -1) return pos + i + 1;
    }
  } finally {
    fs.closeSync(fd);
  }
}

export async function openCsv(path: string, required: string[]): Promise<CsvFile> {
  const totalBytes = fs.statSync(path).size;
  let stream: fs.ReadStream | undefined;
  const done = { bytes: 0 };
  const bytesRead = () => done.bytes + (stream?.bytesRead ?? 0);

  const unreadableBinary = binaryReason(readStart(path));
  let head: Awaited<ReturnType<typeof readHeader>> = { header: [], endByte: 0, endLine: 0 };
  let unreadable = unreadableBinary;
  if (!unreadable) {
    try {
      head = await readHeader(path);
    } catch (err) {
      unreadable = `the header line cannot be read: ${describeCsvError(err as CsvError)}`;
    }
  }
  const { header } = head;
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const k = h.toLowerCase();
    if (!index.has(k)) index.set(k, i); // a repeated column: the first one counts
  });
  const missing = unreadable ? [] : required.filter((c) => !index.has(c.toLowerCase()));

  function toRow(values: string[], line: number): CsvRow {
    return {
      line,
      get: (c) => {
        const i = index.get(c.toLowerCase());
        return i === undefined ? "" : (values[i] ?? "").trim();
      },
      has: (c) => index.has(c.toLowerCase()),
      all: () => Object.fromEntries(header.map((h, i) => [h, (values[i] ?? "").trim()])),
    };
  }

  async function* chunks(size: number, onBadLine: (bad: CsvBadLine) => void): AsyncGenerator<CsvRow[]> {
    if (unreadable) return;
    // Where the current parser started: its byte offset and the number of lines before it.
    let startByte = head.endByte;
    let linesBefore = head.endLine;
    let badLines = 0;
    let batch: CsvRow[] = [];
    while (startByte < totalBytes) {
      // Records as the parser makes them: when it fails on a line, the records it made from the same chunk
      // never reach the stream's reader, so they are taken from here instead of being lost.
      const made: { values: string[]; line: number; endByte: number }[] = [];
      const base = { byte: startByte, line: linesBefore };
      stream = fs.createReadStream(path, { start: startByte, highWaterMark: 256 * 1024 });
      const p = stream.pipe(
        parser({
          bom: false,
          onRecord: (record, info) => {
            made.push({ values: record, line: base.line + info.lines, endByte: base.byte + info.bytes });
            return record;
          },
        }),
      );
      let lastEnd = { byte: startByte, line: linesBefore };
      const take = (): CsvRow => {
        const rec = made.shift()!;
        lastEnd = { byte: rec.endByte, line: rec.line };
        return toRow(rec.values, rec.line);
      };
      try {
        for await (const _ of p) {
          batch.push(take());
          if (batch.length >= size) {
            yield batch;
            batch = [];
          }
        }
        break; // the end of the file
      } catch (err) {
        if (!(err instanceof CsvError)) throw err;
        while (made.length) batch.push(take());
        // The broken row starts right after the last good one: report that line, resume on the next one.
        const line = lastEnd.line + 1;
        if (++badLines > MAX_BAD_LINES) {
          onBadLine({ line, message: `more than ${MAX_BAD_LINES} unreadable lines: the rest of the file (from this line) was not read` });
          break;
        }
        onBadLine({ line, message: `${describeCsvError(err)}; this line was skipped, the next ones are read` });
        startByte = nextLineStart(path, lastEnd.byte);
        linesBefore = line;
      } finally {
        done.bytes += stream.bytesRead;
        stream.destroy();
        p.destroy();
        stream = undefined;
      }
    }
    if (batch.length) yield batch;
  }

  return { header, missing, unreadable, chunks, totalBytes, bytesRead };
}
