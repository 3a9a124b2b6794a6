// Password reset by secret question, without sign-in, exactly seed 1 §3.1: the email (user name) → its secret
// question → the answer → a temporary password emailed, to be changed at the next sign-in. The core decides
// everything: an unknown email gets a plausible decoy question and the same replies, the lockout shows through.
import { WaterfallDialog, type WaterfallStepContext } from "botbuilder-dialogs";
import { getSecretQuestion, isAppError, normalizeEmail, resetPasswordWithSecretAnswer, type CoreContext } from "../../core";
import { InterruptibleDialog } from "./interruptible-dialog";
import { EMAIL_PROMPT, SECRET_ANSWER_PROMPT, textPrompts } from "./prompts";
import { promptMessage } from "./prompt-message";
import { sendReply } from "../replies";
import { tr, turnInfo } from "../turn-info";

export const PASSWORD_RESET_DIALOG = "passwordResetDialog";
const STEPS = "passwordResetSteps";
const ANSWER_LOOP = "passwordResetAnswerLoop";

interface AnswerLoopOptions {
  email: string;
  question: string;
}

export class PasswordResetDialog extends InterruptibleDialog {
  constructor(ctx: CoreContext) {
    super(PASSWORD_RESET_DIALOG, ctx);
    for (const p of textPrompts()) this.addDialog(p);
    this.addDialog(new WaterfallDialog(STEPS, [this.askEmailStep.bind(this), this.findQuestionStep.bind(this)]));
    this.addDialog(new WaterfallDialog(ANSWER_LOOP, [this.askSecretAnswerStep.bind(this), this.resetStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async askEmailStep(step: WaterfallStepContext) {
    const t = tr(step.context);
    await sendReply(step.context, t("bot:reset.intro"));
    return step.prompt(EMAIL_PROMPT, {
      prompt: promptMessage(step.context, t("bot:reset.askEmail")),
      retryPrompt: promptMessage(step.context, t("bot:reset.badEmail")),
    });
  }

  private async findQuestionStep(step: WaterfallStepContext) {
    const email = normalizeEmail(String(step.result));
    const { question } = await getSecretQuestion(this.ctx, { email, lang: turnInfo(step.context).lang });
    return step.replaceDialog(ANSWER_LOOP, { email, question } satisfies AnswerLoopOptions);
  }

  private async askSecretAnswerStep(step: WaterfallStepContext) {
    const o = step.options as AnswerLoopOptions;
    const t = tr(step.context);
    return step.prompt(SECRET_ANSWER_PROMPT, { prompt: promptMessage(step.context, t("bot:reset.askAnswer", { question: o.question })) });
  }

  private async resetStep(step: WaterfallStepContext) {
    const o = step.options as AnswerLoopOptions;
    const t = tr(step.context);
    try {
      const { emailedTo } = await resetPasswordWithSecretAnswer(this.ctx, { email: o.email, answer: String(step.result) });
      await sendReply(step.context, t("bot:reset.done", { emailedTo }));
      return step.endDialog();
    } catch (err) {
      if (!isAppError(err)) throw err;
      await sendReply(step.context, t(err.userKey, err.params));
      if (err.code === "accounts.secret_answer_wrong" || err.code === "accounts.secret_answer_too_short")
        return step.replaceDialog(ANSWER_LOOP, o);
      return step.endDialog();
    }
  }
}
