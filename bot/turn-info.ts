// What every dialog needs to know about the current message, worked out once per turn by the bot
// (aide-portail-bot.ts) and kept in turnState: the reply language, the conversation's key, who is signed in,
// the message's text (mentions removed) and any card payload.
import { AsyncLocalStorage } from "node:async_hooks";
import type { TurnContext } from "botbuilder";
import { translator, type Classification, type CoreContext, type Lang } from "../core";

export interface TurnInfo {
  lang: Lang;
  /** The conversation's key in the core (sessions, codes): `channelId:conversationId`. */
  channelKey: string;
  /** null when nobody is signed in (or the session has expired since the last message). */
  accountId: string | null;
  text: string;
  /** An Adaptive Card submit or postBack payload, when the message carries one. */
  value: Record<string, unknown> | null;
  classification: Classification;
  /** Teams identity (aadObjectId or id) when the channel is msteams. */
  teamsUserKey: string | null;
  /** Plain text only (terminal, email): no cards, no buttons. */
  plainText: boolean;
  /** The parent's side of the conversation so far (masked where it must be), for a handoff ticket. */
  transcript?: string[];
  /** Files attached to the message (cards excluded): the bot cannot read them. */
  files: number;
  /** The message only asked for another language (« in English please »). */
  switchedTo?: Lang;
}

const KEY = Symbol("aide-portail.turn");

export function setTurnInfo(context: TurnContext, info: TurnInfo): void {
  context.turnState.set(KEY, info);
}

export function turnInfo(context: TurnContext): TurnInfo {
  const info = context.turnState.get(KEY) as TurnInfo | undefined;
  if (!info) throw new Error("turn info missing: the bot sets it before running dialogs");
  return info;
}

/** t() in the turn's language. */
export function tr(context: TurnContext): (key: string, params?: Record<string, unknown>) => string {
  const t = translator(turnInfo(context).lang);
  return (key, params) => String(t(key, params as never));
}

export function channelKeyOf(context: TurnContext): string {
  return `${context.activity.channelId}:${context.activity.conversation?.id ?? "none"}`;
}

/** The core context of the turn being run (its logger carries the conversation's correlation id). */
const turnScope = new AsyncLocalStorage<CoreContext>();

/** Runs one turn with `ctx` as its core context: the dialogs' use cases log under its correlation id. */
export function runInTurnScope<T>(ctx: CoreContext, fn: () => Promise<T>): Promise<T> {
  return turnScope.run(ctx, fn);
}

/** The running turn's core context, or `base` outside a turn (dialogs are built once, with the process's). */
export function turnCoreContext(base: CoreContext): CoreContext {
  return turnScope.getStore() ?? base;
}
