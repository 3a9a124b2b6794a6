// `aide-portail start`: the whole system in one process, until SIGINT or SIGTERM.
import type { Command } from "commander";
import type { CommandDeps } from "./command-deps";

export function registerStartCommand(program: Command, deps: CommandDeps): void {
  const { t } = deps;
  program
    .command("start")
    .description(t("cli:start.description"))
    .action(async () => {
      const system = await deps.startSystem();
      console.log(t("cli:start.listening", { url: system.url }));
      const shutdown = () => {
        system.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
    });
}
