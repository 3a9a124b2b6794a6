// The demo seed: imports the demo export (prisma/demo, the same path as any SIS export), then creates the
// demo's portal accounts and staff from prisma/demo/accounts.csv and staff.csv — files only the seed reads,
// since accounts are not SIS data. Idempotent: a second run changes nothing.
// The seed is long (an import and bcrypt hashes) and can be interrupted (Ctrl-C, SIGKILL, a crash during the
// first `npm start`): its last write is a completion marker (the audit event `demo.seeded`), so a start that
// finds a database holding only an unfinished seed completes it instead of serving a half-empty demo.
import fs from "node:fs";
import path from "node:path";
import bcrypt from "bcryptjs";
import { parse as parseSync } from "csv-parse/sync";
import type { CoreContext } from "../context";
import { recordAudit } from "../audit";
import { foldAnswer, normalizeEmail } from "../util/text";
import { isSecretQuestionId } from "../accounts/secret-questions";
import { importOneRoster } from "./import-one-roster";
import type { ImportSummary } from "./summary";
import { seedDemoTickets } from "./seed-demo-tickets";

export const DEMO_DIR = path.resolve(__dirname, "../../prisma/demo");
const BCRYPT_COST = 10;
const SEED_FILES = ["accounts.csv", "staff.csv", "tickets.csv", "assistantQuestions.csv", "build-demo.ts", "families.ts", "README.md"];

/** The audit action written once the whole demo (export, accounts, staff) is in: the seed's completion marker. */
export const DEMO_SEEDED_ACTION = "demo.seeded";

/**
 * empty: nothing imported yet; seeded: a seed ran to its end; interrupted: only the demo was ever imported and
 * its seed never finished; other-data: an export other than the demo was imported (never seeded implicitly).
 */
export type DemoSeedState = "empty" | "seeded" | "interrupted" | "other-data";

export async function getDemoSeedState(ctx: CoreContext): Promise<DemoSeedState> {
  const marker = await ctx.prisma.auditEvent.findFirst({ where: { action: DEMO_SEEDED_ACTION }, select: { id: true } });
  if (marker) return "seeded";
  const runs = await ctx.prisma.importRun.findMany({ select: { source: true } });
  if (runs.some((r) => r.source !== DEMO_DIR)) return "other-data";
  if (runs.length > 0) return "interrupted";
  return (await ctx.prisma.school.count()) > 0 ? "other-data" : "empty";
}

export interface SeedDemoResult {
  import: ImportSummary;
  accounts: { created: number; updated: number; unchanged: number };
  staff: { created: number; updated: number; unchanged: number };
}

type AccountStatus = "ACTIVE" | "PENDING_VALIDATION" | "PENDING_SCHOOL" | "DISABLED";

function readCsv(file: string): Record<string, string>[] {
  return parseSync(fs.readFileSync(path.join(DEMO_DIR, file)), { columns: true, bom: true, trim: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
}

async function sameSecret(clear: string, hash: string | null): Promise<boolean> {
  if (!clear) return hash === null;
  return hash !== null && bcrypt.compare(clear, hash);
}

export async function seedDemo(ctx: CoreContext, opts: { dir?: string } = {}): Promise<SeedDemoResult> {
  const dir = opts.dir ?? DEMO_DIR;
  // Runs of an earlier seed that was killed stay open otherwise; nothing else imports while we hold the database.
  await ctx.prisma.importRun.updateMany({
    where: { source: path.resolve(dir), finishedAt: null },
    data: { finishedAt: ctx.now(), summary: { status: "interrupted" } },
  });
  const summary = await importOneRoster(ctx, { dir, actor: "seed" });
  // The seed's own files live beside the export; they are not "unknown" to it.
  summary.unknownFiles = summary.unknownFiles.filter((f) => !SEED_FILES.includes(f));
  const accounts = { created: 0, updated: 0, unchanged: 0 };
  for (const a of readCsv("accounts.csv")) {
    const email = normalizeEmail(a.email);
    const guardian = await ctx.prisma.guardian.findFirst({ where: { email }, select: { id: true } });
    const status = a.status as AccountStatus;
    const existing = await ctx.prisma.account.findUnique({
      where: { email },
      select: { id: true, guardianId: true, status: true, passwordHash: true, secretQuestionId: true, secretAnswerHash: true, lang: true },
    });
    const question = a.secretQuestionId || null;
    if (question !== null && !isSecretQuestionId(question))
      throw new Error(`prisma/demo/accounts.csv: ${email} has secret question id "${question}", not in templates' secretQuestions`);
    if (
      existing &&
      existing.guardianId === (guardian?.id ?? null) &&
      existing.status === status &&
      existing.lang === a.lang &&
      existing.secretQuestionId === question &&
      (await sameSecret(a.password, existing.passwordHash)) &&
      (await sameSecret(a.secretAnswer ? foldAnswer(a.secretAnswer) : "", existing.secretAnswerHash))
    ) {
      accounts.unchanged++;
      continue;
    }
    const data = {
      guardianId: guardian?.id ?? null,
      status,
      lang: a.lang || "fr",
      secretQuestionId: question,
      passwordHash: a.password ? await bcrypt.hash(a.password, BCRYPT_COST) : null,
      secretAnswerHash: a.secretAnswer ? await bcrypt.hash(foldAnswer(a.secretAnswer), BCRYPT_COST) : null,
      emailValidatedAt: status === "ACTIVE" ? ctx.now() : null,
    };
    await ctx.prisma.$transaction(async (tx) => {
      const acc = existing
        ? await tx.account.update({ where: { id: existing.id }, data, select: { id: true } })
        : await tx.account.create({ data: { email, ...data }, select: { id: true } });
      await recordAudit(tx, {
        actorType: "system",
        actorId: "seed",
        action: existing ? "account.seed_updated" : "account.seeded",
        entityType: "Account",
        entityId: acc.id,
        data: { status },
      });
    });
    if (existing) accounts.updated++;
    else accounts.created++;
  }

  const staff = { created: 0, updated: 0, unchanged: 0 };
  for (const s of readCsv("staff.csv")) {
    const email = normalizeEmail(s.email);
    const school = s.schoolCode ? await ctx.prisma.school.findUnique({ where: { code: s.schoolCode }, select: { id: true } }) : null;
    const role = s.role as "SECRETARY" | "AGENT" | "ADMIN";
    const existing = await ctx.prisma.staff.findUnique({
      where: { email },
      select: { id: true, name: true, role: true, schoolId: true, passwordHash: true },
    });
    if (
      existing &&
      existing.name === s.name &&
      existing.role === role &&
      existing.schoolId === (school?.id ?? null) &&
      (await sameSecret(s.password, existing.passwordHash))
    ) {
      staff.unchanged++;
      continue;
    }
    const data = {
      name: s.name,
      role,
      schoolId: school?.id ?? null,
      passwordHash: s.password ? await bcrypt.hash(s.password, BCRYPT_COST) : null,
    };
    await ctx.prisma.$transaction(async (tx) => {
      const row = existing
        ? await tx.staff.update({ where: { id: existing.id }, data, select: { id: true } })
        : await tx.staff.create({ data: { email, ...data }, select: { id: true } });
      await recordAudit(tx, {
        actorType: "system",
        actorId: "seed",
        action: existing ? "staff.seed_updated" : "staff.seeded",
        entityType: "Staff",
        entityId: row.id,
        data: { role },
      });
    });
    if (existing) staff.updated++;
    else staff.created++;
  }
  const demo = await seedDemoTickets(ctx, opts.dir ?? DEMO_DIR);
  await recordAudit(ctx.prisma, {
    actorType: "system",
    actorId: "seed",
    action: DEMO_SEEDED_ACTION,
    entityType: "ImportRun",
    entityId: summary.runId,
    data: { accounts, staff, demo, ok: summary.ok },
  });
  ctx.log.info({ component: "import", accounts, staff, demo }, "demo seeded");
  return { import: summary, accounts, staff };
}
