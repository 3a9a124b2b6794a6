#!/usr/bin/env node
// Entry of the `aide-portail` command: runs the TypeScript sources through tsx (no build step).
require("tsx/cjs/api").register();
require("./main.ts")
  .main(process.argv)
  .catch((err) => {
    console.error(err && err.stack ? err.stack : String(err));
    process.exit(1);
  });
