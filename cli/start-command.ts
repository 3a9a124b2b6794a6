// `aide-portail start`: the whole system in one process, until SIGINT or SIGTERM. Roles split it for a
// deployment of several instances on one PostgreSQL (deploy/): `--no-mail` serves the HTTP channels and
// drains the outbox but reads no mailbox; `--mail-only` reads the mailbox and drains the outbox, serving
// only /healthz, /readyz and /metrics.
import type { Command } from "commander";
import type { CommandDeps, StartRole } from "./command-deps";

export function registerStartCommand(program: Command, deps: CommandDeps): void {
  const { t } = deps;
  program
    .command("start")
    .description(t("cli:start.description"))
    .option("--no-mail", t("cli:start.noMail"))
    .option("--mail-only", t("cli:start.mailOnly"))
    .action(async (opts: { mail: boolean; mailOnly?: boolean }) => {
      if (opts.mailOnly && !opts.mail) {
        console.error(t("cli:start.rolesConflict"));
        process.exitCode = 1;
        return;
      }
      const role: StartRole = opts.mailOnly ? "mail" : opts.mail ? "all" : "web";
      const system = await deps.startSystem({ role });
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
