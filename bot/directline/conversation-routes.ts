// POST /v3/directline/conversations (start: the token's own conversation; the bot gets its conversationUpdate
// once, so the welcome message is there on the first poll) and GET /v3/directline/conversations/{id} (Web Chat's
// reconnect: a fresh token and stream URL).
import type { Request, Response, Server } from "restify";
import { authorizeDirectLine, markDirectLineConversationStarted, verifyDirectLineToken } from "../../core";
import { bearer, checkOrigin, sendError, sendJson } from "./http-guard";
import { DIRECTLINE_BASE, streamUrl, type EndpointContext } from "./endpoint-context";

export function registerConversationRoutes(server: Server, ep: EndpointContext): void {
  const { ctx, log } = ep;

  server.post(`${DIRECTLINE_BASE}/conversations`, async (req: Request, res: Response) => {
    try {
      checkOrigin(req, res, ep.origins);
      const token = bearer(req);
      const access = await authorizeDirectLine(ctx, { token });
      const first = !access.started && (await markDirectLineConversationStarted(ctx, { conversationId: access.conversationId }));
      if (first) await ep.bridge.welcome(access);
      const expiresIn = Math.max(0, Math.floor((verifyDirectLineToken(ctx, token).expiresAt - ctx.now().getTime()) / 1000));
      sendJson(res, first ? 201 : 200, {
        conversationId: access.conversationId,
        token,
        expires_in: expiresIn,
        streamUrl: streamUrl(req, access.conversationId, token!, ""),
      });
    } catch (err) {
      sendError(req, res, err, log);
    }
  });

  server.get(`${DIRECTLINE_BASE}/conversations/:conversationId`, async (req: Request, res: Response) => {
    try {
      checkOrigin(req, res, ep.origins);
      const token = bearer(req);
      const access = await authorizeDirectLine(ctx, { token, conversationId: String(req.params.conversationId) });
      const watermark = typeof req.query?.watermark === "string" ? req.query.watermark : "";
      const expiresIn = Math.max(0, Math.floor((verifyDirectLineToken(ctx, token).expiresAt - ctx.now().getTime()) / 1000));
      sendJson(res, 200, {
        conversationId: access.conversationId,
        token,
        expires_in: expiresIn,
        streamUrl: streamUrl(req, access.conversationId, token!, watermark),
      });
    } catch (err) {
      sendError(req, res, err, log);
    }
  });
}
