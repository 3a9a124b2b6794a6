// The whole system as `aide-portail start` builds it (bin/start.ts: the same composition root, the same routes),
// in the test's own process, on a fresh database holding the demo: an embedded PGlite under a temporary
// DATA_DIR, or, when DATABASE_URL is set, a scratch PostgreSQL database beside it. The abuse tests (chat
// fuzzing, access on every route) reach it over real HTTP and read its database through its own context.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedDemo, type CoreContext } from "../../core";
import { startSystem, type RunningSystem } from "../../bin/start";
import { freePort } from "./aide-portail-process";
import { createScratchPostgres } from "./scratch-postgres";
import { testLogger } from "./test-logs";

export interface SystemInProcess {
  system: RunningSystem;
  ctx: CoreContext;
  base: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startSystemInProcess(env: Record<string, string> = {}): Promise<SystemInProcess> {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ap-system-")), "data");
  const scratch = process.env.DATABASE_URL ? await createScratchPostgres(process.env.DATABASE_URL, "ap_sys") : null;
  const port = await freePort();
  const system = await startSystem({
    env: {
      DATA_DIR: dataDir,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      APP_SECRET: "abuse-tests-secret-0123456789abcdef0123",
      ...(scratch ? { DATABASE_URL: scratch.url } : {}),
      ...env,
    },
    host: "127.0.0.1",
    log: testLogger(),
  });
  // The embedded first run seeds the demo; a PostgreSQL server never is implicitly (README).
  if (scratch) await seedDemo(system.booted.ctx);
  return {
    system,
    ctx: system.booted.ctx,
    base: `http://127.0.0.1:${port}`,
    dataDir,
    stop: async () => {
      system.server.server.closeAllConnections?.();
      await system.stop();
      await scratch?.drop();
    },
  };
}
