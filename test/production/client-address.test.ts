// Client addresses behind Debian's nginx (deploy/nginx/aide-portail.conf) and TRUSTED_PROXIES' default
// (loopback): one `aide-portail start` behind nginx; clients bound to distinct loopback addresses (127.0.0.2,
// .3, .4 — all of 127/8 is local on Linux) stand for parents on distinct networks. Web Chat's per-address limit
// (60 conversations a minute) falls on each client separately through nginx; a client writing its own
// X-Forwarded-For — through nginx, or straight to the instance, which is then no trusted proxy — changes nothing.
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import WebSocket from "ws";
import { DEFAULT_LIMITS } from "../../bot/directline";
import { freePort, killLeftovers, startAidePortail, type StartedProcess } from "../helpers/aide-portail-process";
import { NGINX_BIN, startNginx, type Nginx } from "../helpers/nginx";

const maybe = NGINX_BIN ? describe : describe.skip;
jest.setTimeout(180_000);

/** POST /v3/directline/tokens/generate from `localAddress`, with extra headers; resolves with the status. */
function startConversation(port: number, localAddress: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        localAddress,
        method: "POST",
        path: "/v3/directline/tokens/generate",
        headers: { "content-type": "application/json", ...headers },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end("{}");
  });
}

/** `n` starts from one client, each with a different forged X-Forwarded-For; the statuses in order. */
async function burst(port: number, localAddress: string, n: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push(await startConversation(port, localAddress, { "x-forwarded-for": `198.51.100.${i % 250}` }));
  return statuses;
}

maybe("client addresses behind nginx", () => {
  let app: StartedProcess;
  let nginx: Nginx;
  let dataDir: string;
  const max = DEFAULT_LIMITS.startsPerAddress;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-xff-"));
    app = await startAidePortail({ DATA_DIR: dataDir, APP_SECRET: "client-address-test-secret-0123456789abcdef", LOG_LEVEL: "warn" });
    nginx = await startNginx({ upstreamPorts: [app.port], port: await freePort() });
  });
  afterAll(async () => {
    await nginx?.stop();
    await app?.stop();
    killLeftovers();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("two clients behind nginx each get their own limit, and a forged X-Forwarded-For does not escape it", async () => {
    const nginxPort = Number(new URL(nginx.url).port);
    const first = await burst(nginxPort, "127.0.0.2", max + 1);
    expect(first.slice(0, max).every((s) => s === 200)).toBe(true);
    expect(first[max]).toBe(429);
    // Another parent behind the same nginx is not the first one's victim.
    expect(await startConversation(nginxPort, "127.0.0.3")).toBe(200);
  });

  it("the Direct Line location passes Host on too: the stream URL names nginx, and the WebSocket opens through it", async () => {
    const started = (await (await fetch(`${nginx.url}/v3/directline/tokens/generate`, { method: "POST", body: "{}" })).json()) as {
      token: string;
    };
    const conv = await fetch(`${nginx.url}/v3/directline/conversations`, {
      method: "POST",
      headers: { authorization: `Bearer ${started.token}` },
    });
    const { streamUrl } = (await conv.json()) as { streamUrl: string };
    expect(streamUrl.startsWith(`${nginx.url.replace(/^http/, "ws")}/v3/directline/conversations/`)).toBe(true);
    const socket = new WebSocket(streamUrl);
    const first = await new Promise<string>((resolve, reject) => {
      socket.once("message", (d) => resolve(String(d)));
      socket.once("error", reject);
    });
    socket.terminate();
    expect((JSON.parse(first) as { activities: { from: { role?: string } }[] }).activities.some((a) => a.from.role === "bot")).toBe(true);
  });

  it("a client reaching the instance directly is no trusted proxy: its X-Forwarded-For is ignored", async () => {
    const direct = await burst(app.port, "127.0.0.4", max + 1);
    expect(direct.slice(0, max).every((s) => s === 200)).toBe(true);
    expect(direct[max]).toBe(429);
  });
});
