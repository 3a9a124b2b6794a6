// Sign-in in chat (SPEC §4): the parent gives the account's email, receives a 6-digit code by email (10 min,
// 5 tries, a few codes per quarter hour), types it here; the conversation then stays signed in for 30 idle
// minutes. In Teams the Teams user is linked to the account, so later conversations need no code.
// Ends with the account id, or null when the parent gave up.
import { WaterfallDialog, type WaterfallStepContext } from "botbuilder-dialogs";
import { isAppError, linkChannelIdentity, normalizeEmail, sendChatSignInCode, verifyChatSignInCode, type CoreContext } from "../../core";
import { InterruptibleDialog } from "./interruptible-dialog";
import { CODE_PROMPT, EMAIL_PROMPT, textPrompts } from "./prompts";
import { promptMessage } from "./prompt-message";
import { sendReply } from "../replies";
import { tr, turnInfo } from "../turn-info";

export const SIGN_IN_DIALOG = "signInDialog";
const MAIN = "signInSteps";
const CODE_LOOP = "signInCodeLoop";
/** Wrong codes typed here before the dialog gives up (the core also stops a code after 5). */
const MAX_TRIES = 3;

interface CodeLoopOptions {
  email: string;
  tries: number;
}

export class SignInDialog extends InterruptibleDialog {
  constructor(ctx: CoreContext) {
    super(SIGN_IN_DIALOG, ctx);
    for (const p of textPrompts()) this.addDialog(p);
    this.addDialog(new WaterfallDialog(MAIN, [this.askEmailStep.bind(this), this.sendCodeStep.bind(this), this.finalStep.bind(this)]));
    this.addDialog(new WaterfallDialog(CODE_LOOP, [this.askCodeStep.bind(this), this.checkCodeStep.bind(this)]));
    this.initialDialogId = MAIN;
  }

  private async askEmailStep(step: WaterfallStepContext) {
    const info = turnInfo(step.context);
    if (info.accountId) return step.endDialog(info.accountId);
    const t = tr(step.context);
    return step.prompt(EMAIL_PROMPT, {
      prompt: promptMessage(step.context, t("bot:signIn.askEmail")),
      retryPrompt: promptMessage(step.context, t("bot:signIn.badEmail")),
    });
  }

  private async sendCodeStep(step: WaterfallStepContext) {
    const info = turnInfo(step.context);
    const t = tr(step.context);
    const email = normalizeEmail(String(step.result));
    try {
      const { emailedTo } = await sendChatSignInCode(this.ctx, { email, channelKey: info.channelKey, lang: info.lang });
      await sendReply(step.context, t("bot:signIn.codeSent", { emailedTo }));
    } catch (err) {
      if (!isAppError(err)) throw err;
      await sendReply(step.context, t(err.userKey, err.params));
      return step.endDialog(null);
    }
    return step.beginDialog(CODE_LOOP, { email, tries: 0 } satisfies CodeLoopOptions);
  }

  private async finalStep(step: WaterfallStepContext) {
    return step.endDialog(step.result ?? null);
  }

  private async askCodeStep(step: WaterfallStepContext) {
    const t = tr(step.context);
    return step.prompt(CODE_PROMPT, {
      prompt: promptMessage(step.context, t("bot:signIn.askCode")),
      retryPrompt: promptMessage(step.context, t("bot:signIn.badCode")),
    });
  }

  private async checkCodeStep(step: WaterfallStepContext) {
    const info = turnInfo(step.context);
    const t = tr(step.context);
    const o = step.options as CodeLoopOptions;
    try {
      const signed = await verifyChatSignInCode(this.ctx, { email: o.email, code: String(step.result), channelKey: info.channelKey });
      info.accountId = signed.accountId;
      if (info.teamsUserKey)
        await linkChannelIdentity(this.ctx, { channel: "msteams", userKey: info.teamsUserKey, accountId: signed.accountId });
      await sendReply(step.context, t(info.teamsUserKey ? "bot:signIn.doneTeams" : "bot:signIn.done"));
      return step.endDialog(signed.accountId);
    } catch (err) {
      if (!isAppError(err, "accounts.code_invalid")) throw err;
      if (o.tries + 1 >= MAX_TRIES) {
        await sendReply(step.context, t("bot:signIn.gaveUp"));
        return step.endDialog(null);
      }
      await sendReply(step.context, t(err.userKey, err.params));
      return step.replaceDialog(CODE_LOOP, { ...o, tries: o.tries + 1 });
    }
  }
}

/**
 * The first step of every dialog that needs a signed-in parent: goes on with the account id when the
 * conversation is signed in, else says so and runs the sign-in (whose result — the account id, or nothing
 * when the parent gave up — is the next step's `step.result`).
 */
export async function signInFirstStep(step: WaterfallStepContext) {
  const info = turnInfo(step.context);
  if (info.accountId) return step.next(info.accountId);
  await sendReply(step.context, tr(step.context)("bot:records.signInFirst"));
  return step.beginDialog(SIGN_IN_DIALOG);
}
