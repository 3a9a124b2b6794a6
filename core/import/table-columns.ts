// The SQL types of a model's columns, read once from the database's catalogue, so chunks of rows can be
// written with one statement (INSERT/UPDATE … FROM jsonb_to_recordset) whatever the model.
import type { PrismaClient } from "../db/generated/client";

export interface TableColumns {
  table: string;
  /** Column → SQL type usable in a record definition ("text", "date", "text[]", "\"AttendanceStatus\""). */
  types: Map<string, string>;
  hasUpdatedAt: boolean;
}

const cache = new WeakMap<object, Map<string, Promise<TableColumns>>>();

export function tableColumns(db: PrismaClient, model: string): Promise<TableColumns> {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  let p = perDb.get(model);
  if (!p) {
    p = load(db, model[0].toUpperCase() + model.slice(1));
    perDb.set(model, p);
  }
  return p;
}

async function load(db: PrismaClient, table: string): Promise<TableColumns> {
  const rows = await db.$queryRawUnsafe<{ column_name: string; data_type: string; udt_name: string }[]>(
    `select column_name, data_type, udt_name from information_schema.columns where table_schema = current_schema() and table_name = $1`,
    table,
  );
  if (rows.length === 0) throw new Error(`import: table ${table} not found`);
  const types = new Map<string, string>();
  for (const r of rows) {
    const t = r.data_type === "ARRAY" ? `${r.udt_name.slice(1)}[]` : r.data_type === "USER-DEFINED" ? `"${r.udt_name}"` : r.data_type;
    types.set(r.column_name, t);
  }
  return { table, types, hasUpdatedAt: types.has("updatedAt") };
}

/** Rows as the JSON jsonb_to_recordset reads: calendar days as YYYY-MM-DD, instants as ISO strings. */
export function toJsonRows(rows: Record<string, unknown>[], types: Map<string, string>): string {
  return JSON.stringify(rows, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    if (raw instanceof Date) return types.get(key) === "date" ? raw.toISOString().slice(0, 10) : raw.toISOString();
    return value;
  });
}
