// A throw-away PostgreSQL database beside the server of `url` (tests and benchmarks): created empty,
// dropped (even with connections left) when `drop` is called.
import crypto from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../../core/db/database";

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createScratchPostgres(url: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
  await admin(url, `CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Runs `fn` on an opened scratch database (not migrated), then closes and drops it. */
export async function withScratchPostgres<T>(url: string, prefix: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const scratch = await createScratchPostgres(url, prefix);
  const db = await openDatabase({ databaseUrl: scratch.url, poolSize: 4 });
  try {
    return await fn(db);
  } finally {
    await db.close();
    await scratch.drop();
  }
}
