/** Jest: TypeScript through ts-jest (CommonJS). PGlite needs NODE_OPTIONS=--experimental-vm-modules (see package.json). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
    // email-reply-parser ships ES modules only; Node 20 requires them natively, jest's CommonJS runtime does not.
    "/node_modules/email-reply-parser/.+\\.js$": "<rootDir>/test/helpers/esm-package-transformer.js",
  },
  transformIgnorePatterns: ["/node_modules/(?!email-reply-parser/)"],
  testTimeout: 60000,
  maxWorkers: 2,
};
