// Runs Prisma's schema engine (migrations) as WebAssembly over a driver adapter: no native binary, no network.
import fs from "node:fs";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine, MigrationList, SchemaFilter } from "@prisma/schema-engine-wasm";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";

type Bg = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let bgPromise: Promise<Bg> | undefined;

// The wasm panic hook calls global.PRISMA_WASM_PANIC_REGISTRY.set_message(); without it a Rust panic
// surfaces as "TypeError: Cannot read properties of undefined (reading 'set_message')".
const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m) => console.error(`schema-engine-wasm panic: ${m}`) };

/** Load and start the wasm module once per process (its JS glue keeps module-level state). */
function loadWasm(): Promise<Bg> {
  bgPromise ??= (async () => {
    // import() (kept as import() by module=nodenext) because the package is ESM-only ("type": "module").
    const bg: Bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmFile = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    // The engine arms 10 s setTimeout()s (never cleared; no clearTimeout import) during applyMigrations,
    // which keep node/jest alive for 10 s after the work is done. Unref them.
    const imports: Record<string, unknown> = { ...bg };
    for (const [name, fn] of Object.entries(bg)) {
      if (name.startsWith("__wbg_setTimeout_")) {
        imports[name] = (...args: unknown[]) => {
          const t = (fn as (...a: unknown[]) => NodeJS.Timeout)(...args);
          t?.unref?.();
          return t;
        };
      }
    }
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmFile), {
      "./schema_engine_bg.js": imports as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg;
  })();
  return bgPromise;
}

export const noFilter: SchemaFilter = { externalTables: [], externalEnums: [] };

export async function openSchemaEngine(
  schemaPath: string,
  factory: SqlMigrationAwareDriverAdapterFactory,
  log: (msg: string) => void = () => {},
): Promise<SchemaEngine> {
  const bg = await loadWasm();
  const text = fs.readFileSync(schemaPath, "utf8");
  return bg.SchemaEngine.new({ datamodels: [[schemaPath, text]] }, log, bindMigrationAwareSqlAdapterFactory(factory));
}

/** Same shape the Prisma CLI builds from prisma/migrations. */
export function listMigrations(migrationsDir: string): MigrationList {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const dirs = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok" as const, value: fs.readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `missing ${file}` },
        },
      };
    }),
  };
}

export async function applyMigrations(engine: SchemaEngine, migrationsDir: string): Promise<string[]> {
  const out = await engine.applyMigrations({ migrationsList: listMigrations(migrationsDir), filters: noFilter });
  return out.appliedMigrationNames;
}

/** SQL that turns `fromSchemaPath`'s datamodel (or an empty db when null) into `toSchemaPath`'s. */
export async function diffSql(engine: SchemaEngine, fromSchemaPath: string | null, toSchemaPath: string): Promise<string> {
  const file = (p: string) => ({ files: [{ path: p, content: fs.readFileSync(p, "utf8") }] });
  const res = await engine.diff({
    from: fromSchemaPath ? { tag: "schemaDatamodel", ...file(fromSchemaPath) } : { tag: "empty" },
    to: { tag: "schemaDatamodel", ...file(toSchemaPath) },
    script: true,
    exitCode: null,
    filters: noFilter,
  });
  return res.stdout ?? "";
}

/**
 * PrismaPGlite for migrations, with two fixes for pglite-prisma-adapter 0.7.2:
 * - its executeScript() does not await PGlite.exec(): a failing migration is recorded as applied and the
 *   error escapes as an unhandled rejection. We await it.
 * - its connectToShadowDb() opens an in-memory PGlite it never closes. We track and close them (closeShadows).
 */
export function pgliteMigrationFactory(db: PGlite) {
  const shadows: PGlite[] = [];
  const wrap = async (client: PGlite) => {
    const adapter = await new PrismaPGlite(client).connect();
    adapter.executeScript = async (script: string) => {
      try {
        await client.exec(script);
      } catch (e) {
        (adapter as unknown as { onError(e: unknown): never }).onError(e); // -> DriverAdapterError
      }
    };
    return adapter;
  };
  const factory: SqlMigrationAwareDriverAdapterFactory & { closeShadows(): Promise<void> } = {
    provider: "postgres",
    adapterName: "pglite-prisma-adapter",
    connect: () => wrap(db),
    connectToShadowDb: () => {
      const shadow = new PGlite();
      shadows.push(shadow);
      return wrap(shadow);
    },
    closeShadows: async () => {
      for (const s of shadows.splice(0)) await s.close();
    },
  };
  return factory;
}

/**
 * PrismaPg for migrations, with one fix for @prisma/adapter-pg 7.10: its executeScript() splits the script on
 * every ";", comments and string literals included, so a migration whose comment says « a; b » fails on
 * PostgreSQL (and not on PGlite, whose exec() parses the script). We send the script whole, as one simple
 * query: PostgreSQL parses it and runs it as one implicit transaction.
 */
export function pgMigrationFactory(pool: import("pg").Pool): SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaPg(pool);
  const connect = async () => {
    const adapter = await base.connect();
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (e) {
        (adapter as unknown as { onError(e: unknown): never }).onError(e); // -> DriverAdapterError
      }
    };
    return adapter;
  };
  return { provider: base.provider, adapterName: base.adapterName, connect, connectToShadowDb: () => base.connectToShadowDb() };
}
