// The `aide-portail` command line (SPEC §8): assembles the command groups of cli/ with what they need from
// the composition root, and turns a failure into the sentence a person reads plus a log line for the
// operator. Nothing heavy is loaded before a command runs: `--help` answers at once.
import { Command } from "commander";
import { isLang, translator } from "../core/i18n";
import type { CommandDeps } from "../cli/command-deps";
import { registerDbCommands } from "../cli/db-command";
import { registerDoctorCommand } from "../cli/doctor-command";
import { registerImportCommands } from "../cli/import-command";
import { registerMailCommands } from "../cli/mail-command";
import { registerNluCommands } from "../cli/nlu-command";
import { registerStartCommand } from "../cli/start-command";
import { registerChatCommands } from "../cli/chat-command";
import { registerStaffCommands } from "../cli/staff-command";

const t = translator(isLang(process.env.AIDE_PORTAIL_LANG) ? process.env.AIDE_PORTAIL_LANG : "fr");

function commandDeps(): CommandDeps {
  return {
    t,
    boot: async (opts) => {
      const { boot } = require("./boot") as typeof import("./boot");
      const booted = await boot({ migrate: opts?.migrate, logToStderr: true });
      if (opts?.seedOnFirstRun) {
        try {
          await (require("./start") as typeof import("./start")).seedOnFirstRun(booted);
        } catch (err) {
          await booted.close();
          throw err;
        }
      }
      return booted;
    },
    deliverMail: async (ctx) => {
      const { deliverOutboxOnce, fileTransport, smtpTransport } = require("../mail-agent") as typeof import("../mail-agent");
      const transport = ctx.config.SMTP_URL ? smtpTransport(ctx.config.SMTP_URL) : fileTransport(ctx.config.outboxDir);
      await deliverOutboxOnce(ctx, transport);
    },
    startSystem: async (opts) => {
      // A long-running server: V8 grows its heap less eagerly and gives memory back sooner (bench/start-bench.ts:
      // idle RSS and the first chat answer). One-shot commands keep the default: the import spent 60 % more CPU.
      require("node:v8").setFlagsFromString("--optimize-for-size");
      return (require("./start") as typeof import("./start")).startSystem({ role: opts?.role });
    },
    runDoctor: async () => (require("./doctor") as typeof import("./doctor")).runDoctor(process.env, t),
    backupDatabase: async (file) => {
      const { boot } = require("./boot") as typeof import("./boot");
      const { backupDatabase } = require("../core/system") as typeof import("../core/system");
      const b = await boot({ migrate: false, logToStderr: true });
      try {
        return await backupDatabase(b.db, file, b.config.DATABASE_URL);
      } finally {
        await b.close();
      }
    },
    restoreDatabase: async (file, opts) => {
      const { loadConfig } = require("../core") as typeof import("../core");
      const { restoreDatabase } = require("../core/system") as typeof import("../core/system");
      const config = loadConfig(process.env);
      return restoreDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: config.pgliteDir }, file, opts);
    },
  };
}

export function buildProgram(deps: CommandDeps = commandDeps()): Command {
  const program = new Command("aide-portail").description(t("cli:description")).showHelpAfterError();
  registerStartCommand(program, deps);
  registerDbCommands(program, deps);
  registerImportCommands(program, deps);
  registerNluCommands(program, deps);
  registerMailCommands(program, deps);
  registerStaffCommands(program, deps);
  registerDoctorCommand(program, deps);
  registerChatCommands(program, deps);
  return program;
}

/** The person reads the template's sentence; the operator's detail (err.message, the cause) goes to the log on stderr. */
async function reportFailure(err: unknown): Promise<void> {
  const { AppError, ConfigError, createLogger } = require("../core") as typeof import("../core");
  if (err instanceof ConfigError) {
    console.error(
      t("cli:errors.config", {
        problems: err
          .problemsIn(t)
          .map((p) => `  - ${p}`)
          .join("\n"),
      }),
    );
    return;
  }
  const pino = (require("pino") as typeof import("pino")).default;
  const log = createLogger({ level: "error", destination: pino.destination(2) });
  if (err instanceof AppError) {
    console.error(t(err.userKey, err.params));
    log.error({ component: "cli", code: err.code, err }, "command failed");
    return;
  }
  console.error(t("errors:generic"));
  log.error({ component: "cli", err }, "command failed");
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    await reportFailure(err);
    process.exitCode = 1;
  }
}
