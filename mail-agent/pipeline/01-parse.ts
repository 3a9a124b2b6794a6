// Stage 1, parse: mailparser decodes any charset (RFC 2047 encoded words, 8bit, quoted-printable, base64,
// declared or not), HTML-only mail becomes text with html-to-text, attachments are listed, and a forwarded
// message attached as message/rfc822 is parsed too and its text appended (it often is the request).
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { convert } from "html-to-text";
import type { MailContext, ParsedEmail, Stage } from "./types";

/** Above this the message is kept whole in quarantine, not parsed (a 5 MB photo is fine; 30 MB is not mail). */
export const MAX_RAW_BYTES = 25 * 1024 * 1024;
const MAX_TEXT_CHARS = 200_000;
const MSGID = /<[^<>\s]{1,900}>/g;

function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "skip" },
      { selector: "style", format: "skip" },
      { selector: "blockquote", format: "blockQuote", options: { trimEmptyLines: true } },
    ],
  });
}

function addresses(a: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(a) ? a : a ? [a] : [];
  return list.flatMap((o) =>
    o.value.flatMap((v) => (v.address ? [v.address] : (v.group ?? []).map((g) => g.address ?? "").filter(Boolean))),
  );
}

function headerMap(p: ParsedMail): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const line of p.headerLines ?? []) {
    const name = line.key.toLowerCase();
    const value = line.line
      .slice(line.line.indexOf(":") + 1)
      .replace(/\r?\n[ \t]+/g, " ")
      .trim();
    map.set(name, [...(map.get(name) ?? []), value]);
  }
  return map;
}

/**
 * mailparser fills `text` from the HTML itself when there is no text/plain part, keeping image markers and
 * footers; for HTML-only mail our html-to-text settings (no images, no links) read better.
 */
function hasPlainPart(raw: Buffer): boolean {
  const s = raw.toString("latin1");
  return /^content-type:\s*text\/plain/im.test(s) || !/^content-type:/im.test(s);
}

function bodyText(p: ParsedMail, raw?: Buffer): string {
  const html = typeof p.html === "string" && p.html ? p.html : null;
  const useHtml = html && (!p.text?.trim() || (raw && !hasPlainPart(raw)));
  const text = useHtml ? htmlToText(html) : (p.text ?? "");
  return text.replace(/\r\n?/g, "\n").replace(/\u00a0/g, " ");
}

async function forwardedText(p: ParsedMail, ids: string[]): Promise<string> {
  const parts: string[] = [];
  for (const att of p.attachments ?? []) {
    const ct = att.contentType.toLowerCase();
    if (ct === "message/rfc822" || ct === "message/global") {
      const inner = await simpleParser(att.content, { skipImageLinks: true }).catch(() => null);
      if (!inner) continue;
      if (inner.messageId) ids.push(inner.messageId);
      const from = inner.from?.text ?? "";
      parts.push(`---------- Forwarded message ---------\nFrom: ${from}\nSubject: ${inner.subject ?? ""}\n\n${bodyText(inner)}`);
    } else if (ct === "text/rfc822-headers" || ct === "message/rfc822-headers") {
      for (const m of att.content.toString("latin1").matchAll(/^message-id:\s*(<[^>]+>)/gim)) ids.push(m[1]);
    } else if (ct === "message/delivery-status") {
      // Some servers name the original Message-ID in the status part itself.
      for (const m of att.content.toString("latin1").matchAll(/^(?:x-)?(?:original-)?message-id:\s*(<[^>]+>)/gim)) ids.push(m[1]);
    }
  }
  return parts.join("\n\n");
}

/** PostgreSQL text (and jsonb) cannot hold NUL: a header carrying one would make every write of the email fail. */
const noNul = (s: string) => (s.includes("\u0000") ? s.replace(/\u0000/g, "") : s);
const noNulOrNull = (s: string | null | undefined) => (s == null ? null : noNul(s));

export async function toParsedEmail(raw: Buffer): Promise<ParsedEmail> {
  const p = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true });
  const embeddedMessageIds: string[] = [];
  const forwarded = await forwardedText(p, embeddedMessageIds);
  const text = [bodyText(p, raw), forwarded]
    .filter((s) => s.trim())
    .join("\n\n")
    .slice(0, MAX_TEXT_CHARS);
  const from = p.from?.value.find((v) => v.address) ?? null;
  const refs = Array.isArray(p.references) ? p.references : p.references ? p.references.split(/\s+/) : [];
  const headers = headerMap(p);
  for (const [k, vs] of headers) headers.set(k, vs.map(noNul));
  return {
    messageId: noNulOrNull(p.messageId),
    from: from?.address ? { address: noNul(from.address), name: noNulOrNull(from.name || null) || null } : null,
    replyTo: noNulOrNull(addresses(p.replyTo)[0]),
    to: [...addresses(p.to), ...addresses(p.cc)].map(noNul),
    subject: noNul(p.subject ?? "")
      .replace(/\s+/g, " ")
      .trim(),
    date: p.date && !Number.isNaN(p.date.getTime()) ? p.date : null,
    headers,
    contentType: (p.headers.get("content-type") as { value?: string } | undefined)?.value?.toLowerCase() ?? "text/plain",
    text: noNul(text),
    inReplyTo: noNul(p.inReplyTo ?? "").match(MSGID)?.[0] ?? null,
    references: refs.flatMap((r) => noNul(r).match(MSGID) ?? []),
    attachments: (p.attachments ?? []).map((a) => ({ filename: noNulOrNull(a.filename), contentType: noNul(a.contentType), size: a.size })),
    embeddedMessageIds: embeddedMessageIds.map(noNul),
  };
}

export const parseStage: Stage = async (mail: MailContext) => {
  if (mail.raw.length > MAX_RAW_BYTES) {
    mail.outcome = { action: "quarantine", stage: "01-parse", reason: `too_large: ${mail.raw.length} bytes` };
    return;
  }
  mail.parsed = await toParsedEmail(mail.raw);
};
