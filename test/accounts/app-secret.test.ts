import fs from "node:fs";
import path from "node:path";
import { appSecret, keyedHash } from "../../core/accounts/app-secret";
import { silentLogger } from "../../core/logger";
import type { CoreContext } from "../../core/context";
import { testConfig } from "../helpers/context";

const ctxWith = (config = testConfig()) =>
  ({ config, log: silentLogger, now: () => new Date(), prisma: undefined as never }) as CoreContext;

describe("app secret (decoys, code hashes, rate-limit keys)", () => {
  it("without APP_SECRET, creates DATA_DIR/secret.key once (mode 0600) and reuses it", () => {
    const ctx = ctxWith();
    const file = path.join(ctx.config.dataDir, "secret.key");
    const first = keyedHash(ctx, "p", "v");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const content = fs.readFileSync(file, "utf8");
    expect(keyedHash(ctx, "p", "v")).toBe(first);
    expect(keyedHash(ctxWith(ctx.config), "p", "v")).toBe(first);
    expect(fs.readFileSync(file, "utf8")).toBe(content);
    expect(keyedHash(ctxWith(), "p", "v")).not.toBe(first); // another DATA_DIR, another key
  });

  it("uses APP_SECRET when set (the same on every instance), and the config refuses a short one", () => {
    const a = ctxWith(testConfig({ APP_SECRET: "x".repeat(40) }));
    const b = ctxWith(testConfig({ APP_SECRET: "x".repeat(40) }));
    expect(keyedHash(a, "p", "v")).toBe(keyedHash(b, "p", "v"));
    expect(appSecret(a).toString("utf8")).toBe("x".repeat(40));
    expect(fs.existsSync(path.join(a.config.dataDir, "secret.key"))).toBe(false);
    expect(() => testConfig({ APP_SECRET: "court" })).toThrow(/APP_SECRET: must be at least 32/);
  });
});
