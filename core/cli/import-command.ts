/**
 * `aide-portail import oneroster DIR` (a SIS export: progress on stderr, then the summary; exit code 1 when a
 * file was rejected) and `aide-portail db seed` (the demo export of prisma/demo and its demo accounts).
 * Registered by bin/main.ts with registerImportCommands(program, boot, t).
 */
import type { Command } from "commander";
import type { TFunction } from "i18next";
import cliProgress from "cli-progress";
import type { CoreContext } from "../context";
import { isAppError } from "../errors";
import { formatSummary, importOneRoster, seedDemo, type ProgressEvent } from "../import";

type Boot = () => Promise<{ ctx: CoreContext; close(): Promise<void> }>;

/** A bar per file on a terminal; plain lines (one per file and every ~10 %) when stderr is a pipe or a log. */
function progressReporter(): { onProgress: (e: ProgressEvent) => void; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: "{file} [{bar}] {percentage}% | {doneMb}/{totalMb} MB", stream: process.stderr, hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    let current = "";
    const mb = (n: number) => (n / 1048576).toFixed(1);
    return {
      onProgress(e) {
        if (e.file !== current) {
          if (current) bar.stop();
          current = e.file;
          bar.start(Math.max(e.total, 1), 0, { file: e.file.padEnd(24), doneMb: mb(0), totalMb: mb(e.total) });
        }
        bar.update(Math.min(e.done, e.total), { doneMb: mb(e.done), totalMb: mb(e.total) });
      },
      stop: () => current && bar.stop(),
    };
  }
  const last = new Map<string, number>();
  return {
    onProgress(e) {
      const pct = e.total ? Math.floor((100 * e.done) / e.total) : 100;
      const prev = last.get(e.file);
      if (prev === undefined || pct - prev >= 10 || (pct === 100 && prev !== 100)) {
        last.set(e.file, pct);
        process.stderr.write(`import: ${e.file} ${pct}%\n`);
      }
    },
    stop: () => undefined,
  };
}

export function registerImportCommands(program: Command, boot: Boot, t: TFunction): void {
  const imp = program.commands.find((c) => c.name() === "import") ?? program.command("import").description(t("cli:import.description"));
  imp
    .command("oneroster")
    .argument("<dir>", t("cli:import.oneroster.dir"))
    .description(t("cli:import.oneroster.description"))
    .action(async (dir: string) => {
      const { ctx, close } = await boot();
      const progress = progressReporter();
      try {
        const summary = await importOneRoster(ctx, { dir, onProgress: progress.onProgress, actor: "cli" });
        progress.stop();
        for (const line of formatSummary(summary, t)) console.log(line);
        process.exitCode = summary.ok ? 0 : 1;
      } catch (err) {
        progress.stop();
        if (!isAppError(err)) throw err;
        console.error(t("cli:import.oneroster.failed", { error: err.message }));
        process.exitCode = 2;
      } finally {
        await close();
      }
    });

  const db = program.commands.find((c) => c.name() === "db") ?? program.command("db").description(t("cli:db.description"));
  db.command("seed")
    .description(t("cli:db.seed.description"))
    .action(async () => {
      const { ctx, close } = await boot();
      try {
        const res = await seedDemo(ctx);
        for (const line of formatSummary(res.import, t, 5)) console.log(line);
        console.log(t("cli:db.seed.accounts", { a: res.accounts, s: res.staff }));
        process.exitCode = res.import.ok ? 0 : 1;
      } finally {
        await close();
      }
    });
}
