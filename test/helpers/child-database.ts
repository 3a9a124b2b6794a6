// The database a child process of `aide-portail` (start, db, import) runs on, on the engine of the test run:
// - DATABASE_URL set (CI's second pass): a scratch PostgreSQL database beside it, dropped by `drop()`;
// - otherwise: the embedded PGlite under a fresh DATA_DIR.
// `env` is what the child needs; `query` reads the database from the test once the child has stopped
// (PGlite serves one process at a time).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { createScratchPostgres } from "./scratch-postgres";

export interface ChildDatabase {
  kind: "pglite" | "postgres";
  dataDir: string;
  /** DATA_DIR and DATABASE_URL (empty on PGlite) for the child's environment. */
  env: Record<string, string>;
  /** Runs one query on the database (opens and closes its own connection). */
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** `select count(*)` of a table. */
  count(table: string): Promise<number>;
  drop(): Promise<void>;
}

export async function createChildDatabase(prefix = "ap_child"): Promise<ChildDatabase> {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`)), "data");
  const url = process.env.DATABASE_URL;
  let query: ChildDatabase["query"];
  let drop: () => Promise<void>;
  let env: Record<string, string>;
  if (url) {
    const scratch = await createScratchPostgres(url, prefix);
    env = { DATA_DIR: dataDir, DATABASE_URL: scratch.url };
    query = async <T>(sql: string) => {
      const c = new pg.Client({ connectionString: scratch.url });
      await c.connect();
      try {
        return (await c.query(sql)).rows as T[];
      } finally {
        await c.end();
      }
    };
    drop = scratch.drop;
  } else {
    env = { DATA_DIR: dataDir, DATABASE_URL: "" };
    query = async <T>(sql: string) => {
      const db = new PGlite(path.join(dataDir, "pglite"));
      try {
        return (await db.query<T>(sql)).rows;
      } finally {
        await db.close();
      }
    };
    drop = async () => undefined;
  }
  return {
    kind: url ? "postgres" : "pglite",
    dataDir,
    env,
    query,
    count: async (table) => (await query<{ n: number }>(`select count(*)::int as n from "${table}"`))[0].n,
    drop,
  };
}
