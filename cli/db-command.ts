// `aide-portail db migrate | seed`: the database's own commands (SPEC §8).
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
}
