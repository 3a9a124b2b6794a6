// The Direct Line endpoint's guards over HTTP on a real server and database: size and attachment limits, rate
// per conversation and per address (each with its template), CORS only for WEBCHAT_ORIGINS (Web Chat's four
// preflight headers), the Connector routes unreachable without the secret path, and the page's headers.
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { testConfig, testContext } from "../../helpers/context";
import { startDirectLineServer, type DirectLineTestServer } from "../../helpers/directline-test-server";
import { registerWebChat } from "../../../bot/webchat";

let db: TestDatabase;
let srv: DirectLineTestServer;
const BOARD = "https://cepeo.on.ca";

beforeAll(async () => {
  db = await createTestDatabase();
  const ctx = testContext(db, { config: testConfig({ WEBCHAT_ORIGINS: BOARD }) });
  srv = await startDirectLineServer(ctx, {
    limits: {
      postsPerConversation: 3,
      postsPerAddress: 1000,
      maxTextChars: 100,
      maxAttachments: 1,
      maxAttachmentBytes: 200,
      maxBodyBytes: 4096,
    },
    // The compressed copies are cached by content hash: share them across runs (brotli of 3.9 MB takes seconds).
    register: (server) => registerWebChat(server, { ctx, cacheDir: path.join(os.tmpdir(), "aide-portail-webchat-cache") }),
  });
});
afterAll(async () => {
  await srv.close();
  await db.close();
});

async function start(headers: Record<string, string> = {}) {
  const g = await (await fetch(`${srv.base}/v3/directline/tokens/generate`, { method: "POST", headers })).json();
  await fetch(`${srv.base}/v3/directline/conversations`, { method: "POST", headers: { Authorization: `Bearer ${g.token}` } });
  const post = (body: unknown, extra: Record<string, string> = {}) =>
    fetch(`${srv.base}/v3/directline/conversations/${g.conversationId}/activities`, {
      method: "POST",
      headers: { Authorization: `Bearer ${g.token}`, "Content-Type": "application/json", ...extra },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  return { ...g, post };
}

describe("Direct Line limits", () => {
  it("refuses a text over the limit, too many or too large attachments, a body over the limit, and a non-message", async () => {
    const c = await start();
    const long = await c.post({ type: "message", text: "a".repeat(101) });
    expect(long.status).toBe(400);
    expect((await long.json()).error).toEqual({
      code: "directline.message_too_long",
      message: expect.stringContaining("au plus 100 caractères"),
    });
    const many = await c.post({ type: "message", attachments: [{}, {}] });
    expect((await many.json()).error.code).toBe("directline.too_many_attachments");
    const big = await c.post({ type: "message", attachments: [{ contentUrl: `data:text/plain,${"x".repeat(300)}` }] });
    expect((await big.json()).error.code).toBe("directline.attachment_too_large");
    const huge = await c.post({ type: "message", text: "x".repeat(5000) });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe("directline.body_too_large");
    const odd = await c.post({ type: "deleteUserData" });
    expect((await odd.json()).error.code).toBe("directline.invalid_activity");
    const junk = await c.post("{not json");
    expect((await junk.json()).error.code).toBe("directline.invalid_activity");
    const upload = await fetch(`${srv.base}/v3/directline/conversations/${c.conversationId}/upload?userId=x`, {
      method: "POST",
      headers: { Authorization: `Bearer ${c.token}` },
    });
    expect(upload.status).toBe(415);
  });

  it("limits messages per conversation with 429, Retry-After and the English template when asked", async () => {
    const c = await start();
    for (let i = 0; i < 3; i++) expect((await c.post({ type: "message", text: `m${i}` })).status).toBe(200);
    const over = await c.post({ type: "message", text: "encore" }, { "Accept-Language": "en-CA,en;q=0.9" });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await over.json()).error.message).toMatch(/^You are sending many messages at once: wait \d+ seconds, then try again\.$/);
  });
});

describe("origins", () => {
  it("answers a configured origin's preflight with Web Chat's four headers, and refuses others", async () => {
    const ok = await fetch(`${srv.base}/v3/directline/conversations/x/activities`, {
      method: "OPTIONS",
      headers: {
        Origin: BOARD,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type,x-ms-bot-agent,x-requested-with",
      },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe(BOARD);
    expect(ok.headers.get("access-control-allow-headers")).toBe("authorization, content-type, x-ms-bot-agent, x-requested-with");
    const evil = await fetch(`${srv.base}/v3/directline/tokens/generate`, {
      method: "OPTIONS",
      headers: { Origin: "https://evil.example" },
    });
    expect(evil.status).toBe(403);
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("serves a configured origin with CORS headers and refuses a request from any other origin", async () => {
    const c = await start({ Origin: BOARD });
    const ok = await c.post({ type: "message", text: "bonjour" }, { Origin: BOARD });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe(BOARD);
    const evil = await c.post({ type: "message", text: "bonjour" }, { Origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect((await evil.json()).error.code).toBe("directline.origin_not_allowed");
  });
});

describe("the Connector routes", () => {
  it("are not found without the secret path", async () => {
    const c = await start();
    const res = await fetch(`${srv.base}/v3/conversations/${c.conversationId}/activities`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(404);
    const guess = await fetch(`${srv.base}/_connector/guess/v3/conversations/${c.conversationId}/activities`, {
      method: "POST",
      body: "{}",
    });
    expect(guess.status).toBe(404);
  });
});

describe("the page", () => {
  it("is French first with its security headers; the bundle is compressed, hashed and cached for a year", async () => {
    const page = await fetch(`${srv.base}/`);
    expect(page.headers.get("content-security-policy")).toMatch(/script-src 'self';/);
    expect(page.headers.get("content-security-policy")).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(page.headers.get("content-security-policy")).toContain(`frame-ancestors 'self' ${BOARD}`);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await page.text();
    expect(html).toContain('<html lang="fr">');
    const bundle = /src="(\/webchat\/webchat\.[0-9a-f]{12}\.js)"/.exec(html)![1];
    const raw = await new Promise<{ headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
      // fetch() would decode the body: read the bytes as sent.
      require("node:http")
        .get(`${srv.base}${bundle}`, { headers: { "Accept-Encoding": "gzip" } }, (res: import("node:http").IncomingMessage) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ headers: res.headers as Record<string, string>, body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });
    expect(raw.headers["content-encoding"]).toBe("gzip");
    expect(raw.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(raw.body.length).toBeLessThan(1_100_000);
    expect(zlib.gunzipSync(raw.body).length).toBeGreaterThan(3_500_000);
    const again = await fetch(`${srv.base}${bundle}`, { headers: { "If-None-Match": raw.headers.etag } });
    expect(again.status).toBe(304);
    const en = await (await fetch(`${srv.base}/?lang=en`)).text();
    expect(en).toContain('<html lang="en">');
  });
});
