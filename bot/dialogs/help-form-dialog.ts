// The help form (seed 1 §4.1, « Formulaire d'aide aux parents ») in chat, and the human handoff: every field
// of the form, prefilled from the account when signed in, a confirmation, then a ticket routed to the child's
// school (or the central help desk) with the conversation attached; the parent gets its number.
import { ConfirmPrompt, WaterfallDialog, type WaterfallStepContext } from "botbuilder-dialogs";
import {
  getAccountSummary,
  HELP_FORM_FIELDS,
  HelpFormError,
  isAppError,
  listChildren,
  submitHelpForm,
  type CoreContext,
  type HelpFormField,
  type HelpFormInput,
} from "../../core";
import type { AnswerCatalog } from "../answer-catalog";
import { InterruptibleDialog } from "./interruptible-dialog";
import { CONFIRM_PROMPT, FREE_TEXT_PROMPT, textPrompts, valuesOf } from "./prompts";
import { promptMessage } from "./prompt-message";
import { childMention } from "../records/child-mention";
import { schoolCodeOf } from "../school-directory";
import { sendReply } from "../replies";
import { tr, turnInfo } from "../turn-info";

export const HELP_FORM_DIALOG = "helpFormDialog";
const STEPS = "helpFormSteps";
const FIELD_LOOP = "helpFormFieldLoop";

type Form = Partial<Record<HelpFormField, string>> & { schoolName?: string };

export interface HelpFormOptions {
  text?: string;
  intent?: string;
  /** After the core refused some fields: what stays, the rest is asked again. */
  prefilled?: Form;
}

export class HelpFormDialog extends InterruptibleDialog {
  constructor(
    ctx: CoreContext,
    private readonly catalog: AnswerCatalog,
  ) {
    super(HELP_FORM_DIALOG, ctx);
    for (const p of textPrompts()) this.addDialog(p);
    this.addDialog(new ConfirmPrompt(CONFIRM_PROMPT));
    this.addDialog(new WaterfallDialog(STEPS, [this.prefillStep.bind(this), this.confirmStep.bind(this), this.submitStep.bind(this)]));
    this.addDialog(new WaterfallDialog(FIELD_LOOP, [this.askFieldStep.bind(this), this.keepFieldStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async prefillStep(step: WaterfallStepContext) {
    const info = turnInfo(step.context);
    const t = tr(step.context);
    const prefilled = (step.options as HelpFormOptions).prefilled;
    const form: Form = { ...(prefilled ?? {}) };
    if (info.accountId && !prefilled) {
      const account = await getAccountSummary(this.ctx, { accountId: info.accountId });
      form.email = account.email;
      form.parentGivenName = account.guardian?.givenName;
      form.parentFamilyName = account.guardian?.familyName;
      const children = await listChildren(this.ctx, { accountId: info.accountId });
      const m = childMention((step.options as HelpFormOptions).text ?? "", children);
      const child = m.kind === "child" ? m.child : children.length === 1 ? children[0] : undefined;
      if (child)
        Object.assign(form, {
          childGivenName: child.givenName,
          childFamilyName: child.familyName,
          childGrade: child.grade ?? undefined,
          schoolCode: child.school?.code,
          schoolName: child.school?.name,
        });
    }
    if (!prefilled) await sendReply(step.context, t("bot:helpForm.intro"));
    return step.beginDialog(FIELD_LOOP, { form });
  }

  private async askFieldStep(step: WaterfallStepContext) {
    const { form } = step.options as { form: Form };
    const field = HELP_FORM_FIELDS.find((f) => !form[f]);
    if (!field) return step.endDialog(form);
    valuesOf(step).field = field;
    return step.prompt(FREE_TEXT_PROMPT, { prompt: promptMessage(step.context, tr(step.context)(`bot:helpForm.ask.${field}`)) });
  }

  private async keepFieldStep(step: WaterfallStepContext) {
    const { form } = step.options as { form: Form };
    const field = valuesOf(step).field as HelpFormField;
    const value = String(step.result).trim();
    if (field === "schoolCode") {
      const school = schoolCodeOf(value);
      if (!school) await sendReply(step.context, tr(step.context)("tickets:form.error.school"));
      else Object.assign(form, { schoolCode: school.code, schoolName: school.name });
    } else form[field] = value;
    return step.replaceDialog(FIELD_LOOP, { form });
  }

  private async confirmStep(step: WaterfallStepContext) {
    const form = step.result as Form;
    valuesOf(step).form = form;
    const t = tr(step.context);
    const summary = HELP_FORM_FIELDS.map(
      (f) =>
        `- ${t(`bot:helpForm.label.${f}`)} : ${f === "schoolCode" ? (form.schoolName ?? form.schoolCode) : f === "description" ? String(form[f]).slice(0, 300) : form[f]}`,
    );
    return step.prompt(CONFIRM_PROMPT, { prompt: [t("bot:helpForm.confirm"), ...summary].join("\n") });
  }

  private async submitStep(step: WaterfallStepContext) {
    const info = turnInfo(step.context);
    const t = tr(step.context);
    const form = valuesOf(step).form as Form;
    if (step.result !== true) {
      await sendReply(step.context, t("bot:helpForm.notSent"));
      return step.endDialog();
    }
    const transcript = (info.transcript ?? []).join("\n");
    const input = {
      ...form,
      lang: info.lang,
      description: transcript ? `${form.description}\n\n${t("bot:helpForm.transcript")}\n${transcript}` : form.description,
    } as HelpFormInput;
    try {
      const ticket = await submitHelpForm(this.ctx, input);
      await sendReply(
        step.context,
        [
          t("bot:helpForm.sent", { reference: ticket.reference }),
          t(`tickets:delay.${ticket.queue}`),
          this.catalog.helpCentreContact(info.lang).text,
        ].join("\n"),
      );
      return step.endDialog();
    } catch (err) {
      if (err instanceof HelpFormError) {
        // Ask again only the fields the core refused, saying why.
        for (const f of err.fields) {
          await sendReply(step.context, `${t(`bot:helpForm.label.${f.field}`)} : ${t(f.key)}`);
          delete form[f.field];
        }
        return step.replaceDialog(STEPS, { ...(step.options as HelpFormOptions), prefilled: form });
      }
      if (!isAppError(err)) throw err;
      await sendReply(step.context, t(err.userKey, err.params));
      return step.endDialog();
    }
  }
}
