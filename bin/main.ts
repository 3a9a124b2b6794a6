// The `aide-portail` command line (SPEC §8). Each command group lives in its own module; this file only
// assembles them and turns failures into a clear message and an exit code.
import { Command } from "commander";
import { AppError, ConfigError, translator, isLang } from "../core";
import { registerImportCommands } from "../core/cli/import-command";
import { registerNluCommands } from "../core/cli/nlu-command";
import { boot } from "./boot";

const t = translator(isLang(process.env.AIDE_PORTAIL_LANG) ? process.env.AIDE_PORTAIL_LANG : "fr");

function bootForCommand() {
  return boot({ logToStderr: true }).then((b) => ({ ctx: b.ctx, close: b.close }));
}

export function buildProgram(): Command {
  const program = new Command("aide-portail").description(t("cli:description")).showHelpAfterError();

  program
    .command("start")
    .description(t("cli:start.description"))
    .action(async () => {
      // required here, not imported at the top: the HTTP stack loads only for the commands that serve
      const { startSystem } = require("./start") as typeof import("./start");
      const system = await startSystem();
      console.log(t("cli:start.listening", { url: system.url }));
      const shutdown = () => {
        system.stop().then(() => process.exit(0), () => process.exit(1));
      };
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
    });

  const db = program.command("db").description(t("cli:db.description"));
  db.command("migrate")
    .description(t("cli:db.migrate.description"))
    .action(async () => {
      const b = await boot({ migrate: true, logToStderr: true });
      try {
        console.log(
          b.applied.length
            ? t("cli:db.migrate.applied", { count: b.applied.length, names: b.applied.join(", ") })
            : t("cli:db.migrate.upToDate"),
        );
      } finally {
        await b.close();
      }
    });

  program
    .command("doctor")
    .description(t("cli:doctor.description"))
    .action(async () => {
      const { runDoctor } = require("./doctor") as typeof import("./doctor");
      const lines = await runDoctor(process.env, t);
      for (const l of lines) console.log(`${l.ok ? "✔" : "✘"} ${l.check.padEnd(9)} ${l.detail}`);
      const bad = lines.filter((l) => !l.ok).length;
      console.log(bad ? t("cli:doctor.summaryBad", { count: bad }) : t("cli:doctor.summaryOk"));
      if (bad) process.exitCode = 1;
    });

  registerImportCommands(program, bootForCommand, t);
  registerNluCommands(program, t);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(t("cli:errors.config", { problems: err.problems.map((p) => `  - ${p}`).join("\n") }));
    } else if (err instanceof AppError) {
      console.error(`${t(err.userKey, err.params)}\n${err.message}`);
    } else {
      throw err;
    }
    process.exitCode = 1;
  }
}
