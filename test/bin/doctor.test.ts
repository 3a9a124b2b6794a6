// `doctor` says what is wrong, one line per part, without stopping at the first problem.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { translator } from "../../core/i18n";
import { runDoctor } from "../../bin/doctor";
import { openDatabase } from "../../core/db/database";

const t = translator("fr");

describe("doctor", () => {
  it("on embedded defaults: every line is fine and says where things live", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-doctor-"));
    const lines = await runDoctor({ DATA_DIR: dir }, t);
    expect(lines.map((l) => [l.check, l.ok])).toEqual([
      ["config", true],
      ["database", true],
      ["smtp", true],
      ["mailbox", true],
      ["secret", true],
      ["keyfile", true],
      ["disk", true],
      ["bot", true],
    ]);
    expect(lines[1].detail).toContain("premier démarrage");
    expect(lines[2].detail).toContain(path.join(dir, "outbox"));
    expect(lines[3].detail).toContain(path.join(dir, "inbox"));
  });

  it("beside a running system: the embedded database in use is fine, and doctor does not open it a second time", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-doctor-busy-"));
    const running = await openDatabase({ pgliteDir: path.join(dir, "pglite") });
    try {
      const lines = await runDoctor({ DATA_DIR: dir }, t);
      expect(lines[1]).toMatchObject({ check: "database", ok: true });
      expect(lines[1].detail).toContain(`pid ${process.pid}`);
      expect(await running.prisma.$queryRawUnsafe("select 1 as one")).toEqual([{ one: 1 }]);
    } finally {
      await running.close();
    }
  });

  it("names each unreachable part and hides passwords", async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const lines = await runDoctor(
      {
        DATABASE_URL: `postgresql://aide:motdepasse@127.0.0.1:${closed}/aide`,
        SMTP_URL: `smtp://u:secretsmtp@127.0.0.1:${closed}`,
        IMAP_HOST: "127.0.0.1",
        IMAP_PORT: String(closed),
        IMAP_USER: "aide",
        IMAP_PASSWORD: "x",
        IMAP_SECURE: "false",
      },
      t,
    );
    const byCheck = Object.fromEntries(lines.map((l) => [l.check, l]));
    expect(byCheck.database.ok).toBe(false);
    expect(byCheck.smtp.ok).toBe(false);
    expect(byCheck.mailbox.ok).toBe(false);
    expect(byCheck.mailbox.detail).toContain(`127.0.0.1:${closed}`);
    expect(byCheck.secret.ok).toBe(false); // a shared PostgreSQL needs one APP_SECRET for every instance
    const all = lines.map((l) => l.detail).join("\n");
    expect(all).not.toContain("motdepasse");
    expect(all).not.toContain("secretsmtp");
  });

  it("checks the key file (private, long enough), the disk space of DATA_DIR and the Bot Framework app id", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-doctor-key-"));
    const key = path.join(dir, "secret.key");
    fs.writeFileSync(key, "x".repeat(43) + "\n", { mode: 0o644 });
    fs.chmodSync(key, 0o644);
    let byCheck = Object.fromEntries((await runDoctor({ DATA_DIR: dir }, t)).map((l) => [l.check, l]));
    expect(byCheck.keyfile).toMatchObject({ ok: false });
    expect(byCheck.keyfile.detail).toContain("chmod 600");
    fs.chmodSync(key, 0o600);
    fs.writeFileSync(key, "court\n");
    byCheck = Object.fromEntries((await runDoctor({ DATA_DIR: dir }, t)).map((l) => [l.check, l]));
    expect(byCheck.keyfile).toMatchObject({ ok: false });
    expect(byCheck.keyfile.detail).toContain("trop court");
    fs.writeFileSync(key, "y".repeat(43) + "\n");
    const lines = await runDoctor({ DATA_DIR: path.join(dir, "pas-encore"), MicrosoftAppId: "mon-bot", MicrosoftAppPassword: "x" }, t, {
      minFreeBytes: Number.MAX_SAFE_INTEGER,
    });
    byCheck = Object.fromEntries(lines.map((l) => [l.check, l]));
    expect(byCheck.disk).toMatchObject({ ok: false });
    expect(byCheck.disk.detail).toContain(path.join(dir, "pas-encore"));
    expect(byCheck.bot).toMatchObject({ ok: false });
    expect(byCheck.bot.detail).toContain("GUID");
    byCheck = Object.fromEntries((await runDoctor({ DATA_DIR: dir }, t)).map((l) => [l.check, l]));
    expect(byCheck.keyfile).toMatchObject({ ok: true });
    expect(byCheck.disk).toMatchObject({ ok: true });
  });

  it("reports a bad environment as one config line naming the variables", async () => {
    const lines = await runDoctor({ PORT: "0", LOG_LEVEL: "bavard" }, t);
    expect(lines).toHaveLength(1);
    expect(lines[0].ok).toBe(false);
    expect(lines[0].detail).toContain("PORT");
    expect(lines[0].detail).toContain("LOG_LEVEL");
  });
});
