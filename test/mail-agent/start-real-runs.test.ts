// The issue's « done when », as an operator runs it: the real `aide-portail start` in a child process.
// 1. With a private Dovecot and an SMTP sink (IMAP_* and SMTP_URL set): an email appended to the mailbox
//    becomes a ticket, a French reply reaches the sink, and the email is moved to « Traités ».
// 2. With no mail server at all: an .eml dropped into DATA_DIR/inbox/ becomes a ticket and a French reply
//    written under DATA_DIR/outbox/, and the file is moved to inbox/processed/.
// On the engine of the run (PGlite, or a scratch PostgreSQL database when DATABASE_URL is set). The IMAP part
// is skipped, saying so, only when dovecot is not installed.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { ImapFlow } from "imapflow";
import { simpleParser } from "mailparser";
import { createChildDatabase, type ChildDatabase } from "../helpers/child-database";
import { DOVECOT_BIN, startDovecot, type Dovecot, connectTestImap } from "../helpers/dovecot";
import { startSmtpSink, waitFor, type SmtpSink } from "../helpers/smtp-sink";
import { parentEmail } from "../helpers/mail-fixtures";

const BIN = path.resolve(__dirname, "../../bin/aide-portail.js");
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function start(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, "start"], {
    env: { ...process.env, NODE_OPTIONS: "", SMTP_URL: "", IMAP_HOST: "", LOG_LEVEL: "warn", PORT: String(await freePort()), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", () => out.includes("/healthz") && resolve());
    child.once("exit", (code) => reject(new Error(`aide-portail start exited with ${code}:\n${out}`)));
  });
  return child;
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

async function boxCount(imap: ImapFlow, box: string): Promise<number> {
  const st = await imap.status(box, { messages: true }).catch(() => false as const);
  return st ? (st.messages ?? 0) : 0;
}

async function expectOneTicketFor(db: ChildDatabase, email: string): Promise<void> {
  const rows = await db.query<{ channel: string; requesterEmail: string }>(`select channel, "requesterEmail" from "Ticket"`);
  expect(rows.filter((r) => r.requesterEmail === email)).toEqual([{ channel: "EMAIL", requesterEmail: email }]);
}

if (!DOVECOT_BIN) console.warn("SKIPPED the IMAP part of test/mail-agent/start-real-runs.test.ts: dovecot is not installed");
(DOVECOT_BIN ? describe : describe.skip)("aide-portail start with IMAP_* and SMTP_URL", () => {
  let dovecot: Dovecot;
  let sink: SmtpSink;
  let db: ChildDatabase;
  beforeAll(async () => {
    [dovecot, sink, db] = await Promise.all([startDovecot(), startSmtpSink(), createChildDatabase("ap_mail_start")]);
  });
  afterAll(async () => {
    await Promise.all([dovecot?.stop(), sink?.close(), db?.drop()]);
  });

  it("an email appended to the mailbox becomes a ticket and a French reply, and is moved to « Traités »", async () => {
    const child = await start({
      ...db.env,
      IMAP_HOST: "127.0.0.1",
      IMAP_PORT: String(dovecot.port),
      IMAP_USER: dovecot.user,
      IMAP_PASSWORD: dovecot.password,
      IMAP_SECURE: "false",
      SMTP_URL: sink.url,
    });
    const imap = await connectTestImap(dovecot);
    try {
      const mail = parentEmail({ from: "parent.imap@exemple.ca" });
      await imap.append("INBOX", mail.raw);
      await waitFor(() => sink.received.some((m) => m.to.includes("parent.imap@exemple.ca")), "the reply in the SMTP sink", 30_000);
      const reply = await simpleParser(sink.received.find((m) => m.to.includes("parent.imap@exemple.ca"))!.raw);
      expect(reply.subject).toMatch(/^\[AP-\d{6}\] /);
      expect(reply.headers.get("content-language")).toBe("fr-CA");
      expect(reply.text).toMatch(/^Bonjour,/);
      expect(reply.inReplyTo).toBe(mail.messageId);
      await waitFor(async () => (await boxCount(imap, "Traités")) === 1, "the move to Traités", 30_000);
      expect(await boxCount(imap, "INBOX")).toBe(0);
    } finally {
      await imap.logout().catch(() => undefined);
      expect(await stop(child)).toBe(0);
    }
    await expectOneTicketFor(db, "parent.imap@exemple.ca");
  });
});

describe("aide-portail start with no mail server", () => {
  let db: ChildDatabase;
  beforeAll(async () => {
    db = await createChildDatabase("ap_mail_folder");
  });
  afterAll(() => db?.drop());

  it("an .eml dropped into DATA_DIR/inbox/ becomes a ticket and a French reply under DATA_DIR/outbox/", async () => {
    const child = await start({ ...db.env });
    const inbox = path.join(db.dataDir, "inbox");
    const outbox = path.join(db.dataDir, "outbox");
    try {
      await waitFor(() => fs.existsSync(inbox), "DATA_DIR/inbox/", 30_000);
      const mail = parentEmail({ from: "parent.dossier@exemple.ca" });
      fs.writeFileSync(path.join(inbox, ".arrivee.eml.tmp"), mail.raw); // written, then renamed: never read half-written
      fs.renameSync(path.join(inbox, ".arrivee.eml.tmp"), path.join(inbox, "arrivee.eml"));
      const replyFile = async () => {
        if (!fs.existsSync(outbox)) return null;
        for (const f of fs.readdirSync(outbox).filter((n) => n.endsWith(".eml"))) {
          const parsed = await simpleParser(fs.readFileSync(path.join(outbox, f)));
          if (parsed.inReplyTo === mail.messageId) return parsed;
        }
        return null;
      };
      await waitFor(async () => (await replyFile()) !== null, "the reply under DATA_DIR/outbox/", 30_000);
      const reply = (await replyFile())!;
      expect(reply.subject).toMatch(/^\[AP-\d{6}\] /);
      expect(reply.headers.get("content-language")).toBe("fr-CA");
      expect(reply.text).toMatch(/^Bonjour,/);
      await waitFor(() => fs.existsSync(path.join(inbox, "processed", "arrivee.eml")), "the move to inbox/processed/", 30_000);
      expect(fs.existsSync(path.join(inbox, "arrivee.eml"))).toBe(false);
    } finally {
      expect(await stop(child)).toBe(0);
    }
    await expectOneTicketFor(db, "parent.dossier@exemple.ca");
  });
});
