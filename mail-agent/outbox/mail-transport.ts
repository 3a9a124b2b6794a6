// The two ways an email leaves: SMTP (SMTP_URL) or, the embedded default, an .eml file under DATA_DIR/outbox.
// Both take the stored message as is, with its Message-ID, so a retry after a crash is the same email
// (an .eml retry overwrites the same file; an SMTP receiver can drop the duplicate Message-ID).
import fs from "node:fs";
import path from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";
import type { ClaimedEmail } from "../../core";

export interface MailTransport {
  readonly kind: "smtp" | "file";
  send(email: ClaimedEmail): Promise<void>;
  verify(): Promise<void>;
  close(): void;
}

function toNodemailer(email: ClaimedEmail): SendMailOptions {
  return {
    from: email.fromAddress,
    to: email.toAddress,
    subject: email.subject,
    text: email.text,
    html: email.html ?? undefined,
    messageId: email.messageId,
    headers: email.headers,
    inReplyTo: email.headers["In-Reply-To"],
    references: email.headers.References,
  };
}

/**
 * nodemailer waits up to 2 min to connect and 10 min on a silent socket by default: longer than the outbox
 * lease (LEASE_MS, 5 min), after which another instance takes the email back and sends it again. These bound a
 * delivery to about 2 min; query parameters of SMTP_URL (e.g. `?socketTimeout=…`) still override them.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/**
 * `pool`: that many SMTP sessions kept open and reused (the running agent: one per outbox delivery lane) rather
 * than a connection, greeting and EHLO for every email; without it (one-off commands) nothing stays open.
 */
export function smtpTransport(url: string, pool?: number): MailTransport {
  const t = nodemailer.createTransport({ url, ...(pool ? { pool: true, maxConnections: pool } : {}), ...SMTP_TIMEOUTS });
  return {
    kind: "smtp",
    async send(email) {
      await t.sendMail(toNodemailer(email));
    },
    async verify() {
      await t.verify();
    },
    close: () => t.close(),
  };
}

/** File name from the Message-ID: stable, so writing the same email twice leaves one file. */
export function emlFileName(messageId: string): string {
  return `${messageId.replace(/[<>]/g, "").replace(/[^A-Za-z0-9._@-]/g, "_")}.eml`;
}

export function fileTransport(dir: string): MailTransport {
  const t = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "file",
    async send(email) {
      const info = await t.sendMail(toNodemailer(email));
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const file = path.join(dir, emlFileName(email.messageId));
      const tmp = `${file}.tmp`;
      try {
        // 0600 like DATA_DIR/secret.key: these files carry temporary passwords, codes and validation links.
        fs.writeFileSync(tmp, info.message as Buffer, { mode: 0o600 });
        fs.chmodSync(tmp, 0o600); // a leftover .tmp of a crashed write keeps its old mode otherwise
        fs.renameSync(tmp, file); // atomic: a reader never sees half an email
      } catch (err) {
        // A full disk (ENOSPC) leaves half a file: removed, or it holds the space the retry needs.
        fs.rmSync(tmp, { force: true });
        throw err;
      }
    },
    async verify() {
      fs.mkdirSync(dir, { recursive: true });
      fs.accessSync(dir, fs.constants.W_OK);
    },
    close: () => undefined,
  };
}
