// Many rows into one table with ONE statement and ONE parameter: the rows travel as a JSON array and
// PostgreSQL turns them into the table's own row type (json_populate_recordset), so each value goes through
// its column's input function (enums, timestamps, bytea, jsonb) exactly as a typed insert would. Prisma's
// createMany binds one parameter per value, which costs about a millisecond per row on PGlite; the mail
// agent's batches write hundreds of rows per commit. Columns left out of the rows keep their defaults.
import type { Prisma } from "./generated/client";

type Db = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function jsonValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return v.toISOString(); // timestamp(3) without time zone holds UTC (as Prisma writes it)
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Uint8Array) return `\\x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("hex")}`;
  return v;
}

/** Inserts `rows` (column → value, Prisma's field names) into `table`; returns the `returning` columns per row. */
export async function bulkInsert<R = Record<string, unknown>>(
  db: Db,
  table: string,
  rows: Record<string, unknown>[],
  returning: string[] = [],
): Promise<R[]> {
  if (!rows.length) return [];
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  for (const name of [table, ...columns, ...returning]) if (!IDENT.test(name)) throw new TypeError(`bulkInsert: bad identifier ${name}`);
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(columns.map((c) => [c, jsonValue(r[c])]))));
  const cols = columns.map((c) => `"${c}"`).join(", ");
  const ret = returning.length ? ` RETURNING ${returning.map((c) => `"${c}"`).join(", ")}` : "";
  const sql = `INSERT INTO "${table}" (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::"${table}", $1::json)${ret}`;
  return db.$queryRawUnsafe<R[]>(sql, json);
}
