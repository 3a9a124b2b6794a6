// Change the password (signed in): the current password, then the new one twice. The core checks the current
// one at once and gives a short-lived proof; the conversation state keeps that proof and a salted scrypt digest
// of the new password between turns, never a password (they are saved in the database after every turn). The
// core checks the rules and closes the account's other chat sessions. Passwords never reach a log or a ticket.
import crypto from "node:crypto";
import { WaterfallDialog, type WaterfallStepContext } from "botbuilder-dialogs";
import { changePassword, confirmAccountPassword, isAppError, type CoreContext } from "../../core";
import { InterruptibleDialog } from "./interruptible-dialog";
import { signInFirstStep } from "./sign-in-dialog";
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
        signInFirstStep,
        this.askCurrentStep.bind(this),
        this.askNewStep.bind(this),
        this.askConfirmStep.bind(this),
        this.changeStep.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  private async askCurrentStep(step: WaterfallStepContext) {
    if (!step.result) return step.endDialog();
    return step.prompt(PASSWORD_PROMPT, { prompt: promptMessage(step.context, tr(step.context)("bot:password.askCurrent")) });
  }

  private async askNewStep(step: WaterfallStepContext) {
    const proof = await proveCurrentPassword(this.ctx, step);
    if (!proof) return step.endDialog();
    valuesOf(step).proof = proof;
    return step.prompt(PASSWORD_PROMPT, { prompt: promptMessage(step.context, tr(step.context)("bot:password.askNew")) });
  }

  private async askConfirmStep(step: WaterfallStepContext) {
    const salt = crypto.randomBytes(16).toString("base64url");
    valuesOf(step).next = { salt, digest: digestOf(String(step.result), salt) };
    return step.prompt(PASSWORD_PROMPT, { prompt: promptMessage(step.context, tr(step.context)("bot:password.askConfirm")) });
  }

  private async changeStep(step: WaterfallStepContext) {
    const info = turnInfo(step.context);
    const t = tr(step.context);
    const next = valuesOf(step).next as { salt: string; digest: string };
    const typed = String(step.result);
    if (!crypto.timingSafeEqual(Buffer.from(digestOf(typed, next.salt), "base64url"), Buffer.from(next.digest, "base64url"))) {
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
        currentPasswordProof: String(valuesOf(step).proof),
        newPassword: typed,
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

/** The core's proof that the password just typed is the account's (it is checked now, not at the end); null once answered. */
export async function proveCurrentPassword(ctx: CoreContext, step: WaterfallStepContext): Promise<string | null> {
  const info = turnInfo(step.context);
  const t = tr(step.context);
  if (!info.accountId) {
    await sendReply(step.context, t("bot:signIn.expired"));
    return null;
  }
  try {
    return (await confirmAccountPassword(ctx, { accountId: info.accountId, password: String(step.result) })).proof;
  } catch (err) {
    if (!isAppError(err)) throw err;
    await sendReply(step.context, t(err.userKey, err.params));
    return null;
  }
}

/** Enough to tell the confirmation from a typo, costly enough that a read state row does not give the password away. */
function digestOf(password: string, salt: string): string {
  return crypto.scryptSync(password, salt, 32).toString("base64url");
}
