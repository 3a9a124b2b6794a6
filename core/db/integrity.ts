// Is the database whole? PostgreSQL answers a query on a damaged table without complaint: a relation file cut
// short (a full disk, a bad copy, a crash of the embedded PGlite) reads as an empty or shorter table. Two
// checks catch it without an extension (amcheck is not in PGlite):
// - every table is read twice, once by a sequential scan and once through its primary key index: the index
//   still names the rows the table lost, so the two counts differ (or the index scan fails on the missing
//   blocks);
// - the tables the SIS import fills must hold at least the rows the last import left (recorded with its run).
import type { PrismaClient } from "./generated/client";

/** The tables only the SIS import writes (rows leave them only through a later import's tobedeleted rows). */
export const IMPORTED_TABLES = [
  "School",
  "AcademicSession",
  "Course",
  "ClassSection",
  "ClassTerm",
  "ClassMeeting",
  "Student",
  "Guardian",
  "GuardianStudent",
  "Teacher",
  "Enrollment",
  "BellPeriod",
  "SchoolDay",
  "Attendance",
  "Credit",
  "DiplomaRequirement",
  "DiplomaProgress",
  "ReportCard",
  "Document",
  "EnrolmentHistory",
];

export interface IntegrityProblem {
  table: string;
  /** For the operator (English, like every log detail). */
  detail: string;
}

export interface IntegrityReport {
  tables: number;
  rows: number;
  problems: IntegrityProblem[];
}

type Tx = Pick<PrismaClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function countWith(prisma: PrismaClient, table: string, settings: string[]): Promise<number> {
  return prisma.$transaction(async (tx: Tx) => {
    for (const s of settings) await tx.$executeRawUnsafe(`set local ${s}`);
    const rows = await tx.$queryRawUnsafe<{ n: number }[]>(`select count(*)::int as n from ${quote(table)}`);
    return rows[0].n;
  });
}

const SEQUENTIAL = ["enable_indexscan = off", "enable_indexonlyscan = off", "enable_bitmapscan = off"];
const BY_INDEX = ["enable_seqscan = off", "enable_bitmapscan = off"];

/** Counts of the imported tables, recorded with each import run for `checkDatabaseIntegrity` to compare. */
export async function countImportedTables(prisma: Pick<PrismaClient, "$queryRawUnsafe">): Promise<Record<string, number>> {
  const sql = IMPORTED_TABLES.map((t) => `select '${t}' as t, count(*)::int as n from ${quote(t)}`).join(" union all ");
  const rows = await prisma.$queryRawUnsafe<{ t: string; n: number }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

export async function checkDatabaseIntegrity(prisma: PrismaClient): Promise<IntegrityReport> {
  const tables = await prisma.$queryRawUnsafe<{ table: string; indexed: boolean }[]>(
    `select c.relname as table, exists (select 1 from pg_index i where i.indrelid = c.oid and i.indisprimary) as indexed
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind = 'r' order by c.relname`,
  );
  const problems: IntegrityProblem[] = [];
  const counts = new Map<string, number>();
  let rows = 0;
  for (const { table, indexed } of tables) {
    let seq: number;
    try {
      seq = await countWith(prisma, table, SEQUENTIAL);
    } catch (err) {
      problems.push({ table, detail: `cannot be read: ${lastLine(err)}` });
      continue;
    }
    counts.set(table, seq);
    rows += seq;
    if (!indexed) continue;
    try {
      const byIndex = await countWith(prisma, table, BY_INDEX);
      if (byIndex !== seq) problems.push({ table, detail: `its primary key index lists ${byIndex} rows, the table holds ${seq}` });
    } catch (err) {
      problems.push({ table, detail: `rows listed by its primary key index cannot be read (${lastLine(err)})` });
    }
  }
  problems.push(...(await againstLastImport(prisma, counts)));
  return { tables: tables.length, rows, problems };
}

async function againstLastImport(prisma: PrismaClient, counts: Map<string, number>): Promise<IntegrityProblem[]> {
  const runs = await prisma.importRun.findMany({
    where: { finishedAt: { not: null } },
    orderBy: { finishedAt: "desc" },
    take: 1,
    select: { finishedAt: true, summary: true },
  });
  const recorded = (runs[0]?.summary as { tableCounts?: Record<string, number> } | null)?.tableCounts;
  if (!recorded) return [];
  const when = runs[0].finishedAt!.toISOString();
  return Object.entries(recorded)
    .filter(([t, n]) => counts.has(t) && counts.get(t)! < n)
    .map(([table, n]) => ({ table, detail: `holds ${counts.get(table)} rows, the last import (${when}) left ${n}` }));
}

function lastLine(err: unknown): string {
  const lines = String((err as Error)?.message ?? err)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return lines[lines.length - 1] ?? "unknown error";
}
