// Message bodies are capped (an email can be megabytes of quoted history): past the cap the text is cut
// at a character boundary and a visible marker says so — never rejected, never silently shortened.
import { translator, type Lang } from "../i18n";

export const MAX_BODY_BYTES = 100 * 1024;

export function capBody(body: string, lang: Lang): { body: string; truncated: boolean } {
  const text = body.replace(/\u0000/g, ""); // PostgreSQL text cannot hold NUL
  if (Buffer.byteLength(text, "utf8") <= MAX_BODY_BYTES) return { body: text, truncated: false };
  const marker = `\n\n${translator(lang)("tickets:truncated", { max: MAX_BODY_BYTES / 1024 })}`;
  const budget = MAX_BODY_BYTES - Buffer.byteLength(marker, "utf8");
  // Cut by bytes, then drop a partial trailing character (U+FFFD from a split multi-byte sequence).
  const cut = Buffer.from(text, "utf8")
    .subarray(0, budget)
    .toString("utf8")
    .replace(/\uFFFD$/, "");
  return { body: cut + marker, truncated: true };
}
