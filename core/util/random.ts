// A seeded pseudo-random generator for reproducible data (the NLU corpus, generated SIS exports).
// Never for secrets: those use node:crypto.

export type Rng = () => number;

/** mulberry32: tiny, fast, good enough for sampling, and reproducible from a seed. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
