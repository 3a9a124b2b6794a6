/**
 * `aide-portail nlu eval FILE.jsonl`: the operator's check of the intent classifier on a labelled file.
 * Registered by bin/main.ts with registerNluCommands(program, t).
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import type { TFunction } from "i18next";
import { evaluateJsonl, formatReport } from "../nlu/evaluate";

export function registerNluCommands(program: Command, t: TFunction): void {
  const nlu = program.command("nlu").description(t("cli:nlu.description"));
  nlu
    .command("eval")
    .argument("<file>", t("cli:nlu.eval.file"))
    .description(t("cli:nlu.eval.description"))
    .action((file: string) => {
      let content: string;
      try {
        content = readFileSync(file, "utf8");
      } catch (err) {
        console.error(t("cli:nlu.eval.unreadable", { file, error: (err as Error).message }));
        process.exitCode = 2;
        return;
      }
      for (const line of formatReport(evaluateJsonl(content))) console.log(line);
    });
}
