// The bot: thin, as in BotBuilder-Samples. Per message it works out the turn (language, who is signed in,
// the text without Teams @mentions, any card payload), runs the root dialog, and saves state once at the end.
// In Teams it is a TeamsActivityHandler; a new member is welcomed in the board's language.
import { TeamsActivityHandler, TurnContext, type ConversationState, type StatePropertyAccessor, type UserState } from "botbuilder";
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from "botbuilder-dialogs";
import { classify, findAccountByChannelIdentity, foldText, getChatSession, isLang, translator, type CoreContext, type Lang } from "../core";
import { channelKeyOf, setTurnInfo, type TurnInfo } from "./turn-info";
import { sendReply } from "./replies";
import { menuButtons, RAW_TEXT_PROMPTS } from "./dialogs/interruptible-dialog";

export interface ConversationProfile {
  lang?: Lang;
  /** The last lines of the conversation, for the ticket a handoff opens (never a secret: see recordLine). */
  transcript?: string[];
}

/** Channels that show no cards or buttons. */
const PLAIN_CHANNELS = new Set(["terminal", "email"]);
const TRANSCRIPT_LINES = 40;
const LANG_SWITCH: [RegExp, Lang][] = [
  [/^(in english( please)?|english( please)?|en anglais( svp| s'il vous plait)?|can we speak english\??)$/, "en"],
  [/^(en francais( svp| s'il vous plait| please)?|in french( please)?|francais( svp)?|parlez[- ]vous francais\??)$/, "fr"],
];

export class AidePortailBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  readonly profile: StatePropertyAccessor<ConversationProfile>;
  private readonly dialogs: DialogSet;

  constructor(
    private readonly ctx: CoreContext,
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly rootDialog: Dialog,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>("dialogState");
    this.profile = conversationState.createProperty<ConversationProfile>("profile");
    this.dialogs = new DialogSet(this.dialogState).add(rootDialog);

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      for (const m of context.activity.membersAdded ?? []) {
        if (m.id === botId) continue;
        const lang = isLang(context.activity.locale?.slice(0, 2)) ? (context.activity.locale!.slice(0, 2) as Lang) : "fr";
        await this.withTurn(context, lang, "", null);
        await sendReply(context, String(translator(lang)("bot:main.welcome")), menuButtons((k) => String(translator(lang)(k))));
      }
      await next();
    });
  }

  /** Saves conversation and user state once, after everything the turn did (the samples' pattern). */
  async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    if (context.activity.channelId === "msteams") TurnContext.removeRecipientMention(context.activity);
    const text = String(context.activity.text ?? "").replace(/<[^>]*>/g, " ").trim();
    const value = context.activity.value && typeof context.activity.value === "object" ? (context.activity.value as Record<string, unknown>) : null;
    const profile = await this.profile.get(context, {});
    const classification = classify(text, { channel: "chat" });
    const folded = foldText(text).replace(/[.!]+$/, "");
    const switched = LANG_SWITCH.find(([re]) => re.test(folded))?.[1];
    // The reply follows each message's language; a word or two (« oui », a code, a name) keeps the conversation's.
    const words = text.split(/\s+/).filter((w) => /\p{L}{2}/u.test(w)).length;
    // The terminal's --lang fixes the language of the whole conversation.
    const forced = context.activity.channelId === "terminal" && isLang(context.activity.channelData?.lang) ? (context.activity.channelData.lang as Lang) : undefined;
    const lang: Lang = switched ?? forced ?? (words >= 2 && text.length >= 8 ? classification.lang : (profile.lang ?? classification.lang));
    profile.lang = lang;
    const info = await this.withTurn(context, lang, text, value, classification);
    const verbatim = RAW_TEXT_PROMPTS.has(innermostId(await this.dialogState.get(context, { dialogStack: [] })) ?? "");
    recordLine(profile, verbatim ? "••••••" : text || (value ? "[bouton]" : ""));
    info.transcript = profile.transcript;
    if (switched) {
      await sendReply(context, String(translator(lang)("bot:lang.switched")), menuButtons((k) => String(translator(lang)(k))));
      return;
    }
    if ((context.activity.attachments ?? []).some((a) => !a.contentType?.startsWith("application/vnd.microsoft.card")) && !value) {
      await sendReply(context, String(translator(lang)("bot:input.attachments")));
      if (!text) return;
    }
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.rootDialog.id);
  }

  private async withTurn(context: TurnContext, lang: Lang, text: string, value: Record<string, unknown> | null, classification = classify(text)): Promise<TurnInfo> {
    const channelKey = channelKeyOf(context);
    const teamsUserKey = context.activity.channelId === "msteams" ? (context.activity.from?.aadObjectId ?? context.activity.from?.id ?? null) : null;
    let accountId = (await getChatSession(this.ctx, { channelKey }))?.accountId ?? null;
    if (!accountId && teamsUserKey) accountId = (await findAccountByChannelIdentity(this.ctx, { channel: "msteams", userKey: teamsUserKey }))?.accountId ?? null;
    const info: TurnInfo = { lang, channelKey, accountId, text, value, classification, teamsUserKey, plainText: PLAIN_CHANNELS.has(context.activity.channelId) };
    setTurnInfo(context, info);
    return info;
  }
}

/** Keeps the parent's side of the conversation for a handoff ticket; codes and verbatim answers are masked. */
function recordLine(profile: ConversationProfile, text: string): void {
  if (!text) return;
  const lines = profile.transcript ?? [];
  lines.push(/^\s*\d{3}\s?\d{3}\s*$/.test(text) ? "••••••" : text.slice(0, 500));
  profile.transcript = lines.slice(-TRANSCRIPT_LINES);
}

/** The id of the innermost active dialog in a stored dialog state (a ComponentDialog keeps its own under `dialogs`). */
function innermostId(state: DialogState | undefined): string | undefined {
  let id: string | undefined;
  let s: DialogState | undefined = state;
  while (s?.dialogStack?.length) {
    const top = s.dialogStack[0];
    id = top.id;
    s = (top.state as { dialogs?: DialogState } | undefined)?.dialogs;
  }
  return id;
}
