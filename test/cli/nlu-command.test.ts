/** `aide-portail nlu eval FILE.jsonl`: report format, bad lines reported, accuracy line last. */
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { registerNluCommands } from "../../cli/nlu-command";
import { translator } from "../../core/i18n";

describe("nlu eval", () => {
  let dir: string;
  let out: string[];
  let spy: jest.SpyInstance;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "nlu-eval-"));
    out = [];
    spy = jest.spyOn(console, "log").mockImplementation((...args: unknown[]) => void out.push(args.join(" ")));
  });
  afterEach(() => {
    spy.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(content: string): Promise<string[]> {
    const file = join(dir, "eval.jsonl");
    writeFileSync(file, content);
    const program = new Command("aide-portail").exitOverride();
    registerNluCommands(program, { t: translator("en") });
    await program.parseAsync(["node", "aide-portail", "nlu", "eval", file]);
    return out;
  }

  it("prints precision/recall, confusions and the accuracy line last", async () => {
    const lines = await run(
      [
        JSON.stringify({ text: "merci beaucoup", intent: "thanks", lang: "fr", notes: "extra fields are ignored" }),
        "",
        "{ this is not json",
        JSON.stringify({ text: "bonjour", intent: "not.an.intent" }),
        JSON.stringify({ text: "j'ai oublié mon mot de passe", intent: "account.password_reset" }),
        JSON.stringify({ text: "l'autobus est en retard", intent: "records.schedule" }),
        JSON.stringify({ intent: "thanks" }),
      ].join("\n"),
    );
    const text = lines.join("\n");
    expect(text).toMatch(/line 3: malformed JSON/);
    expect(text).toMatch(/line 4: unknown intent "not\.an\.intent"/);
    expect(text).toMatch(/line 7: no "text"/);
    expect(text).toMatch(/precision\s+recall/);
    expect(text).toMatch(/^thanks\s+1\.000\s+1\.000\s+1$/m);
    expect(text).toMatch(/records\.schedule -> none: 1/);
    expect(lines[lines.length - 1]).toBe("accuracy: 0.667 (2/3)");
  });

  it("an empty file gives a zero accuracy line, no crash", async () => {
    const lines = await run("\n\n");
    expect(lines[lines.length - 1]).toBe("accuracy: 0.000 (0/0)");
  });
});
