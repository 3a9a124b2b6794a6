// `aide-portail start --mail-only` / `--no-mail`: the roles of a deployment of several instances (deploy/).
// mail-only reads the mailbox (here the embedded folder DATA_DIR/inbox) and serves only health, readiness and
// metrics; no-mail serves the channels and starts no intake. Both flags at once are refused.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BIN, killLeftovers, logLines, startAidePortail } from "../helpers/aide-portail-process";
import { parentEmail } from "../helpers/mail-fixtures";
import { waitFor } from "../helpers/smtp-sink";

afterAll(killLeftovers);
jest.setTimeout(180_000);

const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ap-roles-")), "data");

/** The log line `start` writes once listening (it may reach the pipe just after the ready line). */
async function startLine(p: { output(): string }) {
  const find = () => logLines(p.output()).find((l) => l.msg === "Aide-Portail started");
  await waitFor(() => find() !== undefined, "the start log line");
  return find();
}

describe("aide-portail start roles", () => {
  it("--mail-only processes the mailbox and serves only /healthz, /readyz and /metrics", async () => {
    fs.mkdirSync(path.join(dataDir, "inbox"), { recursive: true });
    const email = parentEmail();
    fs.writeFileSync(path.join(dataDir, "inbox", "one.eml"), email.raw);
    const p = await startAidePortail({ DATA_DIR: dataDir }, ["--mail-only"]);
    try {
      expect(await startLine(p)).toMatchObject({ role: "mail", intake: "on" });
      expect((await fetch(`${p.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${p.url}/readyz`)).status).toBe(200);
      expect(await (await fetch(`${p.url}/metrics`)).text()).toContain("aide_portail_outbox_messages");
      const bot = await fetch(`${p.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      expect(bot.status).toBe(404);
      await waitFor(() => fs.existsSync(path.join(dataDir, "inbox", "processed", "one.eml")), "the email to be processed");
    } finally {
      expect(await p.stop()).toBe(0);
    }
  });

  it("--no-mail serves the bot's route and starts no intake", async () => {
    const p = await startAidePortail({ DATA_DIR: dataDir }, ["--no-mail"]);
    try {
      expect(await startLine(p)).toMatchObject({ role: "web", intake: "off" });
      const bot = await fetch(`${p.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      expect(bot.status).not.toBe(404);
      expect((await fetch(`${p.url}/readyz`)).status).toBe(200);
    } finally {
      expect(await p.stop()).toBe(0);
    }
  });

  it("refuses --no-mail with --mail-only", () => {
    const res = spawnSync(process.execPath, [BIN, "start", "--no-mail", "--mail-only"], {
      env: { ...process.env, NODE_OPTIONS: "", DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" },
      encoding: "utf8",
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("--no-mail et --mail-only s'excluent");
  });
});
