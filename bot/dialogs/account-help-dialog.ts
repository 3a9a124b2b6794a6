// Account help: create an account (seed 1 §1.2 — the email must be on the child's record, then name, youngest
// child's birth date and school, civic number; the core sends the validation email), resend the validation
// email (account.activate), and the new-family path of seed 2 (its steps from the catalog, a ticket if stuck).
import { WaterfallDialog, type WaterfallStepContext } from "botbuilder-dialogs";
import {
  isAppError,
  normalizeEmail,
  requestAccountCreation,
  resendValidationEmail,
  resolveDate,
  validateAccountEmail,
  type CoreContext,
} from "../../core";
import type { AnswerCatalog } from "../answer-catalog";
import { InterruptibleDialog } from "./interruptible-dialog";
import { EMAIL_PROMPT, NAME_PROMPT, TEXT_PROMPT, textPrompts, valuesOf } from "./prompts";
import { promptMessage } from "./prompt-message";
import { schoolCodeOf } from "../school-directory";
import { sendReply } from "../replies";
import { tr, turnInfo } from "../turn-info";

export const ACCOUNT_HELP_DIALOG = "accountHelpDialog";
const CREATE = "accountCreateSteps";
const ACTIVATE = "accountActivateSteps";

export interface AccountHelpOptions {
  mode: "create" | "activate" | "newFamily";
}

export class AccountHelpDialog extends InterruptibleDialog {
  constructor(
    ctx: CoreContext,
    private readonly catalog: AnswerCatalog,
  ) {
    super(ACCOUNT_HELP_DIALOG, ctx);
    for (const p of textPrompts()) this.addDialog(p);
    this.addDialog(new WaterfallDialog("accountHelpEntry", [this.entryStep.bind(this)]));
    this.addDialog(
      new WaterfallDialog(CREATE, [
        this.askEmailStep.bind(this),
        this.checkEmailStep.bind(this),
        this.askFamilyNameStep.bind(this),
        this.askGivenNameStep.bind(this),
        this.askBirthDateStep.bind(this),
        this.askSchoolStep.bind(this),
        this.askCivicNumberStep.bind(this),
        this.requestStep.bind(this),
      ]),
    );
    this.addDialog(new WaterfallDialog(ACTIVATE, [this.askActivationEmailStep.bind(this), this.resendStep.bind(this)]));
    this.initialDialogId = "accountHelpEntry";
  }

  private async entryStep(step: WaterfallStepContext) {
    const o = step.options as AccountHelpOptions;
    if (o.mode === "create") return step.replaceDialog(CREATE);
    if (o.mode === "activate") return step.replaceDialog(ACTIVATE);
    const info = turnInfo(step.context);
    const answer = await this.catalog.answerFor(this.ctx, { intent: "account.create", lang: info.lang });
    const t = tr(step.context);
    await sendReply(
      step.context,
      [t("bot:account.newFamily"), ...answer.steps.map((s, i) => `${i + 1}. ${s}`), this.catalog.helpCentreContact(info.lang).text].join(
        "\n",
      ),
      [{ title: t("bot:offers.open_ticket"), value: { ap: "offer", offer: "open_ticket", intent: "account.create" } }],
    );
    return step.endDialog();
  }

  private async askEmailStep(step: WaterfallStepContext) {
    const t = tr(step.context);
    return step.prompt(EMAIL_PROMPT, {
      prompt: promptMessage(step.context, t("bot:account.askEmail")),
      retryPrompt: promptMessage(step.context, t("bot:reset.badEmail")),
    });
  }

  private async askActivationEmailStep(step: WaterfallStepContext) {
    const t = tr(step.context);
    return step.prompt(EMAIL_PROMPT, {
      prompt: promptMessage(step.context, t("bot:account.askEmailActivate")),
      retryPrompt: promptMessage(step.context, t("bot:reset.badEmail")),
    });
  }

  private async checkEmailStep(step: WaterfallStepContext) {
    const t = tr(step.context);
    valuesOf(step).email = normalizeEmail(String(step.result));
    try {
      await validateAccountEmail(this.ctx, { email: valuesOf(step).email });
    } catch (err) {
      if (!isAppError(err)) throw err;
      const offers = err.code === "accounts.account_already_active" ? ["reset_password", "login_id"] : ["open_ticket"];
      await sendReply(
        step.context,
        t(err.userKey, err.params),
        offers.map((o) => ({ title: t(`bot:offers.${o}`), value: { ap: "offer", offer: o, intent: "account.create" } })),
      );
      return step.endDialog();
    }
    await sendReply(step.context, t("bot:account.emailOnFile"));
    return step.prompt(NAME_PROMPT, { prompt: promptMessage(step.context, t("bot:account.askFamilyName")) });
  }

  private async askFamilyNameStep(step: WaterfallStepContext) {
    valuesOf(step).familyName = String(step.result).trim();
    return step.prompt(NAME_PROMPT, { prompt: promptMessage(step.context, tr(step.context)("bot:account.askGivenName")) });
  }

  private async askGivenNameStep(step: WaterfallStepContext) {
    valuesOf(step).givenName = String(step.result).trim();
    return step.prompt(TEXT_PROMPT, { prompt: promptMessage(step.context, tr(step.context)("bot:account.askBirthDate")) });
  }

  private async askBirthDateStep(step: WaterfallStepContext) {
    const text = String(step.result);
    const iso =
      /\b(\d{4}-\d{2}-\d{2})\b/.exec(text)?.[1] ??
      resolveDate(text, { ref: this.ctx.now(), lang: turnInfo(step.context).lang, prefer: "past" })?.start;
    if (!iso) {
      await sendReply(step.context, tr(step.context)("bot:account.badDate"));
      return step.replaceDialog(CREATE);
    }
    valuesOf(step).birthDate = iso;
    return step.prompt(TEXT_PROMPT, { prompt: promptMessage(step.context, tr(step.context)("bot:account.askSchool")) });
  }

  private async askSchoolStep(step: WaterfallStepContext) {
    const school = schoolCodeOf(String(step.result));
    if (!school) {
      await sendReply(step.context, tr(step.context)("bot:account.badSchool"));
      return step.prompt(TEXT_PROMPT, { prompt: promptMessage(step.context, tr(step.context)("bot:account.askSchool")) });
    }
    valuesOf(step).school = school.code;
    return step.next(null);
  }

  private async askCivicNumberStep(step: WaterfallStepContext) {
    if (!valuesOf(step).school) {
      const again = schoolCodeOf(String(step.result ?? ""));
      if (!again) {
        await sendReply(step.context, tr(step.context)("bot:account.badSchool"));
        return step.endDialog();
      }
      valuesOf(step).school = again.code;
    }
    return step.prompt(TEXT_PROMPT, { prompt: promptMessage(step.context, tr(step.context)("bot:account.askCivic")) });
  }

  private async requestStep(step: WaterfallStepContext) {
    const t = tr(step.context);
    const v = valuesOf(step);
    try {
      const done = await requestAccountCreation(this.ctx, {
        email: v.email,
        familyName: v.familyName,
        givenName: v.givenName,
        youngestChildBirthDate: v.birthDate,
        youngestChildSchoolCode: v.school,
        civicNumber: String(step.result),
        lang: turnInfo(step.context).lang,
      });
      await sendReply(step.context, t("bot:account.validationSent", { emailedTo: done.emailedTo }));
    } catch (err) {
      if (!isAppError(err)) throw err;
      await sendReply(step.context, t(err.userKey, err.params), [
        { title: t("bot:offers.open_ticket"), value: { ap: "offer", offer: "open_ticket", intent: "account.info_mismatch" } },
      ]);
    }
    return step.endDialog();
  }

  private async resendStep(step: WaterfallStepContext) {
    await resendValidationEmail(this.ctx, { email: String(step.result) });
    await sendReply(step.context, tr(step.context)("bot:account.resent"));
    return step.endDialog();
  }
}
