// Fault: the disk under DATA_DIR/outbox is full. Without SMTP_URL the outbox writes each email as an .eml file
// there; here that folder is a real, tiny tmpfs (mount -t tmpfs -o size=…, as root), filled up by another
// file. Delivery fails with ENOSPC: the emails stay in the outbox for a retry (nothing lost), the log says the
// disk is full, no half-written file is left behind to eat what space remains, and `doctor` names the folder;
// once space is back, the next attempts write every email, once. The retry schedule runs on the test's
// clock. Needs the right to mount a tmpfs (root, CAP_SYS_ADMIN): skipped, saying so, without it. The same on both
// databases: it runs in the embedded-database pass only.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { deliverOutboxOnce, fileTransport } from "../../../mail-agent";
import { testClock } from "../../helpers/context";
import { describeUnless, ONE_PASS } from "../../helpers/describe-unless";
import { openOutboxOnDisk, type OutboxOnDisk } from "../../helpers/outbox-on-disk";

const FILE = "test/production/faults/outbox-disk-full.test.ts";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-fault-disk-"));
const outboxDir = path.join(dataDir, "outbox");
fs.mkdirSync(outboxDir);

/** The tmpfs is mounted when the file loads, so that a machine that does not allow it skips the tests. */
function mountTmpfs(): string | null {
  if (process.env.DATABASE_URL) return ONE_PASS;
  const r = spawnSync("mount", ["-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", outboxDir], { encoding: "utf8" });
  return r.status === 0 ? null : `cannot mount a tmpfs here (${(r.stderr || r.error?.message || "").trim()}): needs root`;
}
const skipWhy = mountTmpfs();
const maybe = describeUnless(FILE, [[skipWhy !== null, skipWhy ?? ""]]);

const EMAILS = 4;

maybe("a full disk under DATA_DIR/outbox", () => {
  const clock = testClock("2026-12-01T08:00:00-05:00");
  const filler = path.join(outboxDir, "filler.bin");
  let outbox: OutboxOnDisk;
  const transport = fileTransport(outboxDir);

  const emlFiles = () => fs.readdirSync(outboxDir).filter((f) => f !== "filler.bin");
  /** Fills the tmpfs to the last byte (a write of one more byte would fail). */
  function fillDisk(): void {
    const fd = fs.openSync(filler, "w");
    try {
      const block = Buffer.alloc(4096, 1);
      for (;;) fs.writeSync(fd, block);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOSPC") throw err;
    } finally {
      fs.closeSync(fd);
    }
  }

  beforeAll(async () => {
    outbox = await openOutboxOnDisk({ DATA_DIR: dataDir, APP_SECRET: "disk-full-test-secret-0123456789abcdef" }, clock);
  });
  afterAll(async () => {
    await outbox?.close();
    spawnSync("umount", [outboxDir]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("fails cleanly while full, keeps every email, and writes them all once space is back", async () => {
    const ids = await outbox.enqueue(EMAILS);
    fillDisk();

    expect(await deliverOutboxOnce(outbox.ctx, transport)).toEqual({ sent: 0, retried: EMAILS, failed: 0 });
    const rows = await outbox.db.prisma.outboxMessage.findMany();
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(Array.from({ length: EMAILS }, () => ["PENDING", 1]));
    expect(rows.every((r) => r.lastError?.includes("ENOSPC"))).toBe(true);
    // No half-written .eml or .tmp left: it would hold the space a later email needs.
    expect(emlFiles()).toEqual([]);
    const notSent = outbox.logs.filter((l) => l.msg === "email not sent");
    expect(notSent).toHaveLength(EMAILS);
    expect(notSent.every((l) => l.level === 40 && (l.err as { code?: string }).code === "ENOSPC")).toBe(true);

    // doctor, as an operator runs it (the embedded database closed meanwhile): the outbox folder is full, and
    // the emails wait for a retry because of it.
    const doctor = await outbox.doctor();
    expect(doctor.disk).toMatchObject({ ok: false });
    expect(doctor.disk.detail).toContain(outboxDir);
    expect(doctor.outbox).toMatchObject({ ok: false });
    expect(doctor.outbox.detail).toContain(`${EMAILS} courriel(s) en attente d'un nouvel essai`);
    expect(doctor.outbox.detail).toContain("ENOSPC");

    // Space back: at the next attempt (30 s later on the schedule) every email is written, once.
    fs.rmSync(filler);
    clock.advance(30_000);
    expect(await deliverOutboxOnce(outbox.ctx, transport)).toEqual({ sent: EMAILS, retried: 0, failed: 0 });
    const files = emlFiles().sort();
    expect(files).toHaveLength(EMAILS);
    expect(files.every((f) => f.endsWith(".eml"))).toBe(true);
    const written = files.map((f) => /^Message-ID:\s*(\S+)/im.exec(fs.readFileSync(path.join(outboxDir, f), "utf8"))?.[1]);
    expect(written.sort()).toEqual([...ids].sort());
    expect((await outbox.db.prisma.outboxMessage.findMany()).every((r) => r.status === "SENT" && r.attempts === 2)).toBe(true);
  });
});
