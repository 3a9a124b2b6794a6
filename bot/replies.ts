// How a dialog answers: a Reply (text + optional card) and optional buttons. Channels without cards (the
// terminal) get the text alone, with the buttons listed as words the parent can type.
import { ActionTypes, CardFactory, MessageFactory, type CardAction, type TurnContext } from "botbuilder";
import type { Reply } from "./cards/adaptive-card";
import { turnInfo } from "./turn-info";

export interface Button {
  title: string;
  /** Sent back as the message's value (postBack), e.g. `{ ap: "offer", offer: "reset_password" }`; without it, the title is typed back. */
  value?: Record<string, unknown>;
}

function actions(buttons: Button[]): CardAction[] {
  return buttons.map((b) =>
    b.value
      ? { type: ActionTypes.PostBack, title: b.title, value: b.value, text: b.title }
      : { type: ActionTypes.ImBack, title: b.title, value: b.title },
  );
}

export async function sendReply(context: TurnContext, reply: Reply | string, buttons: Button[] = []): Promise<void> {
  const r: Reply = typeof reply === "string" ? { text: reply } : reply;
  if (turnInfo(context).plainText) {
    const list = buttons.length ? `\n${buttons.map((b) => `  › ${b.title}`).join("\n")}` : "";
    await context.sendActivity(MessageFactory.text(r.text + list));
    return;
  }
  const activity = r.card ? MessageFactory.attachment(CardFactory.adaptiveCard(r.card)) : MessageFactory.text(r.text);
  if (r.card) activity.text = undefined;
  if (buttons.length) activity.suggestedActions = { actions: actions(buttons), to: [] };
  await context.sendActivity(activity);
}
