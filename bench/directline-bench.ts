/**
 * Direct Line benchmark (called by `npm run bench`): the real bot behind the self-hosted Direct Line endpoint on
 * an in-memory PGlite. For 1, 50 and 200 concurrent conversations, the time from the POST of a user's message to
 * the bot's reply seen (a) through GET …/activities polling and (b) through the WebSocket stream, p50/p99; beside
 * it the same turn run in process (the bot's local adapter, no HTTP, no Direct Line), and the ratio — the cost of
 * the Direct Line layer. Target (issue 10): p50 < 50 ms end to end over loopback. Never asserted in tests.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PGlite } from "@electric-sql/pglite";
import { WebSocket } from "ws";
import { openDatabase } from "../core/db/database";
import { migrateDatabase } from "../core/db/migrate";
import { loadConfig } from "../core/config";
import { silentLogger } from "../core/logger";
import { createMetrics } from "../core/metrics";
import type { CoreContext } from "../core/context";
import { createHttpServer } from "../bin/http-server";
import { registerBotRoutes } from "../bot";

const TURNS = 5;
const TEXTS = ["bonjour", "merci", "aide", "bonjour", "merci"];
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

interface Conv {
  conversationId: string;
  token: string;
  streamUrl: string;
  watermark: number;
}

export async function run(): Promise<void> {
  const db = await openDatabase({ pglite: new PGlite() });
  await migrateDatabase(db);
  const config = loadConfig({ DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "directline-bench-")), LOG_LEVEL: "silent" });
  const ctx: CoreContext = { prisma: db.prisma, config, log: silentLogger, now: () => new Date() };
  const server = createHttpServer({ ctx, metrics: createMetrics(ctx), readiness: [] });
  const big = 1_000_000;
  const bot = registerBotRoutes(
    server,
    { ctx, metrics: createMetrics(ctx) },
    { directLineLimits: { postsPerAddress: big, postsPerConversation: big, startsPerAddress: big } },
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/v3/directline`;
  const auth = (c: Conv) => ({ Authorization: `Bearer ${c.token}`, "Content-Type": "application/json" });

  const startConv = async (): Promise<Conv> => {
    const g = await (await fetch(`${base}/tokens/generate`, { method: "POST" })).json();
    const s = await (await fetch(`${base}/conversations`, { method: "POST", headers: { Authorization: `Bearer ${g.token}` } })).json();
    const page = await (
      await fetch(`${base}/conversations/${g.conversationId}/activities`, { headers: { Authorization: `Bearer ${g.token}` } })
    ).json();
    return { conversationId: g.conversationId, token: g.token, streamUrl: s.streamUrl, watermark: Number(page.watermark) };
  };
  const post = async (c: Conv, text: string): Promise<string> => {
    const res = await fetch(`${base}/conversations/${c.conversationId}/activities`, {
      method: "POST",
      headers: auth(c),
      body: JSON.stringify({ type: "message", text }),
    });
    return (await res.json()).id;
  };
  const isReply = (id: string) => (a: { from?: { role?: string }; replyToId?: string; type?: string }) =>
    a.type === "message" && a.from?.role === "bot" && a.replyToId === id;

  const polling = async (c: Conv, text: string): Promise<number> => {
    const t = performance.now();
    const id = await post(c, text);
    for (;;) {
      const page = await (
        await fetch(`${base}/conversations/${c.conversationId}/activities?watermark=${c.watermark}`, { headers: auth(c) })
      ).json();
      c.watermark = Number(page.watermark);
      if (page.activities.some(isReply(id))) return performance.now() - t;
      await new Promise((r) => setTimeout(r, 2));
    }
  };

  const socket = async (c: Conv, text: string, ws: WebSocket, frames: { on(f: (acts: unknown[]) => void): void }): Promise<number> => {
    void ws;
    const t = performance.now();
    let id = "";
    const seen: unknown[] = [];
    const done = new Promise<number>((resolve) => {
      frames.on((acts) => {
        seen.push(...acts);
        if (id && seen.some(isReply(id) as (a: unknown) => boolean)) resolve(performance.now() - t);
      });
    });
    id = await post(c, text);
    if (seen.some(isReply(id) as (a: unknown) => boolean)) return performance.now() - t;
    return done;
  };

  const openSocket = async (c: Conv) => {
    const ws = new WebSocket(c.streamUrl.replace(/watermark=[^&]*/, `watermark=${c.watermark}`));
    let listener: (acts: unknown[]) => void = () => undefined;
    ws.on("message", (data) => {
      const text = String(data);
      if (text) listener((JSON.parse(text) as { activities: unknown[] }).activities);
    });
    await new Promise((r) => ws.once("open", r));
    return { ws, frames: { on: (f: (acts: unknown[]) => void) => (listener = f) } };
  };

  // The same turn in process: the bot's local adapter, no HTTP, no Direct Line store.
  const inProcess: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await bot.runtime.runLocalTurn({
      type: "message",
      text: TEXTS[i % TEXTS.length],
      channelId: "directline",
      conversation: { id: `inproc-${i % 20}` } as never,
      from: { id: `u-${i % 20}` } as never,
      recipient: { id: "aide-portail" } as never,
      id: `a-${i}`,
      serviceUrl: "http://127.0.0.1:1",
    });
    if (i >= 20) inProcess.push(performance.now() - t);
  }
  const turnP50 = pct(inProcess, 50);
  console.log(`in-process turn (local adapter, no Direct Line): p50 ${ms(turnP50)}, p99 ${ms(pct(inProcess, 99))}`);
  console.log("conversations | polling p50 | p99 | ratio p50/turn | WebSocket p50 | p99 | ratio p50/turn");
  for (const n of [1, 50, 200]) {
    const convs = await Promise.all(Array.from({ length: n }, startConv));
    const poll: number[] = [];
    await Promise.all(
      convs.map(async (c) => {
        for (let i = 0; i < TURNS; i++) poll.push(await polling(c, TEXTS[i]));
      }),
    );
    const sockets = await Promise.all(convs.map(openSocket));
    const wsTimes: number[] = [];
    await Promise.all(
      convs.map(async (c, k) => {
        for (let i = 0; i < TURNS; i++) wsTimes.push(await socket(c, TEXTS[i], sockets[k].ws, sockets[k].frames));
      }),
    );
    for (const s of sockets) s.ws.close();
    console.log(
      `${String(n).padStart(13)} | ${ms(pct(poll, 50)).padStart(11)} | ${ms(pct(poll, 99))} | ${(pct(poll, 50) / turnP50).toFixed(1)}× | ${ms(pct(wsTimes, 50))} | ${ms(pct(wsTimes, 99))} | ${(pct(wsTimes, 50) / turnP50).toFixed(1)}×`,
    );
  }
  await new Promise<void>((r) => server.close(() => r()));
  server.server.closeAllConnections();
  await bot.stop();
  await db.close();
}

if (require.main === module) {
  run().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
