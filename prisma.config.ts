// Prisma CLI configuration. Only `prisma generate` is run through the CLI here (offline, see README);
// migrations are applied in-process by core/db/migrate.ts through the WebAssembly schema engine.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
