// Pages for the help centre and admins: insight (charts, CSV, corrections and their labelled export) and
// quarantined mail (download, replay). The core refuses secretaries (staff.forbidden → 403).
import type { Server } from "restify";
import {
  correctQuestionIntent,
  exportIntentCorrections,
  getInsight,
  getQuarantinedMailRaw,
  insightCsv,
  INTENTS,
  listQuarantinedMail,
  requestMailReplay,
} from "../../core";
import { redirect, sendHtml, type TriageContext } from "../http/triage-handler";
import { query, str } from "../http/request";
import { insightPage } from "../pages/insight-page";
import { quarantinePage } from "../pages/quarantine-page";
import { sendFile } from "./page-routes";
import { param, type Make } from "./route-kit";

const WEEK_MS = 7 * 86_400_000;

function period(c: TriageContext): { weeks: number; from: Date; to: Date } {
  const w = Number(query(c.req).weeks);
  const weeks = [4, 8, 13, 26, 52].includes(w) ? w : 8;
  const to = c.deps.ctx.now();
  return { weeks, from: new Date(to.getTime() - weeks * WEEK_MS), to: new Date(to.getTime() + 1) };
}

export function registerCentralRoutes(server: Server, make: Make): void {
  server.get(
    "/triage/insight",
    make("page", "staff", async (c) => {
      const p = period(c);
      const insight = await getInsight(c.deps.ctx, { staffId: c.staff!.id, from: p.from, to: p.to });
      const notice = query(c.req).done === "corrected" ? c.t("triage:notice.corrected") : undefined;
      sendHtml(c.res, 200, insightPage(c, { insight, weeks: p.weeks, intents: INTENTS, notice }));
    }),
  );

  server.get(
    "/triage/insight.csv",
    make("page", "staff", async (c) => {
      const p = period(c);
      const table = (["schools", "intents", "channels", "questions"] as const).find((x) => x === query(c.req).table) ?? "schools";
      const insight = await getInsight(c.deps.ctx, { staffId: c.staff!.id, from: p.from, to: p.to });
      sendFile(c, `aide-portail-${table}.csv`, "text/csv; charset=utf-8", Buffer.from(`\ufeff${insightCsv(insight, table)}`));
    }),
  );

  server.post(
    "/triage/insight/questions/:id/intent",
    make("page", "staff", async (c) => {
      await correctQuestionIntent(c.deps.ctx, { staffId: c.staff!.id, questionId: param(c, "id"), intent: str(c.body.intent, 100) });
      redirect(c.res, "/triage/insight?done=corrected");
    }),
  );

  server.get(
    "/triage/insight/corrections.jsonl",
    make("page", "staff", async (c) => {
      const out = await exportIntentCorrections(c.deps.ctx, { staffId: c.staff!.id });
      sendFile(c, "corrections.jsonl", "application/x-ndjson; charset=utf-8", Buffer.from(out.jsonl));
    }),
  );

  server.get(
    "/triage/quarantine",
    make("page", "staff", async (c) => {
      const mails = await listQuarantinedMail(c.deps.ctx, { staffId: c.staff!.id });
      const notice = query(c.req).done === "replay" ? c.t("triage:notice.replay") : undefined;
      sendHtml(c.res, 200, quarantinePage(c, { mails, notice }));
    }),
  );

  server.get(
    "/triage/quarantine/:id/raw",
    make("page", "staff", async (c) => {
      const m = await getQuarantinedMailRaw(c.deps.ctx, { staffId: c.staff!.id, id: param(c, "id") });
      sendFile(c, `quarantaine-${m.id}.eml`, "message/rfc822", m.raw);
    }),
  );

  server.post(
    "/triage/quarantine/:id/replay",
    make("page", "staff", async (c) => {
      await requestMailReplay(c.deps.ctx, { staffId: c.staff!.id, id: param(c, "id") });
      redirect(c.res, "/triage/quarantine?done=replay");
    }),
  );
}
