// Hands Direct Line activities to the bot (recipe design 1): `processActivityDirect` on an auth-disabled
// CloudAdapter, so the bot's code is the same as on Azure or Teams; the bot's replies come back over HTTP to
// this instance's Connector routes (loopback, secret path: connector-routes.ts). Turns of one conversation run
// one at a time, in arrival order.
import crypto from "node:crypto";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from "botbuilder";
import type { Logger } from "../../core";

/** The bot as the Direct Line endpoint sees it: the seam with bot/ (issue 9). */
export interface DirectLineBot {
  /** An auth-disabled CloudAdapter (its onTurnError set by the bot); one is made when absent. */
  adapter?: CloudAdapter;
  /** The bot's turn: `(context) => bot.run(context)`. */
  logic: (context: TurnContext) => Promise<void>;
}

/** Who the user talks to: the recipient of every activity sent to the bot. */
export const BOT_ACCOUNT = { id: "aide-portail", name: "Aide-Portail", role: "bot" } as const;

export class BotBridge {
  private readonly adapter: CloudAdapter;
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly bot: DirectLineBot,
    /** Where the bot sends its replies: `http://127.0.0.1:PORT/_connector/<secret>`, known once the server listens. */
    private readonly serviceUrl: () => string,
    private readonly log: Logger,
  ) {
    this.adapter = bot.adapter ?? new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  }

  /** Runs the bot on a user's activity (already stored, with its id); resolves when the turn is over. */
  deliver(activity: Partial<Activity>): Promise<void> {
    return this.enqueue(activity.conversation!.id, { ...activity, recipient: { ...BOT_ACCOUNT }, serviceUrl: this.serviceUrl() });
  }

  /** The conversationUpdate Web Chat never sends: the bot and the user join, so the welcome message comes. */
  welcome(opts: { conversationId: string; userId: string; locale: string | null }): Promise<void> {
    return this.enqueue(opts.conversationId, {
      type: "conversationUpdate",
      id: crypto.randomUUID(),
      timestamp: new Date(),
      channelId: "directline",
      conversation: { id: opts.conversationId } as Activity["conversation"],
      from: { id: opts.userId, role: "user" } as Activity["from"],
      recipient: { ...BOT_ACCOUNT },
      membersAdded: [{ ...BOT_ACCOUNT }, { id: opts.userId, name: "", role: "user" }] as Activity["membersAdded"],
      locale: opts.locale ?? undefined,
      serviceUrl: this.serviceUrl(),
    });
  }

  /** Waits for every running turn (shutdown). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.queues.values()]);
  }

  private enqueue(conversationId: string, activity: Partial<Activity>): Promise<void> {
    const prev = this.queues.get(conversationId) ?? Promise.resolve();
    const run = prev.then(() => this.runTurn(activity));
    this.queues.set(conversationId, run);
    void run.finally(() => this.queues.get(conversationId) === run && this.queues.delete(conversationId));
    return run;
  }

  private async runTurn(activity: Partial<Activity>): Promise<void> {
    try {
      await this.adapter.processActivityDirect("", activity as Activity, this.bot.logic);
    } catch (err) {
      // The adapter's onTurnError has already answered the user when it could; nothing else to do here.
      this.log.error({ err, activityId: activity.id, type: activity.type }, "bot turn failed");
    }
  }
}
