// Exactly once across a crash: the agent (a real process) is killed with SIGKILL after the database commit
// and before the move to « Traités », then started again. The email must end in Traités with one ticket, one
// reply and one notification: no duplicate, no loss. Skipped, saying so, only when dovecot is not installed.
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ImapFlow } from "imapflow";
import { openDatabase } from "../../core/db/database";
import { PROCESSED_FOLDER } from "../../mail-agent";
import { DOVECOT_BIN, startDovecot, type Dovecot, connectTestImap } from "../helpers/dovecot";
import { waitFor } from "../helpers/smtp-sink";
import { parentEmail } from "../helpers/mail-fixtures";

if (!DOVECOT_BIN) console.warn("SKIPPED test/mail-agent/kill-restart.test.ts: dovecot is not installed (apt-get install -y dovecot-imapd)");
const describeWithDovecot = DOVECOT_BIN ? describe : describe.skip;

describeWithDovecot("mail agent killed between the commit and the move", () => {
  let dovecot: Dovecot;
  let imap: ImapFlow;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "aide-portail-kill-"));

  beforeAll(async () => {
    dovecot = await startDovecot();
    imap = await connectTestImap(dovecot);
  });
  afterAll(async () => {
    await imap?.logout().catch(() => undefined);
    await dovecot?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function agentProcess(crash: boolean): { child: ChildProcess; next: (msg: string) => Promise<void> } {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      IMAP_HOST: "127.0.0.1",
      IMAP_PORT: String(dovecot.port),
      IMAP_USER: dovecot.user,
      IMAP_PASSWORD: dovecot.password,
      IMAP_SECURE: "false",
      CRASH_BEFORE_MOVE: crash ? "1" : "0",
    };
    delete env.DATABASE_URL;
    delete env.SMTP_URL;
    delete env.NODE_OPTIONS;
    const child = fork(path.resolve(__dirname, "../helpers/mail-agent-process.ts"), [], {
      env,
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const seen: string[] = [];
    child.on("message", (m) => seen.push(String(m)));
    return { child, next: (msg) => waitFor(() => seen.includes(msg), `the agent's « ${msg} »`, 90_000) };
  }
  const count = async (box: string) => {
    const st = await imap.status(box, { messages: true }).catch(() => false as const);
    return st ? (st.messages ?? 0) : 0;
  };

  it("no duplicate, no loss", async () => {
    const first = agentProcess(true);
    await first.next("ready");
    const mail = parentEmail({ from: "crash.test@exemple.ca" });
    await imap.append("INBOX", mail.raw);
    await first.next("before-move");
    const exited = new Promise((r) => first.child.once("exit", r));
    first.child.kill("SIGKILL");
    await exited;
    expect(await count("INBOX")).toBe(1); // committed, not moved

    const second = agentProcess(false);
    await second.next("ready");
    await waitFor(async () => (await count("INBOX")) === 0 && (await count(PROCESSED_FOLDER)) === 1, "the move after the restart", 60_000);
    const stopped = new Promise((r) => second.child.once("exit", r));
    second.child.send("stop");
    await stopped;

    const db = await openDatabase({ pgliteDir: path.join(dataDir, "pglite") });
    try {
      expect(await db.prisma.ticket.count()).toBe(1);
      expect(await db.prisma.inboundEmail.count()).toBe(1);
      const outbox = await db.prisma.outboxMessage.findMany({ select: { template: true, toAddress: true } });
      expect(outbox.map((o) => o.template).sort()).toEqual(["mail:email.ticketReply", "tickets:email.newTicketForSchool"]);
      expect(outbox.find((o) => o.template === "mail:email.ticketReply")?.toAddress).toBe("crash.test@exemple.ca");
    } finally {
      await db.close();
    }
  });
});
