// Change the password (signed in): the current password, then the new one twice. The core checks the current
// one, the rules, and closes the account's other chat sessions. Passwords typed here never reach a log or a ticket.
import { WaterfallDialog, type WaterfallStepContext } from "botbuilder-dialogs";
import { changePassword, isAppError, type CoreContext } from "../../core";
import { InterruptibleDialog } from "./interruptible-dialog";
import { SIGN_IN_DIALOG } from "./sign-in-dialog";
import { PASSWORD_PROMPT, textPrompts, valuesOf } from "./prompts";
import { promptMessage } from "./prompt-message";
import { sendReply } from "../replies";
import { tr, turnInfo } from "../turn-info";

export const CHANGE_PASSWORD_DIALOG = "changePasswordDialog";
const STEPS = "changePasswordSteps";

export class ChangePasswordDialog extends InterruptibleDialog {
  constructor(ctx: CoreContext) {
    super(CHANGE_PASSWORD_DIALOG, ctx);
    for (const p of textPrompts()) this.addDialog(p);
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.signInStep.bind(this),
        this.askCurrentStep.bind(this),
        this.askNewStep.bind(this),
        this.askConfirmStep.bind(this),
        this.changeStep.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  private async signInStep(step: WaterfallStepContext) {
    const info = turnInfo(step.context);
    if (info.accountId) return step.next(info.accountId);
    await sendReply(step.context, tr(step.context)("bot:records.signInFirst"));
    return step.beginDialog(SIGN_IN_DIALOG);
  }

  private async askCurrentStep(step: WaterfallStepContext) {
    if (!step.result) return step.endDialog();
    return step.prompt(PASSWORD_PROMPT, { prompt: promptMessage(step.context, tr(step.context)("bot:password.askCurrent")) });
  }

  private async askNewStep(step: WaterfallStepContext) {
    valuesOf(step).current = step.result;
    return step.prompt(PASSWORD_PROMPT, { prompt: promptMessage(step.context, tr(step.context)("bot:password.askNew")) });
  }

  private async askConfirmStep(step: WaterfallStepContext) {
    valuesOf(step).next = step.result;
    return step.prompt(PASSWORD_PROMPT, { prompt: promptMessage(step.context, tr(step.context)("bot:password.askConfirm")) });
  }

  private async changeStep(step: WaterfallStepContext) {
    const info = turnInfo(step.context);
    const t = tr(step.context);
    if (step.result !== valuesOf(step).next) {
      await sendReply(step.context, t("bot:password.mismatch"));
      return step.endDialog();
    }
    if (!info.accountId) {
      await sendReply(step.context, t("bot:signIn.expired"));
      return step.endDialog();
    }
    try {
      await changePassword(this.ctx, {
        accountId: info.accountId,
        currentPassword: String(valuesOf(step).current),
        newPassword: String(valuesOf(step).next),
        keepChannelKey: info.channelKey,
      });
      await sendReply(step.context, t("bot:password.changed"));
    } catch (err) {
      if (!isAppError(err)) throw err;
      await sendReply(step.context, t(err.userKey, err.params));
    }
    return step.endDialog();
  }
}
