/**
 * `aide-portail mail inspect FILE.eml | ingest DIR | replay ID` (SPEC §8): the mail agent's pipeline on
 * demand. inspect writes nothing and prints one JSON object; ingest takes every .eml of a folder as if it had
 * arrived; replay runs a quarantined email again. Exit code 2 when the file or folder cannot be read.
 */
import fs from "node:fs";
import type { Command } from "commander";
import { withCore, type CommandDeps } from "./command-deps";

type MailAgent = typeof import("../mail-agent");
const mailAgent = () => require("../mail-agent") as MailAgent;

export function registerMailCommands(program: Command, deps: CommandDeps): void {
  const { t } = deps;
  const mail = program.command("mail").description(t("cli:mail.description"));
  mail
    .command("inspect")
    .argument("<file>", t("cli:mail.inspect.file"))
    .description(t("cli:mail.inspect.description"))
    .action(async (file: string) => {
      let raw: Buffer;
      try {
        raw = fs.readFileSync(file);
      } catch (err) {
        console.error(t("mail:inspect.unreadable", { file, error: (err as Error).message }));
        process.exitCode = 2;
        return;
      }
      await withCore(deps, async ({ ctx }) => {
        console.log(JSON.stringify(await mailAgent().inspectEmail(ctx, raw)));
        return 0;
      });
    });
  mail
    .command("ingest")
    .argument("<dir>", t("cli:mail.ingest.dir"))
    .description(t("cli:mail.ingest.description"))
    .action(async (dir: string) => {
      try {
        if (!fs.statSync(dir).isDirectory()) throw new Error("not a directory");
      } catch (err) {
        console.error(t("mail:ingest.unreadable", { dir, error: (err as Error).message }));
        process.exitCode = 2;
        return;
      }
      await withCore(deps, async ({ ctx }) => {
        const s = await mailAgent().ingestDirectory(ctx, dir);
        console.log(t("mail:ingest.summary", { ...s }));
        return 0;
      });
    });
  mail
    .command("replay")
    .argument("<id>", t("cli:mail.replay.id"))
    .description(t("cli:mail.replay.description"))
    .action(async (id: string) => {
      await withCore(deps, async ({ ctx }) => {
        const r = await mailAgent().replayQuarantinedEmail(ctx, id);
        if (r.action === "duplicate" && r.reason === "already_resolved") {
          console.error(t("mail:error.alreadyResolved", { id }));
          return 1;
        }
        console.log(t("mail:replay.done", { id, action: r.action, reason: r.reason ?? "—" }));
        return r.action === "quarantine" ? 1 : 0;
      });
    });
}
