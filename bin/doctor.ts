// `aide-portail doctor`: checks the configuration end to end and says in plain words what is wrong.
// Each check is independent: one failure never hides the others. Parts: configuration, database (reachable,
// migrated), the outbox (emails waiting for a retry or given up), SMTP, mailbox, the shared key (APP_SECRET or DATA_DIR/secret.key), disk space of DATA_DIR, Bot Framework.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { TFunction } from "i18next";
import { ConfigError, isAppError, loadConfig, outboxHealth, silentLogger, type Config } from "../core";
import { checkDatabaseIntegrity, MIGRATIONS_DIR, openDatabase, redactUrl, type Database } from "../core/system";
import { fileTransport, smtpTransport } from "../mail-agent";

export interface DoctorLine {
  check: string;
  ok: boolean;
  detail: string;
}

function tcpReachable(host: string, port: number, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host, port });
    const done = (err?: Error) => {
      s.destroy();
      if (err) reject(err);
      else resolve();
    };
    s.setTimeout(timeoutMs, () => done(new Error(`no answer within ${timeoutMs / 1000} s`)));
    s.once("connect", () => done());
    s.once("error", (e) => done(e));
  });
}

/** Every table read by a sequential scan and through its primary key, and the imported tables against the last import. */
async function checkIntegrity(db: Database, t: TFunction): Promise<DoctorLine> {
  try {
    const r = await checkDatabaseIntegrity(db.prisma);
    if (r.problems.length === 0)
      return { check: "integrity", ok: true, detail: t("cli:doctor.integrity.ok", { tables: r.tables, rows: r.rows }) };
    const problems = r.problems.map((p) => `\n    - ${p.table}: ${p.detail}`).join("");
    return { check: "integrity", ok: false, detail: t("cli:doctor.integrity.damaged", { count: r.problems.length, problems }) };
  } catch (err) {
    return { check: "integrity", ok: false, detail: t("cli:doctor.integrity.failed", { error: (err as Error).message }) };
  }
}

/** Emails waiting for a retry or given up: an SMTP server refusing, a full disk under DATA_DIR/outbox. */
async function checkOutbox(db: Database, config: Config, t: TFunction): Promise<DoctorLine> {
  try {
    const h = await outboxHealth({ prisma: db.prisma, config, log: silentLogger, now: () => new Date() });
    if (!h.retrying && !h.failed) return { check: "outbox", ok: true, detail: t("cli:doctor.outbox.ok") };
    return {
      check: "outbox",
      ok: false,
      detail: t("cli:doctor.outbox.stuck", { retrying: h.retrying, failed: h.failed, error: h.lastError }),
    };
  } catch (err) {
    return { check: "outbox", ok: false, detail: t("cli:doctor.outbox.failed", { error: (err as Error).message }) };
  }
}

async function checkDatabase(config: Config, t: TFunction): Promise<DoctorLine[]> {
  const where = config.DATABASE_URL ? redactUrl(config.DATABASE_URL) : config.pgliteDir;
  if (!config.DATABASE_URL && !fs.existsSync(path.join(config.pgliteDir, "PG_VERSION"))) {
    return [{ check: "database", ok: true, detail: t("cli:doctor.db.notCreated", { where }) }];
  }
  try {
    const db = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: config.pgliteDir, poolSize: 1 });
    try {
      const expected = fs
        .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name);
      let applied: string[] = [];
      try {
        const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
          `select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null`,
        );
        applied = rows.map((r) => r.migration_name);
      } catch {
        applied = [];
      }
      const pending = expected.filter((m) => !applied.includes(m));
      return [
        pending.length
          ? { check: "database", ok: false, detail: t("cli:doctor.db.pending", { where, count: pending.length }) }
          : { check: "database", ok: true, detail: t("cli:doctor.db.ok", { where, kind: db.kind }) },
        await checkIntegrity(db, t),
        await checkOutbox(db, config, t),
      ];
    } finally {
      await db.close();
    }
  } catch (err) {
    // A running `start` holds the embedded database: that is a working system, not a fault.
    if (isAppError(err, "db.in_use"))
      return [{ check: "database", ok: true, detail: t("cli:doctor.db.inUse", { where, pid: err.params.pid }) }];
    return [{ check: "database", ok: false, detail: t("cli:doctor.db.failed", { where, error: (err as Error).message }) }];
  }
}

async function checkSmtp(config: Config, t: TFunction): Promise<DoctorLine> {
  const transport = config.SMTP_URL ? smtpTransport(config.SMTP_URL) : fileTransport(config.outboxDir);
  const where = config.SMTP_URL ? redactUrl(config.SMTP_URL) : config.outboxDir;
  try {
    await transport.verify();
    return { check: "smtp", ok: true, detail: t(config.SMTP_URL ? "cli:doctor.smtp.ok" : "cli:doctor.smtp.files", { where }) };
  } catch (err) {
    return { check: "smtp", ok: false, detail: t("cli:doctor.smtp.failed", { where, error: (err as Error).message }) };
  } finally {
    transport.close();
  }
}

async function checkMailbox(config: Config, t: TFunction): Promise<DoctorLine> {
  if (!config.IMAP_HOST) return { check: "mailbox", ok: true, detail: t("cli:doctor.mailbox.folder", { where: config.inboxDir }) };
  const port = config.IMAP_PORT ?? (config.IMAP_SECURE === false ? 143 : 993);
  try {
    await tcpReachable(config.IMAP_HOST, port);
    return { check: "mailbox", ok: true, detail: t("cli:doctor.mailbox.reachable", { host: config.IMAP_HOST, port }) };
  } catch (err) {
    return {
      check: "mailbox",
      ok: false,
      detail: t("cli:doctor.mailbox.failed", { host: config.IMAP_HOST, port, error: (err as Error).message }),
    };
  }
}

/** Several instances on one PostgreSQL must share the server key, or decoy questions and chat codes disagree. */
function checkSecret(config: Config, t: TFunction): DoctorLine {
  if (config.APP_SECRET) return { check: "secret", ok: true, detail: t("cli:doctor.secret.set") };
  if (config.DATABASE_URL) return { check: "secret", ok: false, detail: t("cli:doctor.secret.sharedDatabase", { where: config.dataDir }) };
  return { check: "secret", ok: true, detail: t("cli:doctor.secret.keyFile", { where: config.dataDir }) };
}

/** Below this, DATA_DIR (outbox .eml files, the inbox folder, the embedded database) is reported as low. */
export const MIN_FREE_BYTES = 1024 ** 3;

/** The nearest existing folder of DATA_DIR (it may not exist before the first start). */
function existingAncestor(dir: string): string {
  let d = path.resolve(dir);
  while (!fs.existsSync(d) && path.dirname(d) !== d) d = path.dirname(d);
  return d;
}

/**
 * DATA_DIR, and DATA_DIR/outbox when it is a disk of its own (a mount: the .eml files of the default transport):
 * the first one short of space is reported.
 */
function checkDisk(config: Config, t: TFunction, minFree = MIN_FREE_BYTES): DoctorLine {
  let where = config.dataDir;
  try {
    const places = [config.dataDir, config.outboxDir].filter((d, i) => i === 0 || fs.existsSync(d));
    const devices = new Set<number>();
    let freeBytes = Infinity;
    for (const dir of places) {
      const at = existingAncestor(dir);
      const device = fs.statSync(at).dev;
      if (devices.has(device)) continue;
      devices.add(device);
      const s = fs.statfsSync(at);
      if (s.bavail * s.bsize < freeBytes) [freeBytes, where] = [s.bavail * s.bsize, dir];
    }
    const free = (freeBytes / 1024 ** 3).toFixed(1);
    return freeBytes < minFree
      ? { check: "disk", ok: false, detail: t("cli:doctor.disk.low", { where, free, min: (minFree / 1024 ** 3).toFixed(1) }) }
      : { check: "disk", ok: true, detail: t("cli:doctor.disk.ok", { where, free }) };
  } catch (err) {
    return { check: "disk", ok: false, detail: t("cli:doctor.disk.failed", { where, error: (err as Error).message }) };
  }
}

/** DATA_DIR/secret.key, when APP_SECRET is unset: present, long enough, and readable by its owner only. */
function checkKeyFile(config: Config, t: TFunction): DoctorLine {
  if (config.APP_SECRET) return { check: "keyfile", ok: true, detail: t("cli:doctor.keyFile.fromEnv") };
  const where = path.join(config.dataDir, "secret.key");
  if (!fs.existsSync(where)) return { check: "keyfile", ok: true, detail: t("cli:doctor.keyFile.notCreated", { where }) };
  try {
    const mode = fs.statSync(where).mode & 0o777;
    if (fs.readFileSync(where, "utf8").trim().length < 32)
      return { check: "keyfile", ok: false, detail: t("cli:doctor.keyFile.tooShort", { where }) };
    if (mode & 0o077)
      return { check: "keyfile", ok: false, detail: t("cli:doctor.keyFile.tooOpen", { where, mode: mode.toString(8).padStart(4, "0") }) };
    return { check: "keyfile", ok: true, detail: t("cli:doctor.keyFile.ok", { where }) };
  } catch (err) {
    return { check: "keyfile", ok: false, detail: t("cli:doctor.keyFile.unreadable", { where, error: (err as Error).message }) };
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkBot(config: Config, t: TFunction): DoctorLine {
  if (!config.MicrosoftAppId) return { check: "bot", ok: true, detail: t("cli:doctor.bot.webchatOnly") };
  if (!GUID.test(config.MicrosoftAppId)) return { check: "bot", ok: false, detail: t("cli:doctor.bot.badAppId") };
  return { check: "bot", ok: true, detail: t("cli:doctor.bot.configured", { type: config.MicrosoftAppType ?? "MultiTenant" }) };
}

export async function runDoctor(env: NodeJS.ProcessEnv, t: TFunction, opts: { minFreeBytes?: number } = {}): Promise<DoctorLine[]> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return [
      {
        check: "config",
        ok: false,
        detail: t("cli:errors.config", {
          problems: err
            .problemsIn(t)
            .map((p) => `  - ${p}`)
            .join("\n"),
        }),
      },
    ];
  }
  return [
    { check: "config", ok: true, detail: t("cli:doctor.config.ok") },
    ...(await checkDatabase(config, t)),
    await checkSmtp(config, t),
    await checkMailbox(config, t),
    checkSecret(config, t),
    checkKeyFile(config, t),
    checkDisk(config, t, opts.minFreeBytes),
    checkBot(config, t),
  ];
}
