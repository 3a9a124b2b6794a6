/** Jest: TypeScript through ts-jest (CommonJS). PGlite needs NODE_OPTIONS=--experimental-vm-modules (see package.json). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
  // A guard against hangs, not a measure of speed: a loaded 2-core machine runs a start or a 50 MB import slowly.
  testTimeout: 180000,
  maxWorkers: 2,
};
