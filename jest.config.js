/** Jest: TypeScript through ts-jest (CommonJS). PGlite needs NODE_OPTIONS=--experimental-vm-modules (see package.json). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
  testTimeout: 60000,
  maxWorkers: 2,
};
