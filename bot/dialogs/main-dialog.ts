// The root dialog: each message is classified by the core's NLU and routed — small talk answered here,
// questions from the answer catalog, tasks handed to their dialog. Below the confidence threshold the parent
// picks between the two likeliest intents; gibberish gets « je n'ai pas compris » and what the bot can do;
// a second request in the same message is offered after the first.
import { ComponentDialog, WaterfallDialog, type Dialog, type WaterfallStepContext } from "botbuilder-dialogs";
import {
  classify,
  CLARIFY_BELOW,
  INTENTS,
  isNoticeKind,
  isNotificationTopic,
  signOutChat,
  type Classification,
  type CoreContext,
  type IntentId,
  NOT_REQUESTS,
  runnerUpOffer,
} from "../../core";
import type { AnswerCatalog, AnswerOffer } from "../answer-catalog";
import { interruptionOf } from "../interruptions";
import { sendReply, type Button } from "../replies";
import { isRecordTopic, TOPIC_OF_INTENT, type RecordTopic } from "../records/record-topic";
import { tr, turnCoreContext, turnInfo } from "../turn-info";
import { menuButtons } from "./interruptible-dialog";
import { RECORDS_DIALOG, type RecordsOptions } from "./records-dialog";
import { NOTICES_DIALOG, type NoticesOptions } from "./notices-dialog";
import { noticeRequestOf } from "../proactive/notice-request";
import { PASSWORD_RESET_DIALOG } from "./password-reset-dialog";
import { SIGN_IN_DIALOG } from "./sign-in-dialog";
import { TASK_OF_INTENT, TASK_OF_OFFER } from "./tasks";

export const MAIN_DIALOG = "mainDialog";
const STEPS = "mainSteps";
/** Below this (chosen from data by the core's calibration), the parent is asked which of the two likeliest intents they meant. */
export const CONFIDENCE_THRESHOLD = CLARIFY_BELOW;
/** A later part of the message (« … et aussi … ») this sure of another request is offered after the first. */
const SECOND_REQUEST_MIN = 0.6;
const SMALL_TALK = new Set<IntentId>(["greeting", "thanks", "goodbye"]);

export class MainDialog extends ComponentDialog {
  constructor(
    private readonly baseCtx: CoreContext,
    private readonly catalog: AnswerCatalog,
    children: Dialog[],
  ) {
    super(MAIN_DIALOG);
    for (const d of children) this.addDialog(d);
    this.addDialog(new WaterfallDialog(STEPS, [this.routeStep.bind(this), this.finalStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  /** The running turn's core context (correlated logger). */
  private get ctx(): CoreContext {
    return turnCoreContext(this.baseCtx);
  }

  private async routeStep(step: WaterfallStepContext) {
    const info = turnInfo(step.context);
    const t = tr(step.context);
    const value = info.value;
    if (value) {
      if (value.ap === "intent" && typeof value.intent === "string" && (INTENTS as readonly string[]).includes(value.intent)) {
        return this.route(step, value.intent as IntentId, typeof value.text === "string" ? value.text : "");
      }
      if (value.ap === "offer" && typeof value.offer === "string") return this.offer(step, value.offer as AnswerOffer, "");
      if (value.ap === "records" && isRecordTopic(value.topic)) return step.beginDialog(RECORDS_DIALOG, { topic: value.topic, text: "" });
      // « Activer / Désactiver » on the notifications card: the records dialog signs in if needed, then sets it.
      if (value.ap === "notify" && isNotificationTopic(value.topic) && typeof value.enabled === "boolean") {
        const options: RecordsOptions = { topic: "notifications", text: "", set: { topic: value.topic, enabled: value.enabled } };
        return step.beginDialog(RECORDS_DIALOG, options);
      }
      if (value.ap === "notice" && isNoticeKind(value.kind)) {
        const options: NoticesOptions = { action: "subscribe", kinds: [value.kind], text: "" };
        return step.beginDialog(NOTICES_DIALOG, options);
      }
      if (value.ap === "cancel") {
        await sendReply(step.context, t("bot:interrupt.nothingToCancel"), menuButtons(t));
        return step.endDialog();
      }
      // A button from an old card, or a payload we never sent.
      await sendReply(step.context, t("bot:input.staleButton"), menuButtons(t));
      return step.endDialog();
    }
    const text = info.text;
    if (info.files > 0) {
      await sendReply(step.context, t("bot:input.attachments"));
      if (!text) return step.endDialog();
    }
    if (info.switchedTo) {
      await sendReply(step.context, t("bot:lang.switched"), menuButtons(t));
      return step.endDialog();
    }
    if (text.trim() === "") {
      await sendReply(step.context, t("bot:input.empty"), menuButtons(t));
      return step.endDialog();
    }
    const c = info.classification;
    // No known word at all (emoji, « ?!?! », keyboard mashing): the model says so with `none` at confidence 0,
    // before any command word is looked for in what is left of the punctuation.
    if (understoodNothing(c)) {
      await sendReply(step.context, t("bot:main.notUnderstood"), menuButtons(t));
      return step.endDialog();
    }
    const interruption = interruptionOf(text);
    if (interruption === "signOut") {
      const { signedOut } = await signOutChat(this.ctx, { channelKey: info.channelKey });
      info.accountId = null;
      await sendReply(step.context, t(signedOut ? "bot:signIn.signedOut" : "bot:signIn.notSignedIn"));
      return step.endDialog();
    }
    if (interruption === "cancel") {
      await sendReply(step.context, t("bot:interrupt.nothingToCancel"), menuButtons(t));
      return step.endDialog();
    }
    if (interruption) return this.route(step, "help", text);
    const notice = noticeRequestOf(text);
    if (notice) {
      const options: NoticesOptions = { ...notice, text };
      return step.beginDialog(NOTICES_DIALOG, options);
    }
    if (!/\p{L}{2}/u.test(text)) {
      await sendReply(step.context, t("bot:main.notUnderstood"), menuButtons(t));
      return step.endDialog();
    }
    if (c.confidence < CONFIDENCE_THRESHOLD && c.intent !== "none" && c.runnerUp.intent !== c.intent) {
      const both = [c.intent, c.runnerUp.intent].filter((i) => i !== "none");
      const buttons: Button[] = both.map((i) => ({
        title: t(`common:intents.${i.replace(/\./g, "_")}`),
        value: { ap: "intent", intent: i, text: text.slice(0, 500) },
      }));
      await sendReply(step.context, t(buttons.length > 1 ? "bot:main.whichOne" : "bot:main.didYouMean"), buttons);
      return step.endDialog();
    }
    if (c.intent === "none" && c.confidence < 0.05) {
      await sendReply(step.context, t("bot:main.notUnderstood"), menuButtons(t));
      return step.endDialog();
    }
    const other = SMALL_TALK.has(c.intent) ? null : secondRequest(text, c.intent);
    if (other) {
      await sendReply(step.context, t("bot:main.alsoOffer", { other: t(`common:intents.${other.replace(/\./g, "_")}`) }), [
        { title: t(`common:intents.${other.replace(/\./g, "_")}`), value: { ap: "intent", intent: other, text: text.slice(0, 500) } },
      ]);
    }
    const maybe = runnerUpOffer(c);
    return this.route(step, c.intent, text, maybe === other ? null : maybe); // offered once, not twice
  }

  /** `maybe`: for an out-of-scope answer, the portal request it may have been after all (core runnerUpOffer). */
  private async route(step: WaterfallStepContext, intent: IntentId, text: string, maybe: IntentId | null = null) {
    const info = turnInfo(step.context);
    const t = tr(step.context);
    if (SMALL_TALK.has(intent)) {
      await sendReply(step.context, t(`bot:main.${intent}`), intent === "goodbye" ? [] : menuButtons(t));
      return step.endDialog();
    }
    if (intent === "help") {
      await sendReply(step.context, t("bot:main.help"), menuButtons(t));
      return step.endDialog();
    }
    if (intent === "cancel") {
      await sendReply(step.context, t("bot:interrupt.nothingToCancel"), menuButtons(t));
      return step.endDialog();
    }
    const topic = TOPIC_OF_INTENT[intent];
    if (topic) return step.beginDialog(RECORDS_DIALOG, { topic, text });
    const task = TASK_OF_INTENT[intent];
    if (task) return step.beginDialog(task.dialog, { ...task.options, text, intent });
    const answer = await this.catalog.answerFor(this.ctx, { intent, lang: info.lang, accountId: info.accountId ?? undefined });
    const lines = [answer.text, ...answer.steps.map((s, i) => `${i + 1}. ${s}`)];
    const contact = this.catalog.helpCentreContact(info.lang).text;
    if ((intent === "none" || intent === "human") && !answer.text.includes(contact)) lines.push(contact);
    const buttons: Button[] = answer.offers
      .filter((o) => o !== "help_centre" || intent !== "human")
      .map((o) => ({ title: t(`bot:offers.${o}`), value: { ap: "offer", offer: o, intent } }));
    if (maybe) {
      lines.push(t("bot:main.maybePortal"));
      buttons.unshift({
        title: t(`common:intents.${maybe.replace(/\./g, "_")}`),
        value: { ap: "intent", intent: maybe, text: text.slice(0, 500) },
      });
    }
    await sendReply(step.context, lines.join("\n"), buttons);
    return step.endDialog();
  }

  private async offer(step: WaterfallStepContext, offer: AnswerOffer, text: string) {
    const info = turnInfo(step.context);
    const t = tr(step.context);
    if (offer === "help_centre") {
      await sendReply(step.context, this.catalog.helpCentreContact(info.lang).text);
      return step.endDialog();
    }
    if (offer === "sign_in") return step.beginDialog(SIGN_IN_DIALOG);
    if (offer === "reset_password") return step.beginDialog(PASSWORD_RESET_DIALOG);
    const topic = offer.replace(/^show_/, "").replace("manage_notifications", "notifications") as RecordTopic;
    if (isRecordTopic(topic)) return step.beginDialog(RECORDS_DIALOG, { topic, text });
    const task = TASK_OF_OFFER[offer];
    const intent = typeof info.value?.intent === "string" ? info.value.intent : undefined;
    if (task) return step.beginDialog(task.dialog, { ...task.options, text, intent });
    await sendReply(step.context, t("bot:input.staleButton"), menuButtons(t));
    return step.endDialog();
  }

  private async finalStep(step: WaterfallStepContext) {
    return step.endDialog();
  }
}

/** The classifier found no word it knows (it answers `none` with confidence 0 then, whatever the n-grams guessed). */
export function understoodNothing(c: Classification): boolean {
  return c.intent === "none" && c.confidence === 0;
}

/** The other request of « j'ai oublié mon mot de passe et je veux aussi l'horaire de Léa », if any. */
export function secondRequest(text: string, main: IntentId): IntentId | null {
  const parts = text
    .slice(0, 1000)
    .split(/\b(?:et aussi|et puis|et|and also|and|puis|ensuite|aussi|also)\b|[.;!?]\s+/i)
    .map((p) => p.trim());
  for (const part of parts.slice(1)) {
    if (part.split(/\s+/).length < 2) continue;
    const c = classify(part, { channel: "chat" });
    if (c.intent !== main && !NOT_REQUESTS.has(c.intent) && c.confidence >= SECOND_REQUEST_MIN) return c.intent;
  }
  return null;
}
