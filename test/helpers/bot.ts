// Bot tests: a database with the demo seeded once per file (the families, children and schedules of the README,
// demo week of 2026-11-23), and DialogTestClients over the real root dialog whose turns are prepared exactly as
// the bot prepares them (turn-preparer.ts), each in a conversation of its own.
import crypto from "node:crypto";
import type { Activity, TurnContext } from "botbuilder";
import { ConversationState, MemoryStorage } from "botbuilder";
import type { DialogState } from "botbuilder-dialogs";
import { DialogTestClient } from "botbuilder-testing";
import { seedDemo } from "../../core/import";
import { openLocalChatSession } from "../../core/accounts";
import { settleAfterReply } from "../../core/util/after-reply";
import type { CoreContext } from "../../core/context";
import { createDialogs } from "../../bot/dialogs/create-dialogs";
import { coreCatalog } from "../../bot/answer-catalog";
import { TurnPreparer, type ConversationProfile } from "../../bot/turn-preparer";
import { plainTextOf } from "../../bot/local-chat";
import { createTestDatabase, type TestDatabase } from "./test-database";
import { testClock, testContext, type TestClock } from "./context";

export interface DemoBotEnv {
  db: TestDatabase;
  ctx: CoreContext & { clock: TestClock };
}

/** Monday of the demo week, noon in Toronto. */
export const DEMO_MONDAY = "2026-11-23T12:00:00-05:00";

export async function demoBotEnv(): Promise<DemoBotEnv> {
  const db = await createTestDatabase();
  const ctx = testContext(db, { clock: testClock(DEMO_MONDAY) });
  await seedDemo(ctx);
  return { db, ctx };
}

export interface BotTestClient {
  client: DialogTestClient;
  conversationId: string;
  channelKey: string;
  /** Sends a message (text or a whole activity) and returns every reply as plain text. */
  say(input: string | Partial<Activity>): Promise<string[]>;
  /** The raw reply activities of the last message. */
  last: Partial<Activity>[];
}

export function botClient(ctx: CoreContext, opts: { channelId?: string; from?: Partial<Activity["from"]> } = {}): BotTestClient {
  const channelId = opts.channelId ?? "webchat";
  const conversationId = `conv-${crypto.randomUUID()}`;
  const conversationState = new ConversationState(new MemoryStorage());
  const preparer = new TurnPreparer(
    ctx,
    conversationState.createProperty<ConversationProfile>("profile"),
    conversationState.createProperty<DialogState>("DialogState"),
  );
  const middleware = {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      context.activity.conversation = { ...context.activity.conversation, id: conversationId };
      if (opts.from) context.activity.from = { ...context.activity.from, ...opts.from } as Activity["from"];
      await preparer.prepare(context);
      await next();
    },
  };
  const client = new DialogTestClient(channelId, createDialogs(ctx, coreCatalog), undefined, [middleware], conversationState);
  const harness: BotTestClient = {
    client,
    conversationId,
    channelKey: `${channelId}:${conversationId}`,
    last: [],
    async say(input) {
      const first = await client.sendActivity(typeof input === "string" ? input : ({ type: "message", ...input } as Partial<Activity>));
      const replies: Partial<Activity>[] = [];
      for (let r = first; r; r = client.getNextReply()) replies.push(r);
      harness.last = replies;
      return replies.map(plainTextOf).filter(Boolean);
    },
  };
  return harness;
}

/** A client already signed in as that demo parent (what a verified code would do). */
export async function signedInClient(ctx: CoreContext, email: string, opts: { channelId?: string } = {}): Promise<BotTestClient> {
  const c = botClient(ctx, opts);
  await openLocalChatSession(ctx, { email, channelKey: c.channelKey });
  return c;
}

/** The 6-digit code of the last chat sign-in email sent to that address. */
export async function lastChatCode(ctx: CoreContext, email: string): Promise<string> {
  await settleAfterReply(ctx); // the core creates and queues the code after its reply
  const mail = await ctx.prisma.outboxMessage.findFirst({
    where: { toAddress: email, template: "accounts:email.chatCode" },
    orderBy: { createdAt: "desc" },
    select: { text: true },
  });
  return /\b(\d{6})\b/.exec(mail?.text ?? "")?.[1] ?? "";
}

/** The text of all replies, joined: what a parent reads after one message. */
export const joined = (replies: string[]) => replies.join("\n");
