// The Teams app package in bot/teams/ validates against Microsoft's v1.17 manifest schema (offline: the schema
// ships in @microsoft/app-manifest), and its icons are the PNG sizes Teams requires.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = path.resolve(__dirname, "../../bot/teams");
const script = path.resolve(__dirname, "../../scripts/validate-teams-manifest.js");

/** ManifestUtil.validateManifestAgainstSchema with the v1.17 schema, in plain Node (see the script's header). */
function validate(manifest: unknown): string[] {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "teams-")), "manifest.json");
  fs.writeFileSync(file, JSON.stringify(manifest));
  const run = spawnSync(process.execPath, [script, file], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
  return JSON.parse(run.stdout) as string[];
}

function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(path.join(dir, file));
  expect(b.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe("Teams app package", () => {
  it("manifest.json has no schema error", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
    expect(manifest.manifestVersion).toBe("1.17");
    expect(validate(manifest)).toEqual([]);
    expect(manifest.bots[0].scopes).toContain("personal");
  });

  it("a broken manifest is reported (the validation is real)", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
    delete manifest.name.full;
    manifest.bots[0].botId = "not-a-guid";
    const errors = validate(manifest);
    expect(errors.join("\n")).toMatch(/full/);
    expect(errors.join("\n")).toMatch(/botId/);
  });

  it("ships a 192×192 color icon and a 32×32 outline icon", () => {
    expect(pngSize("color.png")).toEqual({ width: 192, height: 192 });
    expect(pngSize("outline.png")).toEqual({ width: 32, height: 32 });
  });
});
