// One-shot commands print what the operator asked for on stdout (a summary, "up to date"); their logs go to
// stderr, so `aide-portail db migrate > out.txt` or a script reading the import summary gets no JSON lines.
// Runs on the engine of the run (a scratch PostgreSQL database when DATABASE_URL is set).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { createChildDatabase } from "../helpers/child-database";

const BIN = path.resolve(__dirname, "../../bin/aide-portail.js");

describe("command output", () => {
  it("db migrate: the result on stdout, the log lines on stderr", async () => {
    const db = await createChildDatabase("ap_cli_out");
    const r = spawnSync(process.execPath, [BIN, "db", "migrate"], {
      env: { ...process.env, NODE_OPTIONS: "", ...db.env, LOG_LEVEL: "info", AIDE_PORTAIL_LANG: "en" },
      encoding: "utf8",
    });
    await db.drop();
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split("\n")).toEqual([expect.stringMatching(/^\d+ migration\(s\) applied: .*_init/)]);
    expect(r.stderr).toMatch(/"msg":"migrations applied"/);
  });
});
