// POST /v3/directline/tokens/generate (the page's own call: a new conversation and its token, rate-limited per
// address) and POST /v3/directline/tokens/refresh (Web Chat's call every 15 minutes).
import type { Request, Response, Server } from "restify";
import { consumeDirectLineQuota, refreshDirectLineToken, startDirectLineConversation } from "../../core";
import { bearer, checkOrigin, clientAddress, readJsonBody, requireQuota, sendError, sendJson } from "./http-guard";
import { DIRECTLINE_BASE, type EndpointContext } from "./endpoint-context";

export function registerTokenRoutes(server: Server, ep: EndpointContext): void {
  const { ctx, limits, log } = ep;

  server.post(`${DIRECTLINE_BASE}/tokens/generate`, async (req: Request, res: Response) => {
    try {
      checkOrigin(req, res, ep.origins);
      await requireQuota(ctx, () =>
        consumeDirectLineQuota(ctx, {
          purpose: "start",
          subject: "address",
          value: clientAddress(req, ctx.config),
          max: limits.startsPerAddress,
          windowMs: limits.windowMs,
        }),
      );
      const body = (await readJsonBody(req, 4096)) as { locale?: unknown };
      const started = await startDirectLineConversation(ctx, { locale: typeof body.locale === "string" ? body.locale : undefined });
      sendJson(res, 200, {
        conversationId: started.conversationId,
        token: started.token,
        expires_in: started.expiresIn,
        userId: started.userId,
      });
    } catch (err) {
      sendError(req, res, err, log);
    }
  });

  server.post(`${DIRECTLINE_BASE}/tokens/refresh`, async (req: Request, res: Response) => {
    try {
      checkOrigin(req, res, ep.origins);
      const fresh = await refreshDirectLineToken(ctx, { token: bearer(req) });
      sendJson(res, 200, { conversationId: fresh.conversationId, token: fresh.token, expires_in: fresh.expiresIn });
    } catch (err) {
      sendError(req, res, err, log);
    }
  });
}
