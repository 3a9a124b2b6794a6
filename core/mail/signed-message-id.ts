// Our own Message-IDs on ticket mail carry the ticket number and an HMAC-SHA256 of it (server secret), so a
// reply's In-Reply-To/References is trusted without a lookup and a forged or mistyped one is not
// (Zammad's MD5 signature, done with a keyed hash). Shape: <ap.NUMBER.RANDOM.SIG@domain>.
import crypto from "node:crypto";
import type { CoreContext } from "../context";
import { keyedHash } from "../accounts/app-secret";

const SIGNED = /^<?ap\.(\d{1,10})\.([a-z0-9]{12})\.([a-f0-9]{20})@[^>\s]+>?$/i;

export function signedMessageId(ctx: CoreContext, opts: { ticketNumber: number; fromAddress: string }): string {
  const domain = opts.fromAddress.split("@")[1] ?? "aide-portail.local";
  const random = crypto
    .randomBytes(9)
    .toString("base64url")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "0")
    .slice(0, 12)
    .padEnd(12, "0");
  const sig = keyedHash(ctx, "message-id", `${opts.ticketNumber}.${random}`).slice(0, 20);
  return `<ap.${opts.ticketNumber}.${random}.${sig}@${domain}>`;
}

/** The ticket number of one of our signed Message-IDs, or null (not ours, or the signature does not match). */
export function verifySignedMessageId(ctx: CoreContext, messageId: string): number | null {
  const m = SIGNED.exec(messageId.trim());
  if (!m) return null;
  const expected = keyedHash(ctx, "message-id", `${Number(m[1])}.${m[2].toLowerCase()}`).slice(0, 20);
  const ok = expected.length === m[3].length && crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(m[3].toLowerCase()));
  return ok ? Number(m[1]) : null;
}
