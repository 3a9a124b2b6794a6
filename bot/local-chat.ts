// A conversation with the bot that never leaves the machine (`aide-portail chat` / `ask`): activities built
// here, run through the runtime's auth-disabled adapter, replies rendered as plain text. `--as` signs the
// conversation in through the core's local sign-in — a path no HTTP route reaches.
import crypto from "node:crypto";
import type { Activity } from "botbuilder";
import { openLocalChatSession, type ChannelDeps, type Lang } from "../core";
import { createBotRuntime, type BotRuntime } from "./runtime";

export interface LocalChat {
  /** One message in, the bot's replies as plain text out. */
  say(text: string): Promise<string[]>;
}

export interface LocalChatOptions {
  asEmail?: string;
  lang?: Lang;
  runtime?: BotRuntime;
}

/** Plain text of a reply: its text, or a card's text blocks and facts (the terminal shows no cards). */
export function plainTextOf(a: Partial<Activity>): string {
  if (a.type !== "message") return "";
  const parts: string[] = [];
  if (a.text) parts.push(a.text);
  for (const att of a.attachments ?? []) {
    const body = (att.content as { body?: Record<string, unknown>[] } | undefined)?.body ?? [];
    for (const el of body) {
      if (el.type === "TextBlock") parts.push(String(el.text));
      if (el.type === "FactSet") for (const f of el.facts as { title: string; value: string }[]) parts.push(`- ${f.title} : ${f.value}`);
    }
  }
  const actions = a.suggestedActions?.actions ?? [];
  if (actions.length) parts.push(actions.map((x) => `  › ${x.title}`).join("\n"));
  return parts.join("\n");
}

export async function createLocalChat(deps: ChannelDeps, opts: LocalChatOptions = {}): Promise<LocalChat> {
  const runtime = opts.runtime ?? createBotRuntime(deps);
  const conversationId = `terminal-${crypto.randomUUID()}`;
  if (opts.asEmail) await openLocalChatSession(deps.ctx, { email: opts.asEmail, channelKey: `terminal:${conversationId}` });
  let n = 0;
  return {
    async say(text: string) {
      const activity: Partial<Activity> = {
        type: "message",
        id: `${conversationId}|${String(++n).padStart(7, "0")}`,
        channelId: "terminal",
        serviceUrl: "http://127.0.0.1/",
        conversation: { id: conversationId, isGroup: false, conversationType: "personal", name: "terminal" },
        from: { id: "terminal-user", name: "parent", role: "user" },
        recipient: { id: "aide-portail", name: "Aide-Portail", role: "bot" },
        text,
        locale: opts.lang === "en" ? "en-CA" : "fr-CA",
        timestamp: new Date(),
      };
      if (opts.lang) activity.channelData = { lang: opts.lang };
      const replies = await runtime.runLocalTurn(activity);
      return replies.map(plainTextOf).filter(Boolean);
    },
  };
}
