// What makes an inbound email « the same email »: its Message-ID plus a hash of its content. The hash leaves
// out the transport headers (Received, Return-Path, Delivered-To, DKIM/ARC stamps…) that change from one
// delivery path to another, so the same email fetched twice is a duplicate, while a client that reuses a
// Message-ID for another email (it happens) gives a new key.
import crypto from "node:crypto";

const CONTENT_HEADERS = new Set([
  "from",
  "to",
  "cc",
  "subject",
  "date",
  "content-type",
  "content-transfer-encoding",
  "in-reply-to",
  "references",
]);

/** Splits a raw message at its first empty line (CRLF or LF). */
function splitHeaderBody(raw: Buffer): { head: string; body: Buffer } {
  const crlf = raw.indexOf("\r\n\r\n");
  const lf = raw.indexOf("\n\n");
  const at = crlf >= 0 && (lf < 0 || crlf < lf) ? { i: crlf, n: 4 } : lf >= 0 ? { i: lf, n: 2 } : { i: raw.length, n: 0 };
  return { head: raw.subarray(0, at.i).toString("latin1"), body: raw.subarray(at.i + at.n) };
}

const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+:/;

export function emailContentHash(raw: Buffer): string {
  const { head, body } = splitHeaderBody(raw);
  const h = crypto.createHash("sha256");
  const lines = head
    .replace(/\r\n/g, "\n")
    .replace(/\n[ \t]+/g, " ")
    .split("\n");
  const name = (line: string) =>
    line
      .slice(0, Math.max(0, line.indexOf(":")))
      .trim()
      .toLowerCase();
  // A head with no content header at all is not a mail head (garbage, a body without headers): all of it is
  // content, or every such message would hash alike and the second one be taken for a duplicate of the first.
  const anyContent = lines.some((l) => CONTENT_HEADERS.has(name(l)));
  // Unfold, keep the content headers in order (and any line that is no header at all), ignore line endings.
  for (const line of lines) {
    if (!anyContent || CONTENT_HEADERS.has(name(line)) || !HEADER_LINE.test(line)) h.update(line.trim()).update("\n");
  }
  h.update("\n");
  h.update(body.toString("latin1").replace(/\r\n/g, "\n").replace(/\s+$/, ""));
  return h.digest("hex");
}

/** The unique key of an inbound email record. */
export function inboundDedupeKey(messageId: string | null | undefined, contentHash: string): string {
  return crypto
    .createHash("sha256")
    .update(`${messageId?.trim().toLowerCase() ?? ""}\n${contentHash}`)
    .digest("hex");
}
