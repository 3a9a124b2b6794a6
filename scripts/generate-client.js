#!/usr/bin/env node
// Generates the Prisma client offline (run by `npm install` as postinstall). The schema-engine binary is not
// needed by `generate` and cannot be downloaded here, so it is pointed at /bin/true FOR GENERATE ONLY:
// migrations never go through the CLI (they run in-process, core/db/migrate.ts).
const { execFileSync } = require("node:child_process");
const path = require("node:path");
const root = path.resolve(__dirname, "..");
execFileSync(process.execPath, [require.resolve("prisma/build/index.js", { paths: [root] }), "generate"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
