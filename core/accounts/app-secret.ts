// The server secret behind keyed hashes (decoy questions, chat-code hashes, rate-limit keys).
// APP_SECRET from the environment when set (required when several instances share one database, so that
// they all pick the same decoy for an email); otherwise a random key created once in DATA_DIR/secret.key
// (mode 0600) and reused on every start.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { CoreContext } from "../context";

const cache = new Map<string, Buffer>();

function fromKeyFile(dataDir: string): Buffer {
  const file = path.join(dataDir, "secret.key");
  const cached = cache.get(file);
  if (cached) return cached;
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    // "wx": only the first process creates the key; a concurrent one reads the winner's.
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url") + "\n", { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  const text = fs.readFileSync(file, "utf8").trim();
  if (text.length < 32) throw new Error(`${file} is too short to be a key: delete it to get a new one`);
  const key = Buffer.from(text, "utf8");
  cache.set(file, key);
  return key;
}

export function appSecret(ctx: CoreContext): Buffer {
  const fromConfig = ctx.config.APP_SECRET;
  if (fromConfig && fromConfig.trim().length > 0) {
    if (fromConfig.length < 32) throw new Error("APP_SECRET must be at least 32 characters");
    return Buffer.from(fromConfig, "utf8");
  }
  return fromKeyFile(ctx.config.dataDir);
}

/** HMAC-SHA256 (hex) of `purpose:value` with the server secret. */
export function keyedHash(ctx: CoreContext, purpose: string, value: string): string {
  return crypto.createHmac("sha256", appSecret(ctx)).update(`${purpose}:${value}`).digest("hex");
}
