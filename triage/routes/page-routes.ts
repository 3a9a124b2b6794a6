// The console's pages: the queue (GET filters, POST search), one ticket and its actions (each redirects back
// with a notice: post/redirect/get), attachment downloads.
import type { Server } from "restify";
import { getTicketAttachment, getTicketWorkspace, INTENTS, isAppError, listTicketQueue } from "../../core";
import { sendHtml, redirect, type TriageContext } from "../http/triage-handler";
import { query } from "../http/request";
import { queuePage } from "../pages/queue-page";
import { ticketPage } from "../pages/ticket-page";
import { param, parseFilters, type Make } from "./route-kit";
import { runTicketAction, TICKET_ACTIONS } from "./ticket-actions";

const NOTICES = ["reply", "note", "status", "assign", "reroute", "merge"];

async function renderQueue(c: TriageContext, src: Record<string, unknown>): Promise<void> {
  const { cursor, ...filters } = parseFilters(src);
  const page = await listTicketQueue(c.deps.ctx, { staffId: c.staff!.id, ...filters, cursor });
  const schools = c.staff!.role === "SECRETARY" ? c.staff!.schools : [];
  sendHtml(c.res, 200, queuePage(c, { page, filters, schools, intents: [...INTENTS] }));
}

export function registerPageRoutes(server: Server, make: Make): void {
  server.get(
    "/triage",
    make("page", "staff", async (c) => {
      const q = query(c.req);
      delete q.q; // a search never travels in a URL
      await renderQueue(c, q);
    }),
  );

  server.post(
    "/triage/search",
    make("page", "staff", async (c) => renderQueue(c, c.body)),
  );

  server.get(
    "/triage/tickets/:id",
    make("page", "staff", async (c) => {
      const q = query(c.req);
      const w = await getTicketWorkspace(c.deps.ctx, { ticketId: param(c, "id"), staffId: c.staff!.id });
      const draft = q.canned ? w.canned.find((a) => a.id === q.canned)?.body : undefined;
      const notice = NOTICES.includes(q.done) ? c.t(`triage:notice.${q.done}`) : undefined;
      sendHtml(c.res, 200, ticketPage(c, w, { draft, notice }));
    }),
  );

  for (const action of TICKET_ACTIONS) {
    server.post(
      `/triage/tickets/:id/${action}`,
      make("page", "staff", async (c) => {
        const id = param(c, "id");
        try {
          const out = await runTicketAction(c, id, action);
          // After a re-route the ticket may have left this person's sight: back to the queue then.
          if (action === "merge") return redirect(c.res, `/triage/tickets/${String(out.targetId)}?done=merge`);
          if (action === "reroute" && c.staff!.role === "SECRETARY") return redirect(c.res, "/triage?done=reroute");
          redirect(c.res, `/triage/tickets/${id}?done=${action}`);
        } catch (err) {
          if (!isAppError(err) || err.code.endsWith("not_found") || err.code === "staff.forbidden") throw err;
          const w = await getTicketWorkspace(c.deps.ctx, { ticketId: id, staffId: c.staff!.id });
          sendHtml(
            c.res,
            400,
            ticketPage(c, w, { error: c.t(err.userKey, err.params), draft: action === "reply" ? String(c.body.body ?? "") : undefined }),
          );
        }
      }),
    );
  }

  server.get(
    "/triage/tickets/:id/attachments/:attachmentId",
    make("page", "staff", async (c) => {
      const a = await getTicketAttachment(c.deps.ctx, {
        ticketId: param(c, "id"),
        attachmentId: param(c, "attachmentId"),
        staffId: c.staff!.id,
      });
      sendFile(c, a.fileName, a.contentType, a.content);
    }),
  );
}

/** Downloads are attachments (never rendered inline by the browser), with an ASCII fallback name. */
export function sendFile(c: TriageContext, fileName: string, contentType: string, content: Uint8Array): void {
  const ascii = fileName
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
  c.res.setHeader("Content-Type", contentType);
  c.res.setHeader("Content-Disposition", `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  c.res.sendRaw(200, Buffer.from(content));
}
