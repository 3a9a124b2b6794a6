/**
 * `aide-portail nlu eval FILE.jsonl`: the operator's check of the intent classifier on a labelled file.
 * The lead registers it from core/cli/main.ts with registerNluCommands(program).
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { evaluateJsonl, formatReport } from "../nlu/evaluate";

export function registerNluCommands(program: Command): void {
  const nlu = program.command("nlu").description("language understanding tools");
  nlu
    .command("eval")
    .argument("<file>", "JSONL file, one {\"text\": …, \"intent\": …} per line")
    .description("per-intent precision/recall, confusions and accuracy of the intent classifier on FILE")
    .action((file: string) => {
      let content: string;
      try {
        content = readFileSync(file, "utf8");
      } catch (err) {
        console.error(`nlu eval: cannot read ${file}: ${(err as Error).message}`);
        process.exitCode = 2;
        return;
      }
      for (const line of formatReport(evaluateJsonl(content))) console.log(line);
    });
}
