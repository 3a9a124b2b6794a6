// Builds the bot once, in the samples' order — config → Bot Framework authentication → CloudAdapter →
// storage → conversation and user state → dialogs → bot — for every way a message arrives: POST /api/messages
// (Azure Bot Service, Teams), the terminal commands, and later the self-hosted Direct Line endpoint (issue 10),
// which hands activities to `local` the same way the terminal does.
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  UserState,
  type Activity,
  type Storage,
  type TurnContext,
} from "botbuilder";
import { translator, isAppError, isLang, type ChannelDeps, type Lang } from "../core";
import { coreCatalog, type AnswerCatalog } from "./answer-catalog";
import { CoreStorage } from "./core-storage";
import { AidePortailBot, turnContext } from "./aide-portail-bot";
import { createDialogs } from "./dialogs/create-dialogs";
import { NoticeSender } from "./proactive/notice-sender";

export interface BotRuntimeOptions {
  /** Tests: MemoryStorage; production: the database (CoreStorage). */
  storage?: Storage;
  catalog?: AnswerCatalog;
  /** How often proactive notices are collected and sent (default 60 s); 0: never on a timer (tests call runOnce). */
  noticeIntervalMs?: number;
}

/** A CloudAdapter with auth disabled that runs a turn in process and returns its replies (deliveryMode expectReplies). */
export class LocalAdapter extends CloudAdapter {
  async runTurn(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    const full = { ...activity, deliveryMode: "expectReplies" } as Activity;
    const res = await this.processActivity("", full, logic);
    return ((res?.body as { activities?: Partial<Activity>[] } | undefined)?.activities ?? []) as Partial<Activity>[];
  }
}

export interface BotRuntime {
  /** The adapter of POST /api/messages, authenticated when MicrosoftAppId is set. */
  adapter: CloudAdapter;
  /** An auth-disabled adapter for turns that never leave the machine (terminal, Direct Line endpoint). */
  local: LocalAdapter;
  bot: AidePortailBot;
  conversationState: ConversationState;
  /** Proactive notices (started by registerBotRoutes). */
  notices: NoticeSender;
  /** Runs one message through the bot in process, serialised per conversation. */
  runLocalTurn(activity: Partial<Activity>): Promise<Partial<Activity>[]>;
}

export function createBotRuntime(deps: ChannelDeps, opts: BotRuntimeOptions = {}): BotRuntime {
  const { ctx } = deps;
  // config → authentication: the Microsoft* settings come validated from the core's config, never process.env.
  const c = ctx.config;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: c.MicrosoftAppId ?? "",
    MicrosoftAppPassword: c.MicrosoftAppPassword ?? "",
    MicrosoftAppType: c.MicrosoftAppType ?? (c.MicrosoftAppId ? "MultiTenant" : ""),
    MicrosoftAppTenantId: c.MicrosoftAppTenantId ?? "",
  });
  const adapter = new CloudAdapter(auth);
  const local = new LocalAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const storage = opts.storage ?? new CoreStorage(ctx);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const root = createDialogs(ctx, opts.catalog ?? coreCatalog);
  const bot = new AidePortailBot(ctx, conversationState, userState, root, (t) => deps.metrics.recordTurn(t));

  const onTurnError = async (context: TurnContext, error: Error) => {
    const log = turnContext(ctx, context).log.child({ component: "bot" });
    const activityId = context.activity?.id;
    const lang: Lang = isLang(context.activity?.locale?.slice(0, 2)) ? (context.activity.locale!.slice(0, 2) as Lang) : "fr";
    const t = translator(lang);
    if (isAppError(error, "state.etag_conflict")) {
      // Two messages of one conversation at once on two instances: the other turn's state is kept.
      log.warn({ activityId, err: error }, "conversation state written by a concurrent turn");
      await context.sendActivity(String(t(error.userKey)));
      return;
    }
    log.error({ activityId, channelId: context.activity?.channelId, err: error }, "turn failed");
    await context.sendActivity(String(t("bot:errors.turn")));
    // A broken dialog stack must never trap a parent: forget this conversation's state.
    try {
      await conversationState.delete(context);
    } catch (err) {
      log.error({ activityId, err }, "could not clear the conversation state");
    }
  };
  adapter.onTurnError = onTurnError;
  local.onTurnError = onTurnError;

  // One turn at a time per conversation in this process; across instances the etags decide.
  const queues = new Map<string, Promise<unknown>>();
  const runLocalTurn = (activity: Partial<Activity>) => {
    const key = `${activity.channelId}:${activity.conversation?.id}`;
    const prev = queues.get(key) ?? Promise.resolve();
    const run = prev.catch(() => undefined).then(() => local.runTurn(activity, (context) => bot.run(context)));
    queues.set(key, run);
    void run.finally(() => queues.get(key) === run && queues.delete(key)).catch(() => undefined);
    return run;
  };
  const notices = new NoticeSender(ctx, adapter, c.MicrosoftAppId ?? "", local);
  return { adapter, local, bot, conversationState, notices, runLocalTurn };
}

export { MemoryStorage };
