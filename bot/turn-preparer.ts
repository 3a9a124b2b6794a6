// Works out each message's TurnInfo before any dialog runs: text without Teams @mentions or markup, the card
// payload, the reply language (each message's own, or an explicit « in English please »), who is signed in
// (the conversation's session, or a linked Teams identity), and the transcript kept for a handoff ticket.
import { TurnContext, type StatePropertyAccessor } from "botbuilder";
import type { DialogState } from "botbuilder-dialogs";
import { classify, findAccountByChannelIdentity, foldText, getChatSession, isLang, type CoreContext, type Lang } from "../core";
import { RAW_TEXT_PROMPTS } from "./dialogs/interruptible-dialog";
import { channelKeyOf, setTurnInfo, type TurnInfo } from "./turn-info";

export interface ConversationProfile {
  lang?: Lang;
  /** The parent's side of the conversation, for the ticket a handoff opens (codes and verbatim answers masked). */
  transcript?: string[];
}

/** Channels that show no cards or buttons. */
const PLAIN_CHANNELS = new Set(["terminal", "email"]);
const TRANSCRIPT_LINES = 40;
const LANG_SWITCH: [RegExp, Lang][] = [
  [/^(in english( please)?|english( please)?|en anglais( svp| s'il vous plait)?|can we speak english\??)$/, "en"],
  [/^(en francais( svp| s'il vous plait| please)?|in french( please)?|francais( svp)?|parlez[- ]vous francais\??)$/, "fr"],
];

export class TurnPreparer {
  constructor(
    private readonly ctx: CoreContext,
    private readonly profile: StatePropertyAccessor<ConversationProfile>,
    private readonly dialogState: StatePropertyAccessor<DialogState>,
  ) {}

  /** `switchedTo`: the message only asked for another language. */
  /** `ctx`: the turn's core context, its logger stamped with the conversation's correlation id. */
  async prepare(context: TurnContext, ctx: CoreContext = this.ctx): Promise<{ info: TurnInfo; switchedTo?: Lang }> {
    const a = context.activity;
    if (a.channelId === "msteams") TurnContext.removeRecipientMention(a);
    const text = String(a.text ?? "")
      .replace(/<[^>]*>/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    const value = a.value && typeof a.value === "object" && !Array.isArray(a.value) ? (a.value as Record<string, unknown>) : null;
    const profile = await this.profile.get(context, {});
    const classification = classify(text, { channel: "chat" });
    const switchedTo = LANG_SWITCH.find(([re]) => re.test(foldText(text).replace(/[.!]+$/, "")))?.[1];
    // The terminal's --lang fixes the language of the whole conversation.
    const forced = a.channelId === "terminal" && isLang(a.channelData?.lang) ? (a.channelData.lang as Lang) : undefined;
    const channelKey = channelKeyOf(context);
    const teamsUserKey = a.channelId === "msteams" ? (a.from?.aadObjectId ?? a.from?.id ?? null) : null;
    let account = await getChatSession(ctx, { channelKey });
    if (!account && teamsUserKey) account = await findAccountByChannelIdentity(ctx, { channel: "msteams", userKey: teamsUserKey });
    const accountId = account?.accountId ?? null;
    // The reply follows each message's language; two words or fewer (« oui », a code, « Léa's documents ») are
    // too few to tell, and keep the conversation's (or the account's, or the channel locale's).
    const words = text.split(/\s+/).filter((w) => /\p{L}{2}/u.test(w)).length;
    const localeLang = isLang(a.locale?.slice(0, 2)) ? (a.locale!.slice(0, 2) as Lang) : undefined;
    const lang: Lang =
      switchedTo ?? forced ?? (words >= 3 ? classification.lang : (profile.lang ?? account?.lang ?? localeLang ?? classification.lang));

    profile.lang = lang;
    // Prompts recognise « oui », « non », « deux » by the activity's locale: make it the turn's language.
    a.locale = lang === "fr" ? "fr-FR" : "en-US";
    const verbatim = RAW_TEXT_PROMPTS.has(innermostId(await this.dialogState.get(context, { dialogStack: [] })) ?? "");
    const line = verbatim ? "••••••" : text || (value ? "[bouton]" : "");
    if (line)
      profile.transcript = [...(profile.transcript ?? []), /^\s*\d{3}\s?\d{3}\s*$/.test(line) ? "••••••" : line.slice(0, 500)].slice(
        -TRANSCRIPT_LINES,
      );

    const info: TurnInfo = {
      lang,
      channelKey,
      accountId,
      text,
      value,
      classification,
      teamsUserKey,
      plainText: PLAIN_CHANNELS.has(a.channelId),
      transcript: profile.transcript,
      switchedTo,
      files: (a.attachments ?? []).filter((x) => !x.contentType?.startsWith("application/vnd.microsoft.card")).length,
    };
    setTurnInfo(context, info);
    return { info, switchedTo };
  }
}

/** The id of the innermost active dialog in a stored dialog state (a ComponentDialog keeps its own under `dialogs`). */
function innermostId(state: DialogState | undefined): string | undefined {
  let id: string | undefined;
  let s: DialogState | undefined = state;
  while (s?.dialogStack?.length) {
    // botbuilder pushes: the active dialog is the last of the stack.
    const top = s.dialogStack[s.dialogStack.length - 1];
    id = top.id;
    s = (top.state as { dialogs?: DialogState } | undefined)?.dialogs;
  }
  return id;
}
