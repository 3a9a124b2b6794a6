// Keeps the dependency direction of STYLE.md and SPEC §2 on the real tree, and shows on a planted tree that
// each rule really fails when it is broken (a check that cannot fail would guard nothing).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { architectureViolations } from "./rules";

const ROOT = path.resolve(__dirname, "../..");

function plant(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "ap-arch-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

const CLEAN = {
  "core/index.ts": 'export * from "./tickets";\n',
  "core/tickets/index.ts": "export const x = 1;\n",
  "core/db/database.ts": "const c = new PrismaClient();\n",
  "bot/index.ts": 'import { x } from "../core";\n',
  "mail-agent/index.ts": 'import { x } from "../core";\n',
  "triage/index.ts": 'import type { x } from "../core/index";\n',
  "cli/mail-command.ts": 'import { startMailAgent } from "../mail-agent";\n',
  "bin/start.ts": 'import { openDatabase } from "../core/system";\nimport { x } from "../bot/index";\n',
};

describe("architecture", () => {
  it("the real tree keeps every rule", () => {
    expect(fs.existsSync(path.join(ROOT, "core/index.ts"))).toBe(true);
    expect(architectureViolations(ROOT)).toEqual([]);
  });

  it("a clean planted tree passes, so the failures below come from the planted faults alone", () => {
    expect(architectureViolations(plant(CLEAN))).toEqual([]);
  });

  it.each([
    ["core imports commander", { "core/tickets/cmd.ts": 'import { Command } from "commander";\n' }, /core imports an edge library/],
    ["core imports imapflow", { "core/tickets/imap.ts": 'import { ImapFlow } from "imapflow";\n' }, /core imports an edge library/],
    ["core imports a channel", { "core/tickets/b.ts": 'import { x } from "../../bot/index";\n' }, /core imports an edge/],
    ["core imports cli", { "core/tickets/c.ts": 'import { x } from "../../cli/db-command";\n' }, /core imports an edge/],
    ["a channel goes past the index", { "bot/a.ts": 'import { x } from "../core/tickets";\n' }, /bot\/ goes past the core's index/],
    ["cli goes past the index", { "cli/a.ts": 'import { x } from "../core/db/database";\n' }, /cli\/ goes past the core's index/],
    ["a channel imports another", { "triage/a.ts": 'import { x } from "../mail-agent";\n' }, /triage\/ imports mail-agent/],
    ["cli reaches inside a channel", { "cli/a.ts": 'import { x } from "../bot/dialogs/main";\n' }, /cli\/ imports bot\/ past its entry/],
    ["a channel imports bin", { "bot/a.ts": 'import { boot } from "../bin/boot";\n' }, /bot\/ imports the composition root/],
    [
      "a channel uses ctx.prisma",
      { "mail-agent/a.ts": "export const f = (ctx) => ctx.prisma.ticket.findMany();\n" },
      /mail-agent\/ reaches the database/,
    ],
    ["cli uses ctx.prisma", { "cli/a.ts": "export const f = (ctx) => ctx.prisma.account.count();\n" }, /cli\/ reaches the database/],
    ["a Prisma client outside core/db", { "triage/a.ts": "const p = new PrismaClient();\n" }, /only core\/db creates a Prisma client/],
  ])("fails when %s", (_name, files, message) => {
    const found = architectureViolations(plant({ ...CLEAN, ...files }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it("fails when a channel has no entry", () => {
    const files: Record<string, string> = { ...CLEAN };
    delete files["triage/index.ts"];
    expect(architectureViolations(plant(files))).toEqual(["triage/ has no entry triage/index.ts"]);
  });
});
