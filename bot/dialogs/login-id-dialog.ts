// « Quel est mon identifiant? » (seed 2, « Récupérez votre identifiant de connexion »): the login id is the
// account's email; it is emailed to the address on file. The reply is the same whether or not an account exists.
import { WaterfallDialog, type WaterfallStepContext } from "botbuilder-dialogs";
import { sendLoginIdReminder, type CoreContext } from "../../core";
import { InterruptibleDialog } from "./interruptible-dialog";
import { EMAIL_PROMPT, textPrompts } from "./prompts";
import { promptMessage } from "./prompt-message";
import { sendReply } from "../replies";
import { tr } from "../turn-info";

export const LOGIN_ID_DIALOG = "loginIdDialog";
const STEPS = "loginIdSteps";

export class LoginIdDialog extends InterruptibleDialog {
  constructor(ctx: CoreContext) {
    super(LOGIN_ID_DIALOG, ctx);
    for (const p of textPrompts()) this.addDialog(p);
    this.addDialog(new WaterfallDialog(STEPS, [this.askEmailStep.bind(this), this.sendReminderStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async askEmailStep(step: WaterfallStepContext) {
    const t = tr(step.context);
    await sendReply(step.context, t("bot:loginId.intro"));
    return step.prompt(EMAIL_PROMPT, {
      prompt: promptMessage(step.context, t("bot:loginId.askEmail")),
      retryPrompt: promptMessage(step.context, t("bot:reset.badEmail")),
    });
  }

  private async sendReminderStep(step: WaterfallStepContext) {
    await sendLoginIdReminder(this.ctx, { email: String(step.result) });
    await sendReply(step.context, tr(step.context)("bot:loginId.sent"));
    return step.endDialog();
  }
}
