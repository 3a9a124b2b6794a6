#!/usr/bin/env node
// Entry of the `aide-portail` command: runs the TypeScript sources through tsx (no build step).
// WebAssembly (PGlite's PostgreSQL, Prisma's query compiler) runs on V8's baseline compiler only, set before
// any module is compiled: the optimising tier recompiled PostgreSQL's hot functions in the background and kept
// both copies, ≈ 60 MB of RSS for good, while on this 2-core machine the baseline code answered the first
// queries sooner (bench/start-bench.ts: idle RSS and the first chat answer; bench/import-bench.ts: same CPU).
require("node:v8").setFlagsFromString("--liftoff-only");
require("tsx/cjs/api").register();
require("./main.ts")
  .main(process.argv)
  .catch((err) => {
    console.error(err && err.stack ? err.stack : String(err));
    process.exit(1);
  });
