// The Bot Connector routes the bot's CloudAdapter calls back (replyToActivity, sendToConversation), under
// `/_connector/<secret>` and answered only from loopback: with auth disabled, whoever reached them could speak
// as the bot. A reply is stored as an activity of the conversation (so any instance's poll returns it) with its
// internal serviceUrl removed, and a replyToId that names no stored activity is dropped (Web Chat would hold the
// message 5 s waiting for it).
import type { Request, Response, Server } from "restify";
import {
  appendDirectLineActivity,
  directLineActivityExists,
  isAppError,
  type ActivityNotifier,
  type CoreContext,
  type Logger,
} from "../../core";
import { isLoopback, readJsonBody, sendError, sendJson } from "./http-guard";
import type { DirectLineLimits } from "./limits";

export const CONNECTOR_BASE = "/_connector";

export function registerConnectorRoutes(
  server: Server,
  opts: { ctx: CoreContext; secret: string; notifier: ActivityNotifier; limits: DirectLineLimits; log: Logger },
): void {
  const { ctx, notifier, log } = opts;
  const base = `${CONNECTOR_BASE}/${opts.secret}/v3/conversations/:conversationId/activities`;

  const store = async (req: Request, res: Response) => {
    if (!isLoopback(req, ctx.config)) {
      res.sendRaw(404, "");
      return;
    }
    try {
      const conversationId = String(req.params.conversationId);
      // The bot's own cards may be large (a week's schedule): allow it four times a user's body.
      const body = (await readJsonBody(req, opts.limits.maxBodyBytes * 4)) as Record<string, unknown>;
      const { serviceUrl: _internal, id: _id, ...activity } = body;
      const replyToId = typeof activity.replyToId === "string" ? activity.replyToId : undefined;
      if (replyToId && !(await directLineActivityExists(ctx, { conversationId, activityId: replyToId }))) delete activity.replyToId;
      const stored = await appendDirectLineActivity(ctx, {
        conversationId,
        activity: { ...activity, channelId: "directline", conversation: { id: conversationId } },
      });
      notifier.notify(conversationId);
      sendJson(res, 200, { id: stored.id });
    } catch (err) {
      if (!isAppError(err)) log.error({ err }, "bot reply could not be stored");
      sendError(req, res, err, log);
    }
  };
  server.post(base, store);
  server.post(`${base}/:activityId`, store);
}
