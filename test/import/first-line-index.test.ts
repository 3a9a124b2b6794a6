// The duplicate-detection index of an import file: the first line of each key, through growth, in bounded memory.
import { FirstLineIndex } from "../../core/import/first-line-index";

describe("FirstLineIndex", () => {
  it("returns the first line of a key seen again, and nothing for a new key", () => {
    const idx = new FirstLineIndex(4);
    expect(idx.firstOrAdd("attendance|s1|2026-11-23|P1", 2)).toBeUndefined();
    expect(idx.firstOrAdd("attendance|s1|2026-11-23|P2", 3)).toBeUndefined();
    expect(idx.firstOrAdd("attendance|s1|2026-11-23|P1", 9)).toBe(2);
    expect(idx.firstOrAdd("attendance|s1|2026-11-23|P1", 12)).toBe(2);
    expect(idx.size).toBe(2);
  });

  it("keeps every key through many growths, at 24 bytes or less a key", () => {
    const idx = new FirstLineIndex();
    const n = 200_000;
    for (let i = 0; i < n; i++) expect(idx.firstOrAdd(`student|${i}`, i + 2)).toBeUndefined();
    for (let i = 0; i < n; i += 997) expect(idx.firstOrAdd(`student|${i}`, 0)).toBe(i + 2);
    expect(idx.size).toBe(n);
    expect(idx.bytes).toBeLessThanOrEqual(n * 24 * 2);
  });
});
