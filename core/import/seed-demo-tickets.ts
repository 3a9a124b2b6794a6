// The demo's tickets and assistant questions (prisma/demo/tickets.csv, assistantQuestions.csv): a few requests
// in several schools' queues and the central one, of various ages and statuses, so the triage console and
// its insight page have something to show on the first `npm start`. Idempotent; sends no email.
import fs from "node:fs";
import path from "node:path";
import { parse as parseSync } from "csv-parse/sync";
import type { CoreContext } from "../context";
import type { TicketChannel, TicketStatus } from "../db/generated/enums";
import { createTicket } from "../tickets/create-ticket";
import { changeTicketStatus } from "../tickets/change-ticket-status";
import { recordAssistantQuestion } from "../insight/assistant-questions";

function readCsv(dir: string, file: string): Record<string, string>[] {
  const f = path.join(dir, file);
  if (!fs.existsSync(f)) return [];
  return parseSync(fs.readFileSync(f), { columns: true, bom: true, trim: true, skip_empty_lines: true }) as Record<string, string>[];
}

const at = (ctx: CoreContext, hours: number): CoreContext => {
  const when = new Date(ctx.now().getTime() - hours * 3600_000);
  return { ...ctx, now: () => when };
};

export async function seedDemoTickets(ctx: CoreContext, dir: string): Promise<{ tickets: number; questions: number }> {
  let tickets = 0;
  for (const r of readCsv(dir, "tickets.csv")) {
    const emailMessageId = `<${r.key}@demo.aide-portail>`;
    if (await ctx.prisma.ticketMessage.findUnique({ where: { emailMessageId }, select: { id: true } })) continue;
    const account = r.accountEmail ? await ctx.prisma.account.findUnique({ where: { email: r.accountEmail }, select: { id: true } }) : null;
    const student = r.studentSourcedId
      ? await ctx.prisma.student.findUnique({ where: { sourcedId: r.studentSourcedId }, select: { id: true } })
      : null;
    const when = at(ctx, Number(r.ageHours) || 1);
    const t = await createTicket(when, {
      channel: r.channel as TicketChannel,
      lang: r.lang === "en" ? "en" : "fr",
      intent: r.intent || null,
      subject: r.subject,
      body: r.body,
      accountId: account?.id ?? null,
      studentId: student?.id ?? null,
      schoolCode: r.schoolCode || null,
      requester: { name: r.requesterName || null, email: r.requesterEmail || null },
      emailMessageId,
    });
    const status = r.status as TicketStatus;
    if (status && status !== "NEW")
      await changeTicketStatus(at(ctx, Math.max(0, (Number(r.ageHours) || 1) - 1)), { ticketId: t.id, status });
    tickets++;
  }
  let questions = 0;
  if ((await ctx.prisma.assistantQuestion.count()) === 0) {
    for (const q of readCsv(dir, "assistantQuestions.csv")) {
      await recordAssistantQuestion(at(ctx, Number(q.ageHours) || 1), {
        channel: q.channel as "CHAT" | "TEAMS" | "EMAIL",
        lang: q.lang,
        text: q.text,
        intent: q.intent,
        confidence: Number(q.confidence),
        runnerUp: q.runnerUp || null,
        handoff: q.handoff === "true",
      });
      questions++;
    }
  }
  return { tickets, questions };
}
