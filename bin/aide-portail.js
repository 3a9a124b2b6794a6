#!/usr/bin/env node
// Entry of the `aide-portail` command: runs the TypeScript sources through tsx (no build step).
// WebAssembly (PGlite's PostgreSQL, Prisma's query compiler) runs on V8's baseline compiler only, set before
// any module is compiled: the optimising tier recompiled PostgreSQL's hot functions in the background and kept
// both copies, ≈ 60 MB of RSS for good, while on this 2-core machine the baseline code answered the first
// queries sooner (bench/start-bench.ts: idle RSS and the first chat answer; bench/import-bench.ts: same CPU).
// The heap grows by half of what the last full collection kept (V8 chose up to ×4 while an import allocated
// fast: a 10,000-student import peaked at 574 → 362 MB RSS for about 5 % more CPU; bench/import-bench.ts).
require("node:v8").setFlagsFromString("--liftoff-only");
require("node:v8").setFlagsFromString("--heap-growing-percent=50");
require("tsx/cjs/api").register();
require("./main.ts")
  .main(process.argv)
  .catch((err) => {
    console.error(err && err.stack ? err.stack : String(err));
    process.exit(1);
  });
