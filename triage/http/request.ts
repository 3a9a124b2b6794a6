// Reading requests without a body-parser plugin (so nothing changes for the bot's routes on the same server):
// a capped body (forms and JSON), cookies, the client's address. Anything past the cap is refused with 413.
import type { Request } from "restify";
import { AppError, resolveClientAddress, type Config } from "../../core";

/** Forms and JSON of the console are small; a reply of 10,000 characters fits many times over. */
export const MAX_BODY_BYTES = 256 * 1024;

export async function readBody(req: Request): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as unknown as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES)
      throw new AppError("triage.body_too_large", {
        log: `request body over ${MAX_BODY_BYTES} bytes`,
      });
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  const type = String(req.headers["content-type"] ?? "")
    .split(";")[0]
    .trim()
    .toLowerCase();
  if (type === "application/json") {
    try {
      const v = text ? JSON.parse(text) : {};
      return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
    } catch {
      throw new AppError("triage.bad_json", { log: "malformed JSON body" });
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(text)) out[k] = v;
  return out;
}

export function cookies(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of String(req.headers.cookie ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

/** The staff member's address for sign-in throttling (behind a trusted proxy: its X-Forwarded-For, core's rule). */
export function clientKey(req: Request, config: Pick<Config, "TRUSTED_PROXIES">): string {
  return resolveClientAddress(config, req.socket?.remoteAddress, req.headers["x-forwarded-for"]);
}

export function str(v: unknown, max = 10_000): string {
  return typeof v === "string" ? v.slice(0, max) : "";
}

export function query(req: Request): Record<string, string> {
  const url = new URL(req.url ?? "/", "http://x");
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) out[k] = v.slice(0, 200);
  return out;
}
