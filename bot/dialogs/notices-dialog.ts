// Proactive notices from the chat: « avertis-moi si Léa est absente » (signed in) stores where to say it — this
// conversation's reference — for the child named, or every child; « arrête les avis » stops them in one message.
// When the parent did not say what about, a choice of the three kinds. The notices themselves are sent by
// proactive/notice-sender.ts.
import { TurnContext } from "botbuilder";
import { WaterfallDialog, type WaterfallStepContext } from "botbuilder-dialogs";
import {
  isAppError,
  isNoticeKind,
  listChildren,
  NOTICE_KINDS,
  subscribeNotices,
  unsubscribeNotices,
  type ChildSummary,
  type CoreContext,
  type NoticeKind,
} from "../../core";
import { InterruptibleDialog } from "./interruptible-dialog";
import { signInFirstStep } from "./sign-in-dialog";
import { childMention } from "../records/child-mention";
import type { NoticeRequest } from "../proactive/notice-request";
import { sendReply } from "../replies";
import { tr, turnInfo } from "../turn-info";

export const NOTICES_DIALOG = "noticesDialog";
const STEPS = "noticesSteps";

export interface NoticesOptions extends NoticeRequest {
  text: string;
}

export class NoticesDialog extends InterruptibleDialog {
  constructor(ctx: CoreContext) {
    super(NOTICES_DIALOG, ctx);
    this.addDialog(new WaterfallDialog(STEPS, [signInFirstStep, this.applyStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async applyStep(step: WaterfallStepContext) {
    const accountId = step.result as string | null;
    if (!accountId) return step.endDialog();
    const o = step.options as NoticesOptions;
    const t = tr(step.context);
    if (o.action === "unsubscribe") {
      const { stopped } = await unsubscribeNotices(this.ctx, { accountId, kinds: o.kinds });
      await sendReply(step.context, t(stopped > 0 ? "bot:notices.stopped" : "bot:notices.noneToStop"));
      return step.endDialog();
    }
    const kinds = o.kinds.filter(isNoticeKind);
    if (kinds.length === 0) {
      // Not said what about: the three kinds as buttons, each a whole request of its own.
      await sendReply(
        step.context,
        t("bot:notices.whichKind"),
        NOTICE_KINDS.map((k) => ({ title: t(`bot:notices.kindButtons.${k}`), value: { ap: "notice", kind: k } })),
      );
      return step.endDialog();
    }
    const children = await listChildren(this.ctx, { accountId });
    const mention = childMention(o.text, children);
    if (mention.kind === "unknownName") {
      await sendReply(step.context, t("bot:records.unknownChild"));
      return step.endDialog();
    }
    const child: ChildSummary | undefined = mention.kind === "child" ? mention.child : undefined;
    const info = turnInfo(step.context);
    try {
      await subscribeNotices(this.ctx, {
        accountId,
        kinds,
        childId: child?.id,
        channelKey: info.channelKey,
        conversationRef: { ...TurnContext.getConversationReference(step.context.activity) },
        lang: info.lang,
      });
    } catch (err) {
      if (!isAppError(err)) throw err;
      await sendReply(step.context, t(err.userKey, err.params));
      return step.endDialog();
    }
    const name = child ? (child.preferredName ?? child.givenName) : undefined;
    const what = kinds
      .map((k: NoticeKind) =>
        k === "ticket_reply" ? t("bot:notices.ticket_reply") : t(`bot:notices.${k}${name ? "" : "All"}`, { child: name }),
      )
      .join(t("bot:notices.and"));
    await sendReply(step.context, t("bot:notices.subscribed", { what }));
    return step.endDialog();
  }
}
