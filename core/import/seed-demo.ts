// The demo seed: imports the demo export (prisma/demo, the same path as any SIS export), then creates the
// demo's portal accounts and staff from prisma/demo/accounts.csv and staff.csv — files only the seed reads,
// since accounts are not SIS data. Idempotent: a second run changes nothing.
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

export const DEMO_DIR = path.resolve(__dirname, "../../prisma/demo");
const BCRYPT_COST = 10;
const SEED_FILES = ["accounts.csv", "staff.csv", "build-demo.ts", "families.ts", "README.md"];

export interface SeedDemoResult {
  import: ImportSummary;
  accounts: { created: number; updated: number; unchanged: number };
  staff: { created: number; updated: number; unchanged: number };
}

type AccountStatus = "ACTIVE" | "PENDING_VALIDATION" | "PENDING_SCHOOL" | "DISABLED";

function readCsv(file: string): Record<string, string>[] {
  return parseSync(fs.readFileSync(path.join(DEMO_DIR, file)), { columns: true, bom: true, trim: true, skip_empty_lines: true }) as Record<string, string>[];
}

async function sameSecret(clear: string, hash: string | null): Promise<boolean> {
  if (!clear) return hash === null;
  return hash !== null && bcrypt.compare(clear, hash);
}

export async function seedDemo(ctx: CoreContext, opts: { dir?: string } = {}): Promise<SeedDemoResult> {
  const summary = await importOneRoster(ctx, { dir: opts.dir ?? DEMO_DIR, actor: "seed" });
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
    if (question !== null && !isSecretQuestionId(question)) throw new Error(`prisma/demo/accounts.csv: ${email} has secret question id "${question}", not in templates' secretQuestions`);
    if (
      existing && existing.guardianId === (guardian?.id ?? null) && existing.status === status && existing.lang === a.lang &&
      existing.secretQuestionId === question && (await sameSecret(a.password, existing.passwordHash)) &&
      (await sameSecret(a.secretAnswer ? foldAnswer(a.secretAnswer) : "", existing.secretAnswerHash))
    ) {
      accounts.unchanged++;
      continue;
    }
    const data = {
      guardianId: guardian?.id ?? null, status, lang: a.lang || "fr", secretQuestionId: question,
      passwordHash: a.password ? await bcrypt.hash(a.password, BCRYPT_COST) : null,
      secretAnswerHash: a.secretAnswer ? await bcrypt.hash(foldAnswer(a.secretAnswer), BCRYPT_COST) : null,
      emailValidatedAt: status === "ACTIVE" ? ctx.now() : null,
    };
    await ctx.prisma.$transaction(async (tx) => {
      const acc = existing
        ? await tx.account.update({ where: { id: existing.id }, data, select: { id: true } })
        : await tx.account.create({ data: { email, ...data }, select: { id: true } });
      await recordAudit(tx, {
        actorType: "system", actorId: "seed", action: existing ? "account.seed_updated" : "account.seeded", entityType: "Account", entityId: acc.id,
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
    const existing = await ctx.prisma.staff.findUnique({ where: { email }, select: { id: true, name: true, role: true, schoolId: true, passwordHash: true } });
    if (existing && existing.name === s.name && existing.role === role && existing.schoolId === (school?.id ?? null) && (await sameSecret(s.password, existing.passwordHash))) {
      staff.unchanged++;
      continue;
    }
    const data = { name: s.name, role, schoolId: school?.id ?? null, passwordHash: s.password ? await bcrypt.hash(s.password, BCRYPT_COST) : null };
    await ctx.prisma.$transaction(async (tx) => {
      const row = existing
        ? await tx.staff.update({ where: { id: existing.id }, data, select: { id: true } })
        : await tx.staff.create({ data: { email, ...data }, select: { id: true } });
      await recordAudit(tx, { actorType: "system", actorId: "seed", action: existing ? "staff.seed_updated" : "staff.seeded", entityType: "Staff", entityId: row.id, data: { role } });
    });
    if (existing) staff.updated++;
    else staff.created++;
  }
  ctx.log.info({ component: "import", accounts, staff }, "demo seeded");
  return { import: summary, accounts, staff };
}
