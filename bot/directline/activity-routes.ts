// POST /v3/directline/conversations/{id}/activities (a user's message: checked, rate-limited, stored — that is
// the echo Web Chat waits for, with its clientActivityID — then handed to the bot) and
// GET …/activities?watermark=N (polling: what is newer than N). Uploads are refused with a clear error.
import type { Request, Response, Server } from "restify";
import { AppError, appendDirectLineActivity, authorizeDirectLine, consumeDirectLineQuota, listDirectLineActivities } from "../../core";
import { bearer, checkOrigin, clientAddress, readJsonBody, requireQuota, sendError, sendJson } from "./http-guard";
import { checkPostedActivity } from "./limits";
import { DIRECTLINE_BASE, type EndpointContext } from "./endpoint-context";

export function registerActivityRoutes(server: Server, ep: EndpointContext): void {
  const { ctx, limits, log } = ep;
  const path = `${DIRECTLINE_BASE}/conversations/:conversationId/activities`;

  server.post(path, async (req: Request, res: Response) => {
    try {
      checkOrigin(req, res, ep.origins);
      const access = await authorizeDirectLine(ctx, { token: bearer(req), conversationId: String(req.params.conversationId) });
      const posted = checkPostedActivity(await readJsonBody(req, limits.maxBodyBytes), limits);
      const window = limits.windowMs;
      await requireQuota(ctx, () =>
        consumeDirectLineQuota(ctx, {
          purpose: "post",
          subject: "conversation",
          value: access.conversationId,
          max: limits.postsPerConversation,
          windowMs: window,
        }),
      );
      await requireQuota(ctx, () =>
        consumeDirectLineQuota(ctx, {
          purpose: "post",
          subject: "address",
          value: clientAddress(req, ctx.config),
          max: limits.postsPerAddress,
          windowMs: window,
        }),
      );
      const { fromName, ...fields } = posted;
      const from = { id: access.userId, ...(fromName ? { name: fromName } : {}), role: "user" };
      const conversation = { id: access.conversationId };
      if (posted.type === "typing") {
        // Typing is neither stored nor worth a turn.
        sendJson(res, 200, { id: `${access.conversationId}|typing` });
        return;
      }
      const activity = { ...fields, from, conversation, channelId: "directline" };
      const stored = await appendDirectLineActivity(ctx, { conversationId: access.conversationId, activity });
      ep.notifier.notify(access.conversationId);
      await ep.bridge.deliver({ ...(activity as object), id: stored.id, timestamp: ctx.now() } as never);
      sendJson(res, 200, { id: stored.id });
    } catch (err) {
      sendError(req, res, err, log);
    }
  });

  server.get(path, async (req: Request, res: Response) => {
    try {
      checkOrigin(req, res, ep.origins);
      const access = await authorizeDirectLine(ctx, { token: bearer(req), conversationId: String(req.params.conversationId) });
      const raw = typeof req.query?.watermark === "string" ? req.query.watermark : "";
      const watermark = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
      const page = await listDirectLineActivities(ctx, { conversationId: access.conversationId, watermark });
      sendJson(res, 200, { activities: page.activities, watermark: String(page.watermark) });
    } catch (err) {
      sendError(req, res, err, log);
    }
  });

  server.post(`${DIRECTLINE_BASE}/conversations/:conversationId/upload`, async (req: Request, res: Response) => {
    try {
      checkOrigin(req, res, ep.origins);
      await authorizeDirectLine(ctx, { token: bearer(req), conversationId: String(req.params.conversationId) });
      throw new AppError("directline.upload_not_supported", { log: "file upload attempted" });
    } catch (err) {
      sendError(req, res, err, log);
    }
  });
}
