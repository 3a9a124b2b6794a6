/**
 * `aide-portail chat [--as EMAIL]` (interactive, readline) and `aide-portail ask [--as EMAIL] [--lang fr|en] TEXT`
 * (one turn, plain text on stdout, exit 0): the bot in the terminal (SPEC §8). `--as` signs the conversation in
 * as that parent without a code — local use only: it exists on this command line and nowhere over HTTP.
 * Emails the conversation causes (a temporary password, a code) are delivered after each turn.
 */
import readline from "node:readline";
import type { Command } from "commander";
import { withCore, type CommandDeps } from "./command-deps";

interface ChatOptions {
  as?: string;
  lang?: string;
}

async function openChat(deps: CommandDeps, ctx: import("../core").CoreContext, opts: ChatOptions) {
  const { createLocalChat } = require("../bot") as typeof import("../bot");
  const { createMetrics } = require("../core") as typeof import("../core");
  const lang = opts.lang === "en" || opts.lang === "fr" ? opts.lang : undefined;
  return createLocalChat({ ctx, metrics: createMetrics(ctx) }, { asEmail: opts.as, lang });
}

export function registerChatCommands(program: Command, deps: CommandDeps): void {
  const { t } = deps;
  program
    .command("ask")
    .description(t("cli:chat.ask.description"))
    .option("--as <email>", t("cli:chat.as"))
    .option("--lang <lang>", t("cli:chat.lang"))
    .argument("<text...>", t("cli:chat.ask.text"))
    .action((words: string[], opts: ChatOptions) =>
      withCore(
        deps,
        async ({ ctx }) => {
          if (opts.lang && opts.lang !== "fr" && opts.lang !== "en") {
            console.error(t("cli:chat.badLang", { lang: opts.lang }));
            return 2;
          }
          const chat = await openChat(deps, ctx, opts);
          for (const reply of await chat.say(words.join(" "))) console.log(reply);
          await deps.deliverMail?.(ctx);
          return 0;
        },
        { seedOnFirstRun: true },
      ),
    );

  program
    .command("chat")
    .description(t("cli:chat.chat.description"))
    .option("--as <email>", t("cli:chat.as"))
    .option("--lang <lang>", t("cli:chat.lang"))
    .action((opts: ChatOptions) =>
      withCore(
        deps,
        async ({ ctx }) => {
          const chat = await openChat(deps, ctx, opts);
          console.log(t("cli:chat.chat.intro"));
          const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: "> " });
          rl.prompt();
          for await (const line of rl) {
            if (line.trim() === "/quit" || line.trim() === "/exit") break;
            for (const reply of await chat.say(line)) console.log(reply);
            await deps.deliverMail?.(ctx);
            rl.prompt();
          }
          rl.close();
          return 0;
        },
        { seedOnFirstRun: true },
      ),
    );
}
