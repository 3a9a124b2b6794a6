// One simulated parent of the load run (bench/load-run.ts), as Web Chat behaves: a token, the conversation, the
// WebSocket stream, then a few turns with a pause between them — a greeting; a schedule question about their own
// child (the bot asks them to sign in: their email, then the 6-digit code read from the SMTP sink); an
// attendance question, signed in; for some, the password reset by secret question; thanks. Each turn is timed
// from the POST to the bot's first reply on the socket; what goes wrong is counted, never thrown.
import http from "node:http";
import { performance } from "node:perf_hooks";
import { WebSocket } from "ws";

export interface LoadParent {
  email: string;
  child: string;
  /** The secret answer, for the password-reset flow (every third parent). */
  secretAnswer: string | null;
  /** The loopback address this parent connects from (127/8): its own "network" for the per-address limits. */
  localAddress: string;
}

export interface LoadTally {
  turns: number[];
  /** Non-2xx answers, by route. */
  httpErrors: Map<string, number>;
  /** Turns with no reply within the time allowed. */
  unanswered: number;
  /** Turns answered with the bot's « something went wrong » message. */
  errorReplies: number;
  /** Sign-in codes that never arrived, WebSockets that failed. */
  other: Map<string, number>;
}

export interface LoadTarget {
  /** nginx's base URL. */
  url: string;
  /** The latest sign-in code mailed to `email` after `since` (ms, performance.now()), or null. */
  codeFor(email: string, since: number): string | null;
  /** The bot's reply texts the script recognises. */
  texts: { turnError: string; askEmail: string };
  thinkMs: () => number;
  turnTimeoutMs: number;
}

interface Activity {
  /** When the frame carrying it arrived (performance.now()). */
  at?: number;
  id?: string;
  type?: string;
  text?: string;
  replyToId?: string;
  from?: { role?: string };
}

const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One HTTP call from `localAddress` (keep-alive per parent); resolves with the status and the parsed body. */
function call(
  agent: http.Agent,
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve) => {
    const req = http.request(url, { method, agent, headers: { "content-type": "application/json", ...headers } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => {
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          json = null;
        }
        resolve({ status: res.statusCode ?? 0, json });
      });
    });
    req.on("error", () => resolve({ status: 0, json: null }));
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

export async function runParent(p: LoadParent, target: LoadTarget, tally: LoadTally): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, localAddress: p.localAddress, maxSockets: 2 });
  const base = `${target.url}/v3/directline`;
  let ws: WebSocket | null = null;
  try {
    const gen = await call(agent, `${base}/tokens/generate`, "POST", {}, {});
    if (gen.status !== 200) return void inc(tally.httpErrors, `tokens/generate ${gen.status}`);
    const { token, conversationId } = gen.json as { token: string; conversationId: string };
    const auth = { authorization: `Bearer ${token}` };
    const conv = await call(agent, `${base}/conversations`, "POST", auth);
    if (conv.status !== 201 && conv.status !== 200) return void inc(tally.httpErrors, `conversations ${conv.status}`);
    const { streamUrl } = conv.json as { streamUrl: string };

    const seen: Activity[] = [];
    let wake: () => void = () => undefined;
    ws = new WebSocket(streamUrl, { localAddress: p.localAddress });
    ws.on("message", (data) => {
      const text = String(data);
      if (!text) return;
      const at = performance.now();
      seen.push(...(JSON.parse(text) as { activities: Activity[] }).activities.map((a) => ({ ...a, at })));
      wake();
    });
    const opened = await new Promise<boolean>((resolve) => {
      ws!.once("open", () => resolve(true));
      ws!.once("error", () => resolve(false));
    });
    if (!opened) return void inc(tally.other, "websocket failed to open");
    const waitUntil = async (cond: () => boolean, ms: number) => {
      const end = performance.now() + ms;
      while (!cond() && performance.now() < end) await new Promise<void>((r) => ((wake = r), setTimeout(r, 100)));
      return cond();
    };

    /** Posts one message; the bot's replies to it (at least one, or the turn is unanswered). */
    const turn = async (text: string): Promise<string[] | null> => {
      await sleep(target.thinkMs());
      const t = performance.now();
      const res = await call(agent, `${base}/conversations/${conversationId}/activities`, "POST", auth, {
        type: "message",
        from: { id: "parent" },
        text,
      });
      if (res.status !== 200) {
        inc(tally.httpErrors, `activities ${res.status}`);
        return null;
      }
      const id = (res.json as { id: string }).id;
      const replies = () => seen.filter((a) => a.type === "message" && a.from?.role === "bot" && a.replyToId === id);
      if (!(await waitUntil(() => replies().length > 0, target.turnTimeoutMs))) {
        tally.unanswered++;
        return null;
      }
      // What the parent waits for: the first reply on the socket (it may come before the POST's answer).
      tally.turns.push(replies()[0].at! - t);
      await sleep(150); // the rest of the turn's messages
      const texts = replies().map((a) => a.text ?? "");
      if (texts.some((x) => x === target.texts.turnError)) tally.errorReplies++;
      return texts;
    };

    await turn("Bonjour");
    const asked = performance.now();
    const schedule = await turn(`Quel est l'horaire de ${p.child} aujourd'hui?`);
    if (schedule?.some((x) => x.startsWith(target.texts.askEmail.slice(0, 40)))) {
      await turn(p.email);
      const mailed = { code: null as string | null };
      await waitUntil(() => (mailed.code = target.codeFor(p.email, asked)) !== null, 30_000);
      if (!mailed.code) inc(tally.other, "sign-in code never arrived");
      else await turn(mailed.code);
    }
    await turn(`Est-ce que ${p.child} a été absent cette semaine?`);
    if (p.secretAnswer) {
      await turn("J'ai oublié mon mot de passe");
      await turn(p.email);
      await turn(p.secretAnswer);
    }
    await turn("Merci beaucoup");
  } finally {
    ws?.close();
    agent.destroy();
  }
}
