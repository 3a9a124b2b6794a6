// Sends the proactive notices: every interval, today's events are collected into notices (core), a batch is
// claimed — by this instance alone, however many run — and each is said in the conversation it was asked from
// (adapter.continueConversationAsync with the stored reference; the app id may be empty for local use). When
// that conversation is gone (the channel refuses, or it was the terminal) the core emails it instead.
import type { CloudAdapter, ConversationReference } from "botbuilder";
import { claimNotices, collectNotices, completeNotice, translator, type ClaimedNotice, type CoreContext } from "../../core";

/** Channels whose conversations end with the process: a notice for them goes by email. */
const NO_LATER_CONVERSATION = new Set(["terminal", "email"]);

export interface NoticeRun {
  chat: number;
  email: number;
}

export class NoticeSender {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<NoticeRun> | undefined;
  private readonly log;

  constructor(
    private readonly ctx: CoreContext,
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    /** The auth-disabled adapter of our own Direct Line (Web Chat), whose Connector routes are on loopback. */
    private readonly local: CloudAdapter = adapter,
  ) {
    this.log = ctx.log.child({ component: "bot-notices" });
  }

  /** One pass: collect, claim, deliver. A pass already under way in this process is joined, not doubled. */
  runOnce(): Promise<NoticeRun> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      this.runOnce().catch((err: unknown) => this.log.error({ err }, "notice pass failed"));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  private async pass(): Promise<NoticeRun> {
    await collectNotices(this.ctx);
    const run: NoticeRun = { chat: 0, email: 0 };
    for (;;) {
      const batch = await claimNotices(this.ctx, { limit: 50 });
      if (batch.length === 0) return run;
      for (const n of batch) {
        const delivered = await this.say(n);
        const { via } = await completeNotice(this.ctx, { noticeId: n.id, delivered });
        if (via === "chat") run.chat++;
        if (via === "email") run.email++;
      }
    }
  }

  /** true when the channel took the message. */
  private async say(n: ClaimedNotice): Promise<boolean> {
    const ref = n.conversationRef as Partial<ConversationReference>;
    if (!ref.serviceUrl || !ref.conversation?.id || NO_LATER_CONVERSATION.has(String(ref.channelId))) return false;
    const text = String(translator(n.lang)(n.template, n.params));
    try {
      // Our own Direct Line answers on loopback, unsigned; Azure Bot Service and Teams need the app's identity.
      const loopback = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(ref.serviceUrl);
      const [adapter, appId] = loopback ? [this.local, ""] : [this.adapter, this.appId];
      await adapter.continueConversationAsync(appId, ref, async (context) => {
        await context.sendActivity({ type: "message", text, locale: n.lang === "fr" ? "fr-CA" : "en-CA" });
      });
      return true;
    } catch (err) {
      // A conversation the channel no longer knows (404, 403), or a channel that is down: email instead.
      this.log.warn({ err, noticeId: n.id, channelId: ref.channelId }, "notice not delivered in the chat; it goes by email");
      return false;
    }
  }
}
