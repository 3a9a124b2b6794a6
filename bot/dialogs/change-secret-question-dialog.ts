// Change the secret question and its answer (signed in), confirming the current password: a question from the
// board's list, then the answer. The core checks the password at once and gives a short-lived proof, which the
// conversation state keeps between turns instead of the password; the core checks the answer's rules.
import { ChoicePrompt, ListStyle, WaterfallDialog, type FoundChoice, type WaterfallStepContext } from "botbuilder-dialogs";
import { changeSecretQuestion, isAppError, listSecretQuestions, type CoreContext } from "../../core";
import { InterruptibleDialog } from "./interruptible-dialog";
import { signInFirstStep } from "./sign-in-dialog";
import { proveCurrentPassword } from "./change-password-dialog";
import { CHOICE_PROMPT, PASSWORD_PROMPT, SECRET_ANSWER_PROMPT, textPrompts, valuesOf } from "./prompts";
import { promptMessage } from "./prompt-message";
import { sendReply } from "../replies";
import { tr, turnInfo } from "../turn-info";

export const CHANGE_SECRET_QUESTION_DIALOG = "changeSecretQuestionDialog";
const STEPS = "changeSecretQuestionSteps";

/** The board's fixed list: the id is kept, the text shown in the conversation's language. */
function questions(lang: "fr" | "en"): { value: string; text: string }[] {
  return listSecretQuestions().map((q) => ({ value: q.id, text: q.text[lang] }));
}

export class ChangeSecretQuestionDialog extends InterruptibleDialog {
  constructor(ctx: CoreContext) {
    super(CHANGE_SECRET_QUESTION_DIALOG, ctx);
    for (const p of textPrompts()) this.addDialog(p);
    this.addDialog(new ChoicePrompt(CHOICE_PROMPT));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        signInFirstStep,
        this.askPasswordStep.bind(this),
        this.askQuestionStep.bind(this),
        this.askSecretAnswerStep.bind(this),
        this.changeStep.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  private async askPasswordStep(step: WaterfallStepContext) {
    if (!step.result) return step.endDialog();
    return step.prompt(PASSWORD_PROMPT, { prompt: promptMessage(step.context, tr(step.context)("bot:secretQuestion.askPassword")) });
  }

  private async askQuestionStep(step: WaterfallStepContext) {
    const proof = await proveCurrentPassword(this.ctx, step);
    if (!proof) return step.endDialog();
    valuesOf(step).proof = proof;
    const list = questions(turnInfo(step.context).lang);
    return step.prompt(CHOICE_PROMPT, {
      prompt: tr(step.context)("bot:secretQuestion.askQuestion"),
      choices: list.map((q) => q.text),
      style: ListStyle.list,
    });
  }

  private async askSecretAnswerStep(step: WaterfallStepContext) {
    valuesOf(step).question = questions(turnInfo(step.context).lang)[(step.result as FoundChoice).index].value;
    return step.prompt(SECRET_ANSWER_PROMPT, { prompt: promptMessage(step.context, tr(step.context)("bot:secretQuestion.askAnswer")) });
  }

  private async changeStep(step: WaterfallStepContext) {
    const info = turnInfo(step.context);
    const t = tr(step.context);
    if (!info.accountId) {
      await sendReply(step.context, t("bot:signIn.expired"));
      return step.endDialog();
    }
    try {
      await changeSecretQuestion(this.ctx, {
        accountId: info.accountId,
        passwordProof: String(valuesOf(step).proof),
        questionId: String(valuesOf(step).question),
        answer: String(step.result),
      });
      await sendReply(step.context, t("bot:secretQuestion.changed"));
    } catch (err) {
      if (!isAppError(err)) throw err;
      await sendReply(step.context, t(err.userKey, err.params));
    }
    return step.endDialog();
  }
}
