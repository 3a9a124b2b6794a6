// `aide-portail doctor`: every check, one line each, then a summary; exit code 1 when one failed.
import type { Command } from "commander";
import type { CommandDeps } from "./command-deps";

export function registerDoctorCommand(program: Command, deps: CommandDeps): void {
  const { t } = deps;
  program
    .command("doctor")
    .description(t("cli:doctor.description"))
    .action(async () => {
      const lines = await deps.runDoctor();
      for (const l of lines) console.log(`${l.ok ? "✔" : "✘"} ${l.check.padEnd(9)} ${l.detail}`);
      const bad = lines.filter((l) => !l.ok).length;
      console.log(bad ? t("cli:doctor.summaryBad", { count: bad }) : t("cli:doctor.summaryOk"));
      process.exitCode = bad ? 1 : 0;
    });
}
