// News of new Direct Line activities, so that an open WebSocket pushes a reply the moment it is stored — by this
// instance or by another one. In process it is a plain listener table; on PostgreSQL the instance that stores an
// activity also sends NOTIFY on one channel and every instance LISTENs on one dedicated connection of its own
// (not a pool connection: LISTEN belongs to a session), reconnecting with backoff when it is lost. After a
// reconnection every open stream is told to look once, for what was stored while nobody listened. The payload is
// `instance|conversationId`: an instance ignores its own notifications (it has already told its streams).
import crypto from "node:crypto";
import pg from "pg";
import type { CoreContext } from "../context";

/** Where the news came from: this instance, another one (NOTIFY), or a look after the LISTEN reconnected. */
export type ActivityNewsSource = "local" | "peer" | "resync";

export interface ActivityNotifier {
  /** true when activities stored by other instances are announced (PostgreSQL LISTEN is set up). */
  readonly crossInstance: boolean;
  /** An activity of this conversation was just stored (after its commit). */
  notify(conversationId: string): void;
  subscribe(conversationId: string, listener: (source: ActivityNewsSource) => void): () => void;
  close(): Promise<void>;
}

export interface ActivityNotifierOptions {
  /** false: in process only, even on PostgreSQL (a channel's own when the composition root gave none). */
  crossInstance?: boolean;
  /** Told of every notification sent to or received from PostgreSQL (metrics). */
  onNotification?: (direction: "sent" | "received") => void;
  /** Reconnection backoff of the LISTEN connection (ms). */
  backoff?: { baseMs?: number; maxMs?: number };
}

export const ACTIVITY_CHANNEL = "aide_portail_directline_activity";

/** The in-process notifier, with `crossInstance` LISTEN/NOTIFY on PostgreSQL (ctx.config.DATABASE_URL). */
export function createActivityNotifier(ctx: CoreContext, opts: ActivityNotifierOptions = {}): ActivityNotifier {
  const listeners = new Map<string, Set<(source: ActivityNewsSource) => void>>();
  const tell = (conversationId: string, source: ActivityNewsSource) => {
    for (const l of listeners.get(conversationId) ?? []) l(source);
  };
  const subscribe = (conversationId: string, listener: (source: ActivityNewsSource) => void) => {
    let set = listeners.get(conversationId);
    if (!set) listeners.set(conversationId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (!set.size && listeners.get(conversationId) === set) listeners.delete(conversationId);
    };
  };
  const url = opts.crossInstance === false ? undefined : ctx.config.DATABASE_URL;
  if (!url) return { crossInstance: false, notify: (id) => tell(id, "local"), subscribe, close: async () => undefined };

  const log = ctx.log.child({ component: "directline-notify" });
  const instance = crypto.randomBytes(6).toString("hex");
  const baseMs = opts.backoff?.baseMs ?? 500;
  const maxMs = opts.backoff?.maxMs ?? 15_000;
  let closed = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | undefined;
  let failures = 0;
  let everConnected = false;

  const connect = async () => {
    timer = undefined;
    if (closed) return;
    const c = new pg.Client({ connectionString: url });
    let lost = false;
    const onLost = (why: string) => {
      if (lost) return;
      lost = true;
      if (client === c) client = null;
      void c.end().catch(() => undefined);
      if (closed) return;
      const delay = Math.min(maxMs, baseMs * 2 ** Math.min(failures++, 10));
      log.warn({ reason: why, retryMs: delay }, "LISTEN connection lost: WebSocket pushes from other instances wait for it");
      timer = setTimeout(() => void connect(), delay);
    };
    c.on("error", (err) => onLost(err.message));
    c.on("end", () => onLost("connection ended"));
    c.on("notification", (n) => {
      const payload = n.payload ?? "";
      const bar = payload.indexOf("|");
      if (bar < 0 || payload.slice(0, bar) === instance) return;
      opts.onNotification?.("received");
      tell(payload.slice(bar + 1), "peer");
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${ACTIVITY_CHANNEL}`);
    } catch (err) {
      onLost((err as Error).message);
      return;
    }
    if (closed) return void (await c.end().catch(() => undefined));
    client = c;
    failures = 0;
    if (everConnected) {
      log.info("LISTEN connection back: open streams look for what they missed");
      for (const id of [...listeners.keys()]) tell(id, "resync");
    }
    everConnected = true;
  };
  void connect();

  return {
    crossInstance: true,
    notify(conversationId) {
      tell(conversationId, "local");
      // Through the pool, after the activity's commit: a NOTIFY is delivered only when its transaction commits.
      ctx.prisma.$executeRaw`select pg_notify(${ACTIVITY_CHANNEL}, ${`${instance}|${conversationId}`})`.then(
        () => opts.onNotification?.("sent"),
        (err: unknown) => log.warn({ err }, "NOTIFY failed: other instances see this activity at their next safety poll"),
      );
    },
    subscribe,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
