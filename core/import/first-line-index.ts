// Duplicate detection of one import file in bounded memory: remembers, for every key seen, the line it was
// first seen on — as a 64-bit digest of the key in an open-addressing table of typed arrays (12 bytes a
// slot), not as the key string in a Map (≈ 400 bytes a row: a 25 MB attendance file peaked at 734 MB).
// Two different keys sharing a 64-bit digest would report a false duplicate: with a million rows the odds
// are about 1 in 36 billion.
import crypto from "node:crypto";

const EMPTY = 0;

export class FirstLineIndex {
  private hi: Uint32Array;
  private lo: Uint32Array;
  /** Line + 1 (0 marks an empty slot). */
  private lines: Uint32Array;
  private count = 0;

  constructor(initialCapacity = 1024) {
    let cap = 1;
    while (cap < initialCapacity * 2) cap *= 2;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.lines = new Uint32Array(cap);
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the table (for the benchmark's report). */
  get bytes(): number {
    return this.hi.byteLength * 3;
  }

  /** The line `key` was first seen on; or records `line` for it and returns undefined. */
  firstOrAdd(key: string, line: number): number | undefined {
    const d = crypto.createHash("sha256").update(key).digest();
    const hi = d.readUInt32LE(0);
    const lo = d.readUInt32LE(4);
    const found = this.find(hi, lo);
    if (found !== undefined) return found;
    if ((this.count + 1) * 2 > this.lines.length) this.grow();
    this.insert(hi, lo, line);
    return undefined;
  }

  private find(hi: number, lo: number): number | undefined {
    const mask = this.lines.length - 1;
    for (let i = lo & mask; this.lines[i] !== EMPTY; i = (i + 1) & mask) {
      if (this.hi[i] === hi && this.lo[i] === lo) return this.lines[i] - 1;
    }
    return undefined;
  }

  private insert(hi: number, lo: number, line: number): void {
    const mask = this.lines.length - 1;
    let i = lo & mask;
    while (this.lines[i] !== EMPTY) i = (i + 1) & mask;
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.lines[i] = line + 1;
    this.count++;
  }

  private grow(): void {
    const { hi, lo, lines } = this;
    this.hi = new Uint32Array(lines.length * 2);
    this.lo = new Uint32Array(lines.length * 2);
    this.lines = new Uint32Array(lines.length * 2);
    this.count = 0;
    for (let i = 0; i < lines.length; i++) if (lines[i] !== EMPTY) this.insert(hi[i], lo[i], lines[i] - 1);
  }
}
