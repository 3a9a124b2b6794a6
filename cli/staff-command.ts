// `aide-portail staff add --email E --role secretary|agent|admin [--school CODE]` (SPEC §8): creates a staff
// account for the triage console and prints its one-time set-password link (the only time it is shown).
import type { Command } from "commander";
import { withCore, type CommandDeps } from "./command-deps";

export function registerStaffCommands(program: Command, deps: CommandDeps): void {
  const { t } = deps;
  const staff = program.command("staff").description(t("cli:staff.description"));
  staff
    .command("add")
    .description(t("cli:staff.add.description"))
    .requiredOption("--email <email>", t("cli:staff.add.email"))
    .requiredOption("--role <role>", t("cli:staff.add.role"))
    .option("--school <code...>", t("cli:staff.add.school"))
    .option("--name <name>", t("cli:staff.add.name"))
    .action((opts: { email: string; role: string; school?: string[]; name?: string }) =>
      withCore(deps, async ({ ctx }) => {
        const { createStaff } = require("../core") as typeof import("../core");
        const s = await createStaff(ctx, { email: opts.email, role: opts.role, schoolCodes: opts.school ?? [], name: opts.name ?? null });
        const schools = s.schools.length ? ` — ${s.schools.map((x) => x.name).join(", ")}` : "";
        console.log(t("triage:cli.added", { email: s.email, role: t(`triage:role.${s.role}`), schools }));
        console.log(t("triage:cli.link", { until: s.expiresAt.toISOString().slice(0, 16).replace("T", " ") }));
        console.log(s.setPasswordUrl);
        return 0;
      }),
    );
}
