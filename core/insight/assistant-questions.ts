// What parents asked the assistant and what it understood (AssistantQuestion): the bot and the mail agent
// record each question (recordAssistantQuestion); agents list those it could not answer and correct their
// intent (« teach the assistant »); the corrections are exported as JSONL {"text","intent"} that `nlu eval`
// reads and the training corpus can take in — with children's names, emails, phone numbers and OENs masked,
// so nothing else of the parent travels with the text.
import type { CoreContext } from "../context";
import { recordAudit } from "../audit";
import { AppError } from "../errors";
import { INTENTS } from "../nlu";
import { requireCentralStaff } from "./staff-roles";

/** Below this confidence an answer counts as « not understood ». */
export const LOW_CONFIDENCE = 0.5;

export type QuestionOutcome = "answered" | "low_confidence" | "none" | "handoff";

export interface RecordAssistantQuestionOptions {
  channel: "CHAT" | "TEAMS" | "EMAIL";
  lang: string;
  text: string;
  intent: string;
  confidence: number;
  runnerUp?: string | null;
  /** handoff: the parent was sent to a person (a ticket). */
  handoff?: boolean;
  ticketId?: string | null;
  schoolId?: string | null;
}

export function questionOutcome(o: { intent: string; confidence: number; handoff?: boolean }): QuestionOutcome {
  if (o.handoff) return "handoff";
  if (o.intent === "none") return "none";
  return o.confidence < LOW_CONFIDENCE ? "low_confidence" : "answered";
}

export async function recordAssistantQuestion(ctx: CoreContext, opts: RecordAssistantQuestionOptions): Promise<{ id: string }> {
  return ctx.prisma.assistantQuestion.create({
    data: {
      channel: opts.channel,
      lang: opts.lang === "en" ? "en" : "fr",
      text: String(opts.text ?? "").slice(0, 2000),
      intent: opts.intent,
      confidence: Number.isFinite(opts.confidence) ? opts.confidence : 0,
      runnerUp: opts.runnerUp ?? null,
      outcome: questionOutcome(opts),
      ticketId: opts.ticketId ?? null,
      schoolId: opts.schoolId ?? null,
      createdAt: ctx.now(),
    },
    select: { id: true },
  });
}

export interface UnansweredQuestion {
  id: string;
  channel: string;
  lang: string;
  text: string;
  intent: string;
  confidence: number;
  outcome: string;
  correctedIntent: string | null;
  createdAt: Date;
}

export async function listUnansweredQuestions(
  ctx: CoreContext,
  opts: { staffId: string; from: Date; to: Date; limit?: number },
): Promise<UnansweredQuestion[]> {
  await requireCentralStaff(ctx, opts.staffId);
  return ctx.prisma.assistantQuestion.findMany({
    where: { outcome: { in: ["low_confidence", "none", "handoff"] }, createdAt: { gte: opts.from, lt: opts.to } },
    orderBy: { createdAt: "desc" },
    take: Math.min(opts.limit ?? 100, 500),
    select: {
      id: true,
      channel: true,
      lang: true,
      text: true,
      intent: true,
      confidence: true,
      outcome: true,
      correctedIntent: true,
      createdAt: true,
    },
  });
}

export async function correctQuestionIntent(
  ctx: CoreContext,
  opts: { staffId: string; questionId: string; intent: string },
): Promise<void> {
  await requireCentralStaff(ctx, opts.staffId);
  if (!(INTENTS as readonly string[]).includes(opts.intent)) {
    throw new AppError("insight.unknown_intent", {
      log: `unknown intent ${String(opts.intent).slice(0, 60)}`,
    });
  }
  const done = await ctx.prisma.assistantQuestion.updateMany({
    where: { id: String(opts.questionId) },
    data: { correctedIntent: opts.intent, correctedById: opts.staffId, correctedAt: ctx.now() },
  });
  if (done.count !== 1) throw new AppError("insight.not_found", { log: "question not found" });
  await recordAudit(ctx.prisma, {
    at: ctx.now(),
    actorType: "staff",
    actorId: opts.staffId,
    action: "nlu.intent_corrected",
    entityType: "AssistantQuestion",
    entityId: opts.questionId,
    data: { intent: opts.intent },
  });
}

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]{2,}/g;
const PHONE = /(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/g;
const LONG_NUMBER = /\b\d{6,}\b/g;

/** Masks what identifies a family: emails, phone numbers, long numbers (OEN), and the given names listed. */
export function maskQuestionText(text: string, names: ReadonlySet<string>): string {
  let out = text.replace(EMAIL, "[courriel]").replace(PHONE, "[téléphone]").replace(LONG_NUMBER, "[numéro]");
  out = out.replace(/\p{L}[\p{L}'’-]*/gu, (w) =>
    names.has(
      w
        .normalize("NFKD")
        .replace(/\p{M}+/gu, "")
        .toLowerCase(),
    )
      ? "[prénom]"
      : w,
  );
  return out;
}

/** The corrections as JSONL lines {"text", "intent"} (what `nlu eval` and the corpus builder read). */
export async function exportIntentCorrections(ctx: CoreContext, opts: { staffId: string }): Promise<{ jsonl: string; count: number }> {
  await requireCentralStaff(ctx, opts.staffId);
  const rows = await ctx.prisma.assistantQuestion.findMany({
    where: { correctedIntent: { not: null } },
    orderBy: { correctedAt: "asc" },
    select: { text: true, correctedIntent: true, lang: true },
  });
  // Every child's first names known to the SIS: a question naming one must not carry it into the corpus.
  const students = await ctx.prisma.student.findMany({ select: { givenName: true, preferredName: true } });
  const names = new Set(
    students
      .flatMap((s) => [s.givenName, s.preferredName])
      .filter((n): n is string => Boolean(n))
      .flatMap((n) => n.split(/[\s-]+/))
      .map((n) =>
        n
          .normalize("NFKD")
          .replace(/\p{M}+/gu, "")
          .toLowerCase(),
      )
      .filter((n) => n.length > 1),
  );
  const lines = rows.map((r) => JSON.stringify({ text: maskQuestionText(r.text, names), intent: r.correctedIntent, lang: r.lang }));
  await recordAudit(ctx.prisma, {
    at: ctx.now(),
    actorType: "staff",
    actorId: opts.staffId,
    action: "nlu.corrections_exported",
    entityType: "AssistantQuestion",
    data: { count: rows.length },
  });
  return { jsonl: lines.length ? `${lines.join("\n")}\n` : "", count: rows.length };
}
