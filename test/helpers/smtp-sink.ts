// An SMTP receiver in the test process (smtp-server): stores every message; can be taken down and brought
// back on the same port (the « SMTP down, then up » test); `onMessage` lets a test act as an auto-responder;
// `refuse` makes it answer every session with an error code (4xx or 5xx) at one step, until set back to null.
import { SMTPServer } from "smtp-server";

export interface SinkMessage {
  from: string;
  to: string[];
  raw: string;
}

/** Where and how the sink refuses: at the greeting, at MAIL FROM, or at RCPT TO (one recipient). */
export interface SmtpRefusal {
  at: "connect" | "mail" | "rcpt";
  code: number;
  message: string;
  /** At "rcpt": only this recipient (default: every one). */
  recipient?: string;
}

export interface SmtpSink {
  url: string;
  port: number;
  received: SinkMessage[];
  onMessage?: (m: SinkMessage) => void;
  refuse: SmtpRefusal | null;
  /** How many times the sink refused (each is one delivery attempt turned away). */
  refusals: number;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  let server: SMTPServer | null = null;
  const sink: SmtpSink = {
    url: "",
    port: 0,
    received: [],
    refuse: null,
    refusals: 0,
    async up() {
      const refused = (at: SmtpRefusal["at"], recipient?: string): Error | null => {
        const r = sink.refuse;
        if (!r || r.at !== at || (r.recipient && r.recipient !== recipient)) return null;
        sink.refusals++;
        return Object.assign(new Error(r.message), { responseCode: r.code });
      };
      const srv = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS"],
        logger: false,
        onConnect: (_session, cb) => cb(refused("connect") ?? undefined),
        onMailFrom: (_address, _session, cb) => cb(refused("mail") ?? undefined),
        onRcptTo: (address, _session, cb) => cb(refused("rcpt", address.address) ?? undefined),
        onData(stream, session, cb) {
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            const m = {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address),
              raw: Buffer.concat(chunks).toString("utf8"),
            };
            sink.received.push(m);
            cb();
            sink.onMessage?.(m);
          });
        },
      });
      // smtp-server emits a reset inside a transaction (after MAIL FROM) as an "error" event: a sender killed
      // mid-delivery (the SIGKILL fault test), whose outcome the tests read at the sink. With no listener it was an
      // uncaught exception that failed that suite after all its tests had passed. Any other error still surfaces
      // as an uncaught exception (a protocol or TLS fault fails the suite).
      srv.on("error", (err: Error & { code?: string }) => {
        if (err.code !== "ECONNRESET")
          process.nextTick(() => {
            throw err;
          });
      });
      await new Promise<void>((resolve) => srv.listen(sink.port, "127.0.0.1", () => resolve()));
      sink.port = (srv.server.address() as { port: number }).port;
      sink.url = `smtp://127.0.0.1:${sink.port}`;
      server = srv;
    },
    async down() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((r) => s.close(() => r()));
    },
    close: () => sink.down(),
  };
  await sink.up();
  return sink;
}

/** Waits for a condition driven by real servers (IDLE, SMTP); fails with `what` after `ms`. Not a timing assertion. */
export async function waitFor(cond: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
