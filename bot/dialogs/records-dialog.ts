// The records a signed-in parent asks about (SPEC §5): schedule, attendance, report cards, credits, enrolment,
// documents, details on file, email notifications — for the child the message names, or a choice when the
// parent has several. Signs the parent in first when needed; a session that expired mid-dialog starts over.
import { ListStyle, WaterfallDialog, ChoicePrompt, type FoundChoice, type WaterfallStepContext } from "botbuilder-dialogs";
import {
  isAppError,
  listChildren,
  resolveDates,
  setNotificationSubscription,
  torontoDay,
  type ChildSummary,
  type CoreContext,
  type NotificationTopic,
} from "../../core";
import { InterruptibleDialog } from "./interruptible-dialog";
import { signInFirstStep } from "./sign-in-dialog";
import { CHOICE_PROMPT, valuesOf } from "./prompts";
import { childMention } from "../records/child-mention";
import { ACCOUNT_TOPICS, type RecordTopic } from "../records/record-topic";
import { scheduleAnswer } from "../records/schedule-answer";
import { attendanceAnswer } from "../records/attendance-answer";
import {
  creditsAnswer,
  detailsAnswer,
  documentsAnswer,
  enrolmentAnswer,
  notificationsAnswer,
  reportCardsAnswer,
} from "../records/other-answers";
import { prependLine, type Reply } from "../cards/adaptive-card";
import { sendReply } from "../replies";
import { tr, turnInfo } from "../turn-info";

export const RECORDS_DIALOG = "recordsDialog";
const STEPS = "recordsSteps";

export interface RecordsOptions {
  topic: RecordTopic;
  /** The parent's message: the child's name and the dates are read from it. */
  text: string;
  /** A notifications card button: turn this topic on or off, then show the list. */
  set?: { topic: NotificationTopic; enabled: boolean };
}

export class RecordsDialog extends InterruptibleDialog {
  constructor(ctx: CoreContext) {
    super(RECORDS_DIALOG, ctx);
    this.addDialog(new ChoicePrompt(CHOICE_PROMPT));
    this.addDialog(new WaterfallDialog(STEPS, [signInFirstStep, this.chooseChildStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async chooseChildStep(step: WaterfallStepContext) {
    const accountId = step.result as string | null;
    if (!accountId) return step.endDialog();
    const o = step.options as RecordsOptions;
    if (ACCOUNT_TOPICS.has(o.topic)) return step.next(null);
    const t = tr(step.context);
    const children = await listChildren(this.ctx, { accountId });
    valuesOf(step).children = children;
    if (children.length === 0) {
      await sendReply(step.context, t("bot:records.noChildren"));
      return step.endDialog();
    }
    const mention = childMention(o.text, children);
    if (mention.kind === "child") return step.next({ index: children.indexOf(mention.child) });
    if (mention.kind === "unknownName") await sendReply(step.context, t("bot:records.unknownChild"));
    else if (children.length === 1) return step.next({ index: 0 });
    const names = children.map((c) => c.preferredName ?? c.givenName);
    return step.prompt(CHOICE_PROMPT, {
      prompt: t("bot:records.whichChild"),
      retryPrompt: t("bot:records.whichChildAgain", { names: names.join(", ") }),
      choices: names,
      style: turnInfo(step.context).plainText ? ListStyle.list : ListStyle.suggestedAction,
    });
  }

  private async answerStep(step: WaterfallStepContext) {
    const info = turnInfo(step.context);
    const t = tr(step.context);
    const o = step.options as RecordsOptions;
    if (!info.accountId) {
      // The session expired while the parent was choosing: sign in again, then the same question.
      await sendReply(step.context, t("bot:signIn.expired"));
      return step.replaceDialog(RECORDS_DIALOG, o);
    }
    const children = (valuesOf(step).children ?? []) as ChildSummary[];
    const picked = step.result as FoundChoice | { index: number } | null;
    const child = picked ? children[picked.index] : undefined;
    try {
      await sendReply(step.context, await this.answer(o, info.accountId, child, info.lang, t));
    } catch (err) {
      if (!isAppError(err)) throw err;
      await sendReply(step.context, t(err.userKey, err.params));
    }
    return step.endDialog();
  }

  private async answer(
    o: RecordsOptions,
    accountId: string,
    child: ChildSummary | undefined,
    lang: "fr" | "en",
    t: (k: string, p?: Record<string, unknown>) => string,
  ): Promise<Reply> {
    const now = this.ctx.now();
    const today = torontoDay(now);
    const dates = resolveDates(o.text.slice(0, 2000), { ref: now, lang, prefer: o.topic === "schedule" ? "future" : "past" });
    const ask = { t, lang, accountId, child: child as ChildSummary };
    if (o.topic === "notifications") {
      if (o.set) await setNotificationSubscription(this.ctx, { accountId, topic: o.set.topic, enabled: o.set.enabled });
      const list = await notificationsAnswer(this.ctx, { t, lang, accountId });
      if (!o.set) return list;
      const done = t(o.set.enabled ? "bot:records.notifications.turnedOn" : "bot:records.notifications.turnedOff", {
        topic: t(`records:topics.${o.set.topic}`),
      });
      return prependLine(done, list);
    }
    if (!child) return { text: t("records:error.childNotFound") };
    switch (o.topic) {
      case "schedule":
        return scheduleAnswer(this.ctx, { ...ask, day: dates[0]?.start ?? today });
      case "attendance":
        return attendanceAnswer(this.ctx, { ...ask, range: dates[0] ? { start: dates[0].start, end: dates[0].end } : null, today });
      case "report_cards":
        return reportCardsAnswer(this.ctx, ask);
      case "credits":
        return creditsAnswer(this.ctx, ask);
      case "enrolment":
        return enrolmentAnswer(this.ctx, ask);
      case "documents":
        return documentsAnswer(this.ctx, ask);
      case "details":
        return detailsAnswer(this.ctx, ask);
      default:
        return { text: t("bot:main.notUnderstood") };
    }
  }
}
