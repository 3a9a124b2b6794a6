/**
 * `aide-portail import oneroster DIR`: a SIS export, with progress on stderr, then the summary on stdout.
 * Exit code 1 when a file was rejected, 2 when the export cannot be read at all.
 */
import type { Command } from "commander";
import cliProgress from "cli-progress";
import type { ProgressEvent } from "../core";
import { withCore, type CommandDeps } from "./command-deps";

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

export function registerImportCommands(program: Command, deps: CommandDeps): void {
  const { t } = deps;
  const imp = program.command("import").description(t("cli:import.description"));
  imp
    .command("oneroster")
    .argument("<dir>", t("cli:import.oneroster.dir"))
    .description(t("cli:import.oneroster.description"))
    .action((dir: string) =>
      withCore(deps, async ({ ctx }) => {
        const { formatSummary, importOneRoster, isAppError } = require("../core") as typeof import("../core");
        const progress = progressReporter();
        try {
          const summary = await importOneRoster(ctx, { dir, onProgress: progress.onProgress, actor: "cli" });
          progress.stop();
          for (const line of formatSummary(summary, t)) console.log(line);
          return summary.ok ? 0 : 1;
        } catch (err) {
          progress.stop();
          if (!isAppError(err)) throw err;
          console.error(t("cli:import.oneroster.failed", { error: t(err.userKey, err.params) }));
          ctx.log.warn({ component: "import", code: err.code, err }, "import failed");
          return 2;
        }
      }),
    );
}
