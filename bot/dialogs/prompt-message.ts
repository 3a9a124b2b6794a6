// A prompt's activity: its question, plus a Cancel button (a postBack, so it works even inside a verbatim prompt).
import { ActionTypes, MessageFactory, type Activity, type TurnContext } from "botbuilder";
import { CANCEL_VALUE } from "./interruptible-dialog";
import { tr, turnInfo } from "../turn-info";

export function promptMessage(context: TurnContext, text: string, opts: { cancel?: boolean } = {}): Partial<Activity> {
  const t = tr(context);
  if (turnInfo(context).plainText || opts.cancel === false) return MessageFactory.text(text);
  const a = MessageFactory.text(text);
  a.suggestedActions = {
    actions: [{ type: ActionTypes.PostBack, title: t("bot:common.cancel"), value: CANCEL_VALUE, text: t("bot:common.cancel") }],
    to: [],
  };
  return a;
}
