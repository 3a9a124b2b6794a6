// The WebSocket stream (`streamUrl`): after the token and origin checks, sends `{activities, watermark}` frames
// of whatever is newer than the socket's watermark — at once when any instance stores an activity (the core's
// notifier: in process, and PostgreSQL LISTEN/NOTIFY across instances), and on a slow safety poll on PostgreSQL
// (a 1 s poll when the notifier cannot hear other instances). Web Chat's 20-second "" keep-alives are ignored;
// when a socket drops, Web Chat reconnects through GET /conversations/{id}?watermark=N.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Server } from "restify";
import { WebSocketServer, type WebSocket } from "ws";
import { authorizeDirectLine, isAppError, listDirectLineActivities } from "../../core";
import { checkOrigin } from "./http-guard";
import { DIRECTLINE_BASE, type EndpointContext } from "./endpoint-context";

const STREAM_PATH = new RegExp(`^${DIRECTLINE_BASE}/conversations/([^/?]+)/stream$`);

export interface DirectLineStream {
  close(): Promise<void>;
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export function registerStream(server: Server, ep: EndpointContext): DirectLineStream {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const fallbackPoll = !ep.ctx.config.DATABASE_URL ? 0 : ep.notifier.crossInstance ? ep.limits.streamSafetyPollMs : ep.limits.streamPollMs;

  const serve = (ws: WebSocket, conversationId: string, startWatermark: number) => {
    let watermark = startWatermark;
    let running = false;
    let again = false;
    // What woke the stream is counted with each frame it sends (GET /metrics shows which path carries pushes).
    let trigger = "open";
    const pump = async (why: string) => {
      trigger = why;
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          const page = await listDirectLineActivities(ep.ctx, { conversationId, watermark });
          if (page.activities.length && ws.readyState === ws.OPEN) {
            watermark = page.watermark;
            ws.send(JSON.stringify({ activities: page.activities, watermark: String(watermark) }));
            ep.metrics?.recordStreamPush(trigger);
            again = true; // a page may not hold everything
          }
        } while (again && ws.readyState === ws.OPEN);
      } catch (err) {
        ep.log.error({ err }, "Direct Line stream could not read activities");
      } finally {
        running = false;
      }
    };
    const unsubscribe = ep.notifier.subscribe(conversationId, (source) => void pump(source));
    const timer = fallbackPoll ? setInterval(() => void pump("poll"), fallbackPoll) : undefined;
    ws.on("message", () => undefined);
    ws.on("error", () => ws.terminate());
    ws.on("close", () => {
      unsubscribe();
      if (timer) clearInterval(timer);
    });
    void pump("open");
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return; // another upgrade handler's path
    void (async () => {
      try {
        checkOrigin(req, null, ep.origins);
        const access = await authorizeDirectLine(ep.ctx, {
          token: url.searchParams.get("t") ?? undefined,
          conversationId: decodeURIComponent(match[1]),
        });
        const raw = url.searchParams.get("watermark") ?? "";
        const watermark = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
        wss.handleUpgrade(req, socket, head, (ws) => serve(ws, access.conversationId, watermark));
      } catch (err) {
        if (!isAppError(err)) ep.log.error({ err }, "Direct Line stream upgrade failed");
        const code = isAppError(err, "directline.conversation_not_found") ? 404 : isAppError(err) ? 403 : 500;
        refuse(socket, code, code === 404 ? "Not Found" : code === 403 ? "Forbidden" : "Internal Server Error");
      }
    })();
  };
  server.server.on("upgrade", onUpgrade);

  return {
    close: async () => {
      server.server.off("upgrade", onUpgrade);
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
