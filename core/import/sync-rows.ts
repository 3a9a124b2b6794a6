// Batched "compare, then write only what changed" for one chunk of rows of one model: the rows already
// stored are fetched in one query, new ones are inserted with one createMany, changed ones updated (only the
// changed columns) in one transaction, equal ones are not touched — so a re-import moves no updatedAt.
import crypto from "node:crypto";
import type { PrismaClient } from "../db/generated/client";
import { tableColumns, toJsonRows } from "./table-columns";

export type Row = Record<string, unknown>;

export type ModelName =
  | "school"
  | "academicSession"
  | "course"
  | "classSection"
  | "student"
  | "teacher"
  | "guardian"
  | "guardianStudent"
  | "enrollment"
  | "bellPeriod"
  | "schoolDay"
  | "classMeeting"
  | "attendance"
  | "credit"
  | "diplomaRequirement"
  | "diplomaProgress"
  | "reportCard"
  | "document"
  | "enrolmentHistory";

export interface EntitySpec {
  model: ModelName;
  /** The column that identifies a stored row for an update ("id", or "code"/"studentId" for those models). */
  idField: string;
  /** Give new rows a client-side uuid, so other rows of the same chunk can point at them. */
  generateId: boolean;
  /** Natural key, computed the same way from a parsed row and from a stored one. */
  keyOf(row: Row): string;
  /** Columns the key is made of (always selected, never updated). */
  keyFields: string[];
  /** Columns compared and, when different, written. */
  fields: string[];
  /** `where` that fetches (at least) the stored rows of a chunk. */
  findWhere(rows: Row[]): object;
  /** False: rows that are not stored yet are reported, not created (files that only add details). */
  canCreate: boolean;
  /** What a `tobedeleted` row does: returns how many rows were deactivated or deleted. */
  remove?(db: PrismaClient, rows: Row[]): Promise<number>;
}

export interface SyncResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Keys of rows that could not be created (canCreate false). */
  notFound: Set<string>;
  /** Key → stored id (existing or new) of every row of the chunk. */
  ids: Map<string, string>;
}

// Prisma's delegates differ per model; this module only needs the shape they share.
interface Delegate {
  findMany(args: { where: object; select: Record<string, true> }): Promise<Row[]>;
}

export function delegateOf(db: PrismaClient, model: ModelName): Delegate {
  return (db as unknown as Record<ModelName, Delegate>)[model];
}

/** Comparable form of a value: dates as ISO strings, arrays and JSON with sorted keys, null for absent. */
export function comparable(v: unknown): string {
  if (v === undefined || v === null) return "null";
  if (v instanceof Date) return `d:${v.toISOString()}`;
  if (typeof v === "object") return `j:${stableJson(v)}`;
  return `${typeof v}:${String(v)}`;
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  if (v && typeof v === "object" && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v instanceof Date ? v.toISOString() : (v ?? null));
}

export async function syncRows(db: PrismaClient, spec: EntitySpec, rows: Row[]): Promise<SyncResult> {
  const res: SyncResult = { created: 0, updated: 0, unchanged: 0, notFound: new Set(), ids: new Map() };
  if (rows.length === 0) return res;
  const d = delegateOf(db, spec.model);
  const select: Record<string, true> = { [spec.idField]: true };
  for (const f of [...spec.keyFields, ...spec.fields]) select[f] = true;
  const stored = new Map<string, Row>();
  for (const e of await d.findMany({ where: spec.findWhere(rows), select })) stored.set(spec.keyOf(e), e);

  const creates: Row[] = [];
  const updates: Row[] = [];
  for (const row of rows) {
    const key = spec.keyOf(row);
    const e = stored.get(key);
    if (!e) {
      if (!spec.canCreate) {
        res.notFound.add(key);
        continue;
      }
      const data = spec.generateId && row.id === undefined ? { id: crypto.randomUUID(), ...row } : row;
      creates.push(data);
      res.ids.set(key, String(data[spec.idField]));
      continue;
    }
    res.ids.set(key, String(e[spec.idField]));
    const changed: Row = {};
    for (const f of spec.fields) {
      if (f in row && comparable(row[f]) !== comparable(e[f])) changed[f] = row[f];
    }
    if (Object.keys(changed).length === 0) res.unchanged++;
    else updates.push({ ...changed, [spec.idField]: e[spec.idField] });
  }
  if (creates.length) res.created = await insertRows(db, spec.model, creates);
  if (updates.length) res.updated = await updateRows(db, spec, updates);
  return res;
}

/** A spec keyed on a unique `sourcedId` column (most OneRoster entities). */
export function bySourcedId(model: ModelName, fields: string[], extra: Partial<EntitySpec> = {}): EntitySpec {
  return {
    model,
    idField: "id",
    generateId: true,
    keyFields: ["sourcedId"],
    fields,
    canCreate: true,
    keyOf: (r) => String(r.sourcedId),
    findWhere: (rows) => ({ sourcedId: { in: rows.map((r) => r.sourcedId as string) } }),
    ...extra,
  };
}

/** A spec keyed on our own unique `key` column (attendance, credits, enrolment history). */
export function byKeyColumn(model: ModelName, fields: string[], extra: Partial<EntitySpec> = {}): EntitySpec {
  return {
    model,
    idField: "id",
    generateId: true,
    keyFields: ["key"],
    fields,
    canCreate: true,
    keyOf: (r) => String(r.key),
    findWhere: (rows) => ({ key: { in: rows.map((r) => r.key as string) } }),
    ...extra,
  };
}

/**
 * One INSERT for a whole chunk: the rows travel as one JSON parameter (jsonb_to_recordset), which is many
 * times faster than thousands of bind parameters on the embedded engine, and identical on PostgreSQL.
 */
async function insertRows(db: PrismaClient, model: ModelName, rows: Row[]): Promise<number> {
  const { table, types, hasUpdatedAt } = await tableColumns(db, model);
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const q = (c: string) => `"${c}"`;
  const record = cols.map((c) => `${q(c)} ${types.get(c)}`).join(", ");
  const target = [...cols, ...(hasUpdatedAt ? ["updatedAt"] : [])].map(q).join(", ");
  const values = [...cols.map(q), ...(hasUpdatedAt ? ["now()"] : [])].join(", ");
  const sql = `INSERT INTO "${table}" (${target}) SELECT ${values} FROM jsonb_to_recordset($1::jsonb) AS x(${record})`;
  return db.$executeRawUnsafe(sql, toJsonRows(rows, types));
}

/** Changed rows, grouped by the columns that changed, one UPDATE … FROM jsonb_to_recordset per group. */
async function updateRows(db: PrismaClient, spec: EntitySpec, rows: Row[]): Promise<number> {
  const { table, types, hasUpdatedAt } = await tableColumns(db, spec.model);
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const sig = Object.keys(r).sort().join(",");
    groups.set(sig, [...(groups.get(sig) ?? []), r]);
  }
  let n = 0;
  for (const [sig, group] of groups) {
    const cols = sig.split(",");
    const set = cols.filter((c) => c !== spec.idField).map((c) => `"${c}" = x."${c}"`);
    if (hasUpdatedAt) set.push(`"updatedAt" = now()`);
    const record = cols.map((c) => `"${c}" ${types.get(c)}`).join(", ");
    const sql = `UPDATE "${table}" AS t SET ${set.join(", ")} FROM jsonb_to_recordset($1::jsonb) AS x(${record}) WHERE t."${spec.idField}" = x."${spec.idField}"`;
    n += await db.$executeRawUnsafe(sql, toJsonRows(group, types));
  }
  return n;
}
