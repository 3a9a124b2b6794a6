// WebSocket push across instances (PostgreSQL LISTEN/NOTIFY): two `aide-portail start --no-mail` on one
// scratch PostgreSQL. A Web Chat stream open on instance A receives the bot's reply to a message posted
// through instance B, and GET /metrics of A says which path carried it: a NOTIFY from B ("peer"), not the
// safety poll. The LISTEN connection is then cut from PostgreSQL's side: A reconnects and pushes again.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import WebSocket from "ws";
import { ACTIVITY_CHANNEL } from "../../core";
import { BIN, killLeftovers, startAidePortail, type StartedProcess } from "../helpers/aide-portail-process";
import { createScratchPostgres } from "../helpers/scratch-postgres";
import { waitFor } from "../helpers/smtp-sink";

const PG = process.env.DATABASE_URL;
const maybe = PG ? describe : describe.skip;
jest.setTimeout(240_000);

interface Activity {
  id: string;
  type: string;
  text?: string;
  replyToId?: string;
  from: { role?: string };
}

/** The value of one sample line of the exposition text (0 when the series is absent). */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

maybe("WebSocket push across two instances on one PostgreSQL", () => {
  let scratch: { url: string; drop(): Promise<void> };
  let a: StartedProcess;
  let b: StartedProcess;
  let socket: WebSocket;
  const received: Activity[] = [];
  let token: string;
  let conversationId: string;

  beforeAll(async () => {
    scratch = await createScratchPostgres(PG!, "ap_push");
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "ap-push-"));
    const env = (name: string) => ({
      DATABASE_URL: scratch.url,
      APP_SECRET: "websocket-push-test-secret-0123456789abcdef",
      DATA_DIR: path.join(root, name),
      LOG_LEVEL: "info",
    });
    const migrate = spawnSync(process.execPath, [BIN, "db", "migrate"], { env: { ...process.env, NODE_OPTIONS: "", ...env("m") } });
    expect(migrate.status).toBe(0);
    [a, b] = await Promise.all([startAidePortail(env("a"), ["--no-mail"]), startAidePortail(env("b"), ["--no-mail"])]);
    const started = (await (await fetch(`${b.url}/v3/directline/tokens/generate`, { method: "POST", body: "{}" })).json()) as {
      conversationId: string;
      token: string;
    };
    ({ token, conversationId } = started);
    const conv = await fetch(`${b.url}/v3/directline/conversations`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
    expect(conv.status).toBe(201);
    // The socket is on A, whose stream URL Web Chat would have been given by A.
    socket = new WebSocket(`ws://127.0.0.1:${a.port}/v3/directline/conversations/${conversationId}/stream?t=${token}`);
    socket.on("message", (data) => {
      const text = String(data);
      if (text) received.push(...(JSON.parse(text) as { activities: Activity[] }).activities);
    });
    await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
    await waitFor(() => received.some((x) => x.from.role === "bot"), "the welcome on A's socket");
  });

  afterAll(async () => {
    socket?.terminate();
    await Promise.all([a?.stop(), b?.stop()]);
    killLeftovers();
    await scratch?.drop();
  });

  /** Posts through B and waits for the bot's reply to it on A's socket. */
  async function postThroughB(text: string): Promise<Activity> {
    const res = await fetch(`${b.url}/v3/directline/conversations/${conversationId}/activities`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ type: "message", from: { id: "parent" }, text }),
    });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    await waitFor(() => received.some((x) => x.from.role === "bot" && x.replyToId === id), `the reply to « ${text} » on A's socket`);
    return received.find((x) => x.from.role === "bot" && x.replyToId === id)!;
  }

  it("a socket on A receives the reply to a message posted through B, carried by B's NOTIFY", async () => {
    const before = await (await fetch(`${a.url}/metrics`)).text();
    const reply = await postThroughB("Bonjour");
    expect(reply.type).toBe("message");
    expect(received.some((x) => x.from.role === "user" && x.text === "Bonjour")).toBe(true);
    const after = await (await fetch(`${a.url}/metrics`)).text();
    const pushes = (m: string, trigger: string) => sample(m, `aide_portail_directline_stream_pushes_total{trigger="${trigger}"}`);
    expect(pushes(after, "peer")).toBeGreaterThan(pushes(before, "peer"));
    // The safety poll (30 s) carried nothing: the NOTIFY did.
    expect(pushes(after, "poll")).toBe(pushes(before, "poll"));
    expect(sample(after, 'aide_portail_directline_notifications_total{direction="received"}')).toBeGreaterThan(0);
    const fromB = await (await fetch(`${b.url}/metrics`)).text();
    expect(sample(fromB, 'aide_portail_directline_notifications_total{direction="sent"}')).toBeGreaterThan(0);
  });

  it("after PostgreSQL cuts A's LISTEN connection, A listens again and the next reply is pushed", async () => {
    const admin = new pg.Client({ connectionString: scratch.url });
    await admin.connect();
    try {
      const cut = await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query = $1",
        [`LISTEN ${ACTIVITY_CHANNEL}`],
      );
      expect(cut.rowCount).toBe(2); // one per instance
      await waitFor(async () => {
        const r = await admin.query("select count(*)::int as n from pg_stat_activity where datname = current_database() and query = $1", [
          `LISTEN ${ACTIVITY_CHANNEL}`,
        ]);
        return r.rows[0].n === 2;
      }, "both instances to LISTEN again");
    } finally {
      await admin.end();
    }
    const before = await (await fetch(`${a.url}/metrics`)).text();
    await postThroughB("Quel est l'horaire de mon enfant?");
    const after = await (await fetch(`${a.url}/metrics`)).text();
    const pushes = (m: string, trigger: string) => sample(m, `aide_portail_directline_stream_pushes_total{trigger="${trigger}"}`);
    expect(pushes(after, "peer")).toBeGreaterThan(pushes(before, "peer"));
    expect(pushes(after, "poll")).toBe(pushes(before, "poll"));
    expect(a.output()).toContain("LISTEN connection lost");
  });
});
