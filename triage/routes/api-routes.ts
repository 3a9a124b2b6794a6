// The JSON API under /api/tickets (triage/openapi.json describes it; a test checks both agree). Same session
// and permissions as the pages; every POST needs the X-CSRF-Token header (sent back on every authenticated
// response). Searching is a POST: a parent's or child's name must not travel in a URL.
import type { Server } from "restify";
import { getTicketAttachment, getTicketWorkspace, listTicketQueue } from "../../core";
import { sendJson, type TriageContext } from "../http/triage-handler";
import { query } from "../http/request";
import { sendFile } from "./page-routes";
import { param, parseFilters, type Make } from "./route-kit";
import { runTicketAction, TICKET_ACTIONS } from "./ticket-actions";

async function list(c: TriageContext, src: Record<string, unknown>): Promise<void> {
  const { cursor, ...filters } = parseFilters(src);
  const limit = Number(src.limit) || 25;
  const page = await listTicketQueue(c.deps.ctx, { staffId: c.staff!.id, ...filters, cursor, limit });
  sendJson(c.res, 200, page);
}

export function registerApiRoutes(server: Server, make: Make): void {
  server.get(
    "/api/tickets",
    make("api", "staff", async (c) => {
      const q = query(c.req);
      delete q.q;
      await list(c, q);
    }),
  );

  server.post(
    "/api/tickets/search",
    make("api", "staff", async (c) => list(c, c.body)),
  );

  server.get(
    "/api/tickets/:id",
    make("api", "staff", async (c) => {
      const w = await getTicketWorkspace(c.deps.ctx, { ticketId: param(c, "id"), staffId: c.staff!.id });
      const { colleagues: _c, schools: _s, ...rest } = w;
      sendJson(c.res, 200, rest);
    }),
  );

  for (const action of TICKET_ACTIONS) {
    server.post(
      `/api/tickets/:id/${action}`,
      make("api", "staff", async (c) => {
        sendJson(c.res, 200, await runTicketAction(c, param(c, "id"), action));
      }),
    );
  }

  server.get(
    "/api/tickets/:id/attachments/:attachmentId",
    make("api", "staff", async (c) => {
      const a = await getTicketAttachment(c.deps.ctx, {
        ticketId: param(c, "id"),
        attachmentId: param(c, "attachmentId"),
        staffId: c.staff!.id,
      });
      sendFile(c, a.fileName, a.contentType, a.content);
    }),
  );
}
