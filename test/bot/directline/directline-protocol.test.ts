// The Direct Line endpoint driven by Microsoft's own client (botframework-directlinejs, as inside Web Chat), in
// polling and WebSocket modes, on a real server and database: start, post, receive, reconnect with a watermark,
// refresh a token, 403 on another conversation, an expired token refused.
import { WebSocket } from "ws";
import XMLHttpRequest from "xhr2";
import { DirectLine, ConnectionStatus, type Activity } from "botframework-directlinejs";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { testContext } from "../../helpers/context";
import { startDirectLineServer, type DirectLineTestServer } from "../../helpers/directline-test-server";

// directlinejs uses the browser's XMLHttpRequest (RxJS ajax) and WebSocket; Node 20 has neither.
Object.assign(globalThis, { XMLHttpRequest, WebSocket });

let db: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let srv: DirectLineTestServer;
const clients: (() => void)[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = testContext(db);
  srv = await startDirectLineServer(ctx);
});
afterEach(() => {
  for (const close of clients.splice(0)) close();
});
afterAll(async () => {
  await srv.close();
  await db.close();
});

async function generate(locale = "fr-CA"): Promise<{ conversationId: string; token: string; userId: string; expires_in: number }> {
  const res = await fetch(`${srv.base}/v3/directline/tokens/generate`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ locale }),
  });
  expect(res.status).toBe(200);
  return res.json();
}

function client(opts: { token: string; webSocket: boolean; conversationId?: string; watermark?: string }): DirectLine & { close(): void } {
  const dl = new DirectLine({ domain: `${srv.base}/v3/directline`, pollingInterval: 200, ...opts, random: () => 0 } as never);
  const sub = dl.activity$.subscribe({ error: () => undefined });
  // Closing as a page does: the last subscriber leaves, so the poller or socket stops (end() would make RxJS 5
  // rethrow « conversation ended » from a timer into whichever test runs next).
  const close = () => {
    sub.unsubscribe();
    (dl as unknown as { tokenRefreshSubscription?: { unsubscribe(): void } }).tokenRefreshSubscription?.unsubscribe();
  };
  clients.push(close);
  return Object.assign(dl, { close });
}

/** Resolves with the first activity that matches, from the client's stream. */
function next(dl: DirectLine, match: (a: Activity) => boolean): Promise<Activity> {
  return new Promise((resolve, reject) => {
    const sub = dl.activity$.subscribe({ next: (a) => match(a) && (sub.unsubscribe(), resolve(a)), error: reject });
  });
}
const botSaid = (text: string) => (a: Activity) => a.type === "message" && a.from.role === "bot" && a.text === text;

function post(dl: DirectLine, activity: Partial<Activity>): Promise<string> {
  return new Promise((resolve, reject) => dl.postActivity(activity as Activity).subscribe({ next: resolve, error: reject }));
}

function status(dl: DirectLine, wanted: ConnectionStatus): Promise<ConnectionStatus> {
  return new Promise((resolve) => {
    const sub = dl.connectionStatus$.subscribe((s) => s === wanted && (setImmediate(() => sub.unsubscribe()), resolve(s)));
  });
}

describe.each([
  ["polling", false],
  ["WebSocket", true],
])("Direct Line through botframework-directlinejs (%s)", (_mode, webSocket) => {
  it("starts a conversation (welcome first), posts, gets its echo with clientActivityID and the bot's reply", async () => {
    const { token, userId } = await generate("fr-CA");
    const dl = client({ token, webSocket });
    const welcome = next(dl, botSaid("Bienvenue (fr-CA)"));
    expect((await welcome).from.role).toBe("bot");

    const echo = next(dl, (a) => a.from.role === "user");
    const reply = next(dl, botSaid("Écho : horaire de Léa demain"));
    const id = await post(dl, {
      type: "message",
      text: "horaire de Léa demain",
      from: { id: "someone-else", role: "user" },
      channelData: { clientActivityID: "c-1" },
    } as never);
    const echoed = await echo;
    expect(echoed.id).toBe(id);
    expect(echoed.channelData.clientActivityID).toBe("c-1");
    expect(echoed.from.id).toBe(userId); // the token's user, never the one the client claims
    const replied = await reply;
    expect((replied as { replyToId?: string }).replyToId).toBe(id);
    expect((replied as unknown as Record<string, unknown>).serviceUrl).toBeUndefined(); // the Connector's secret path never leaves the server
  });

  it("reconnects with a watermark and receives only what came after it", async () => {
    const { token, conversationId } = await generate();
    const first = client({ token, webSocket });
    await next(first, botSaid("Bienvenue (fr-CA)"));
    const reply = next(first, botSaid("Écho : un"));
    await post(first, { type: "message", text: "un", from: { id: "u" } } as never);
    await reply;
    const page = await (
      await fetch(`${srv.base}/v3/directline/conversations/${conversationId}/activities`, { headers: { Authorization: `Bearer ${token}` } })
    ).json();
    expect(page.watermark).toBe("3"); // welcome, echo, reply
    first.close();

    const again = client({ token, webSocket, conversationId, watermark: page.watermark });
    const seen: string[] = [];
    again.activity$.subscribe((a) => seen.push((a as { text?: string }).text ?? ""));
    const two = next(again, botSaid("Écho : deux"));
    await post(again, { type: "message", text: "deux", from: { id: "u" } } as never);
    await two;
    expect(seen).toEqual(["deux", "Écho : deux"]);
  });
});

describe("tokens", () => {
  it("refreshes a token through the client: the new one works on the same conversation", async () => {
    const { token, conversationId } = await generate();
    const dl = client({ token, webSocket: false });
    await next(dl, botSaid("Bienvenue (fr-CA)"));
    ctx.clock.advance(60_000);
    const fresh = await new Promise<string>((resolve, reject) =>
      (dl as unknown as { refreshToken(): { subscribe(o: object): void } }).refreshToken().subscribe({ next: resolve, error: reject }),
    );
    expect(fresh).not.toBe(token);
    const res = await fetch(`${srv.base}/v3/directline/conversations/${conversationId}/activities`, {
      headers: { Authorization: `Bearer ${fresh}` },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).activities[0].text).toBe("Bienvenue (fr-CA)");
  });

  it("refuses a token on another conversation with 403, and the client cannot join it", async () => {
    const a = await generate();
    const b = await generate();
    for (const [method, path] of [
      ["GET", `conversations/${a.conversationId}/activities?watermark=`],
      ["POST", `conversations/${a.conversationId}/activities`],
      ["GET", `conversations/${a.conversationId}`],
    ]) {
      const res = await fetch(`${srv.base}/v3/directline/${path}`, {
        method,
        headers: { Authorization: `Bearer ${b.token}`, "Content-Type": "application/json" },
        body: method === "POST" ? JSON.stringify({ type: "message", text: "intrus" }) : undefined,
      });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("directline.forbidden");
    }
    const intruder = client({ token: b.token, webSocket: false, conversationId: a.conversationId });
    await status(intruder, ConnectionStatus.FailedToConnect);
    const ws = new WebSocket(
      `${srv.base.replace("http", "ws")}/v3/directline/conversations/${a.conversationId}/stream?watermark=&t=${encodeURIComponent(b.token)}`,
    );
    ws.on("error", () => undefined);
    const refused = await new Promise<number>((resolve) =>
      ws.on("unexpected-response", (_req, res) => {
        res.destroy();
        resolve(res.statusCode ?? 0);
      }),
    );
    expect(refused).toBe(403);
  });

  it("refuses an expired token (403, token_expired) and the client cannot start with it", async () => {
    const { token, conversationId } = await generate();
    ctx.clock.advance(31 * 60_000);
    const res = await fetch(`${srv.base}/v3/directline/conversations/${conversationId}/activities`, {
      headers: { Authorization: `Bearer ${token}`, "Accept-Language": "en" },
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: { code: "directline.token_expired", message: "The conversation has expired: reload the page to start a new one." },
    });
    const refresh = await fetch(`${srv.base}/v3/directline/tokens/refresh`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(refresh.status).toBe(403);
    const dl = client({ token, webSocket: false });
    await status(dl, ConnectionStatus.FailedToConnect);
  });

  it("refuses a forged token", async () => {
    const { token, conversationId } = await generate();
    const [p, payload, sig] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    const forged = `${p}.${Buffer.from(JSON.stringify({ ...claims, e: claims.e + 86_400_000 })).toString("base64url")}.${sig}`;
    const res = await fetch(`${srv.base}/v3/directline/conversations/${conversationId}/activities`, {
      headers: { Authorization: `Bearer ${forged}` },
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("directline.token_invalid");
  });
});
