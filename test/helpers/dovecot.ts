// A private Dovecot IMAP server for tests (recipes/mail-servers.md): its own directory under /dev/shm, its own
// port, run in the foreground as a child of the test process; nothing system-wide is touched. Users
// aide@cepeo.test and test@cepeo.test, password « password ».
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ImapFlow } from "imapflow";

export const DOVECOT_BIN = ["/usr/sbin/dovecot", "/usr/bin/dovecot"].find((p) => fs.existsSync(p)) ?? null;
const MUID = 2000;

export interface Dovecot {
  port: number;
  dir: string;
  user: string;
  password: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  restart(): Promise<void>;
  /** Stops the server and keeps its mail (start() brings it back: the « Dovecot restarted » fault). */
  halt(): Promise<void>;
  /** Delivers a message straight into the user's Maildir, as the local delivery agent does, even while halted. */
  deliver(user: "aide" | "test", raw: Buffer): void;
}

function config(d: string, port: number): string {
  return `base_dir = ${d}/run
state_dir = ${d}/state
instance_name = dovecot-test-${port}
log_path = ${d}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
first_valid_uid = 1
mail_location = maildir:~/Maildir:LAYOUT=fs
namespace inbox {
  inbox = yes
  separator = /
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${d}/users
}
userdb {
  driver = passwd-file
  args = username_format=%u ${d}/users
}
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, "127.0.0.1", () => (s.destroy(), resolve(true)));
    s.on("error", () => resolve(false));
  });

async function until(cond: () => Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`dovecot: ${what} timed out`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A free port for Dovecot (it has no ephemeral port 0): ask the kernel, then release it. */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const p = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(p));
    });
  });
}

export async function startDovecot(): Promise<Dovecot> {
  if (!DOVECOT_BIN) throw new Error("dovecot is not installed (apt-get install -y dovecot-imapd)");
  const dir = fs.mkdtempSync(path.join(fs.existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir(), "dc-"));
  fs.chmodSync(dir, 0o755);
  for (const sub of ["run", "state", "mail"]) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  if (process.getuid?.() === 0) fs.chownSync(path.join(dir, "mail"), MUID, MUID);
  const uid = process.getuid?.() === 0 ? MUID : (process.getuid?.() ?? MUID);
  fs.writeFileSync(
    path.join(dir, "users"),
    ["aide", "test"].map((u) => `${u}@cepeo.test:{PLAIN}password:${uid}:${uid}::${dir}/mail/cepeo.test/${u}::`).join("\n") + "\n",
  );
  const port = await freePort();
  fs.writeFileSync(path.join(dir, "dovecot.conf"), config(dir, port));
  let child: ChildProcess | null = null;
  const d: Dovecot = {
    port,
    dir,
    user: "aide@cepeo.test",
    password: "password",
    async start() {
      child = spawn(DOVECOT_BIN!, ["-F", "-c", path.join(dir, "dovecot.conf")], { stdio: "ignore" });
      await until(() => portOpen(port), "start");
    },
    async stop() {
      await halt();
      spawnSync("rm", ["-rf", dir]);
    },
    async restart() {
      await halt();
      await d.start();
    },
    halt: () => halt(),
    deliver(user, raw) {
      const maildir = path.join(dir, "mail", "cepeo.test", user, "Maildir");
      const name = `${Date.now()}.M${process.hrtime.bigint()}P${process.pid}.test`;
      for (const sub of ["tmp", "new", "cur"]) fs.mkdirSync(path.join(maildir, sub), { recursive: true });
      // Maildir's own two steps: written in tmp/, then renamed into new/ (a reader never sees half a message).
      fs.writeFileSync(path.join(maildir, "tmp", name), raw);
      if (process.getuid?.() === 0) {
        for (const p of [maildir, ...["tmp", "new", "cur"].map((s) => path.join(maildir, s)), path.join(maildir, "tmp", name)])
          fs.chownSync(p, uid, uid);
      }
      fs.renameSync(path.join(maildir, "tmp", name), path.join(maildir, "new", name));
    },
  };
  async function halt(): Promise<void> {
    const c = child;
    if (!c) return;
    child = null;
    const exited = new Promise((r) => c.once("exit", r));
    c.kill("SIGTERM");
    await exited;
    await until(async () => !(await portOpen(port)), "stop");
  }
  await d.start();
  return d;
}

/** The test's own IMAP client on the private Dovecot (to APPEND and count), connected; quiet. */
export async function connectTestImap(dovecot: Dovecot): Promise<ImapFlow> {
  const imap = new ImapFlow({
    host: "127.0.0.1",
    port: dovecot.port,
    secure: false,
    auth: { user: dovecot.user, pass: dovecot.password },
    logger: false,
  });
  await imap.connect();
  return imap;
}
