/**
 * `aide-portail nlu eval FILE.jsonl`: the operator's check of the intent classifier on a labelled file.
 * Exit code 2 when the file cannot be read.
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import type { CommandDeps } from "./command-deps";

export function registerNluCommands(program: Command, { t }: Pick<CommandDeps, "t">): void {
  const nlu = program.command("nlu").description(t("cli:nlu.description"));
  nlu
    .command("eval")
    .argument("<file>", t("cli:nlu.eval.file"))
    .description(t("cli:nlu.eval.description"))
    .action(async (file: string) => {
      let content: string;
      try {
        content = readFileSync(file, "utf8");
      } catch (err) {
        console.error(t("cli:nlu.eval.unreadable", { file, error: (err as Error).message }));
        process.exitCode = 2;
        return;
      }
      const { evaluateJsonl, formatEvalReport } = require("../core") as typeof import("../core");
      for (const line of formatEvalReport(evaluateJsonl(content))) console.log(line);
    });
}
