// One-shot commands print what the operator asked for on stdout (a summary, "up to date"); their logs go to
// stderr, so `aide-portail db migrate > out.txt` or a script reading the import summary gets no JSON lines.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const BIN = path.resolve(__dirname, "../../bin/aide-portail.js");

describe("command output", () => {
  it("db migrate: the result on stdout, the log lines on stderr", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-cli-out-"));
    const r = spawnSync(process.execPath, [BIN, "db", "migrate"], {
      env: { ...process.env, NODE_OPTIONS: "", DATABASE_URL: "", DATA_DIR: dataDir, LOG_LEVEL: "info", AIDE_PORTAIL_LANG: "en" },
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split("\n")).toEqual([expect.stringMatching(/^\d+ migration\(s\) applied: .*_init/)]);
    expect(r.stderr).toMatch(/"msg":"migrations applied"/);
  });
});
