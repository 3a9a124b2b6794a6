// POST /api/messages on the real restify server: with auth disabled, an activity is answered through the
// Connector API at its (loopback) serviceUrl; with MicrosoftAppId set, an unsigned request is refused (401).
import type { AddressInfo } from "node:net";
import restify from "restify";
import { registerBotRoutes } from "../../bot";
import { createHttpServer } from "../../bin/http-server";
import { createMetrics } from "../../core/metrics";
import { testConfig } from "../helpers/context";
import { demoBotEnv, type DemoBotEnv } from "../helpers/bot";

let env: DemoBotEnv;
beforeAll(async () => {
  env = await demoBotEnv();
});
afterAll(async () => {
  await env.db.close();
});

async function serve(config = env.ctx.config) {
  const ctx = { ...env.ctx, config };
  const metrics = createMetrics(ctx);
  const server = createHttpServer({ ctx, metrics, readiness: [] });
  const replies: Record<string, unknown>[] = [];
  // The Connector API the bot answers through (what Azure's channel service, or our Direct Line, provides).
  server.post("/v3/conversations/:conversationId/activities/:activityId", restify.plugins.bodyParser(), (req, res, next) => {
    replies.push(req.body as Record<string, unknown>);
    res.send(200, { id: `reply-${replies.length}` });
    next();
  });
  registerBotRoutes(server, { ctx, metrics });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, replies, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const activity = (url: string, text: string) => ({
  type: "message",
  id: "act-1",
  text,
  channelId: "webchat",
  serviceUrl: url,
  locale: "fr-CA",
  from: { id: "parent-1", role: "user" },
  recipient: { id: "bot", role: "bot" },
  conversation: { id: `c-${Date.now()}` },
});

describe("POST /api/messages", () => {
  it("auth disabled: answers through the Connector API at the serviceUrl", async () => {
    const s = await serve();
    try {
      const res = await fetch(`${s.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(activity(s.url, "bonjour")),
      });
      expect(res.status).toBe(200);
      expect(s.replies.map((r) => r.text)).toEqual([expect.stringContaining("Bonjour! Que puis-je faire pour vous")]);
    } finally {
      await s.close();
    }
  });

  it("with MicrosoftAppId set, refuses a request without a signed token (401) and answers nothing", async () => {
    const s = await serve(
      testConfig({ MicrosoftAppId: "7f8b2c4e-1a2b-4c3d-9e8f-0a1b2c3d4e5f", MicrosoftAppPassword: "not-a-real-secret" }),
    );
    try {
      const body = JSON.stringify(activity(s.url, "bonjour"));
      const unsigned = await fetch(`${s.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body });
      expect(unsigned.status).toBe(401);
      const forged = await fetch(`${s.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer eyJhbGciOiJub25lIn0.e30." },
        body,
      });
      expect(forged.status).toBe(401);
      expect(s.replies).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it("refuses a body that is not an activity", async () => {
    const s = await serve();
    try {
      const res = await fetch(`${s.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "[1,2,3]",
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(s.replies).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
