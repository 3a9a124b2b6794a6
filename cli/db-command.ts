// `aide-portail db migrate | seed | backup FILE | restore FILE`: the database's own commands (SPEC §8).
import type { Command } from "commander";
import { withCore, type CommandDeps } from "./command-deps";

export function registerDbCommands(program: Command, deps: CommandDeps): void {
  const { t } = deps;
  const db = program.command("db").description(t("cli:db.description"));

  db.command("migrate")
    .description(t("cli:db.migrate.description"))
    .action(() =>
      withCore(deps, async (b) => {
        console.log(
          b.applied.length
            ? t("cli:db.migrate.applied", { count: b.applied.length, names: b.applied.join(", ") })
            : t("cli:db.migrate.upToDate"),
        );
        return 0;
      }),
    );

  db.command("seed")
    .description(t("cli:db.seed.description"))
    .action(() =>
      withCore(deps, async ({ ctx }) => {
        const { seedDemo, formatSummary } = require("../core") as typeof import("../core");
        const res = await seedDemo(ctx);
        for (const line of formatSummary(res.import, t, 5)) console.log(line);
        console.log(t("cli:db.seed.accounts", { a: res.accounts, s: res.staff }));
        return res.import.ok ? 0 : 1;
      }),
    );

  db.command("backup")
    .argument("<file>", t("cli:db.backup.file"))
    .description(t("cli:db.backup.description"))
    .action(async (file: string) => {
      const done = await deps.backupDatabase(file);
      console.log(t("cli:db.backup.done", { file: done.file, format: done.format, size: (done.bytes / 1048576).toFixed(1) }));
      process.exitCode = 0;
    });

  db.command("restore")
    .argument("<file>", t("cli:db.restore.file"))
    .option("--force", t("cli:db.restore.force"))
    .description(t("cli:db.restore.description"))
    .action(async (file: string, opts: { force?: boolean }) => {
      const done = await deps.restoreDatabase(file, { force: opts.force === true });
      console.log(t("cli:db.restore.done", { file: done.file }));
      if (done.setAside) console.log(t("cli:db.restore.setAside", { dir: done.setAside }));
      process.exitCode = 0;
    });
}
