// ESLint (typescript-eslint's recommended rules) for every TypeScript file; formatting is Prettier's job
// (eslint-config-prettier turns off the rules that would fight it). `npm run lint` runs both.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  { ignores: ["node_modules/", "data/", "coverage/", "core/db/generated/", "prisma/migrations/", "**/*.js", "**/*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // require() with `as typeof import(…)` is how commands load heavy modules lazily (bin/main.ts, cli/).
      "@typescript-eslint/no-require-imports": "off",
      "no-control-regex": "off",
    },
  },
);
