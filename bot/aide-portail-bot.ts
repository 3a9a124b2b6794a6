// The bot: thin, as in BotBuilder-Samples. Per message: prepare the turn (turn-preparer.ts), answer a language
// switch or an attachment, run the root dialog; state is saved once at the end of the turn. In Teams it is a
// TeamsActivityHandler; a new member is welcomed in the channel's language.
import { TeamsActivityHandler, type ConversationState, type StatePropertyAccessor, type TurnContext, type UserState } from "botbuilder";
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from "botbuilder-dialogs";
import { classify, correlationIdFor, isLang, translator, withCorrelation, type CoreContext, type Lang, type TurnRecord } from "../core";
import { channelKeyOf, runInTurnScope, setTurnInfo, turnCoreContext, type TurnInfo } from "./turn-info";
import { sendReply } from "./replies";
import { menuButtons } from "./dialogs/interruptible-dialog";
import { TurnPreparer, type ConversationProfile } from "./turn-preparer";

/** Told of every message turn once it is answered (ChannelDeps.metrics.recordTurn). */
export type TurnObserver = (t: TurnRecord) => void;

export class AidePortailBot extends TeamsActivityHandler {
  readonly dialogState: StatePropertyAccessor<DialogState>;
  readonly profile: StatePropertyAccessor<ConversationProfile>;
  readonly preparer: TurnPreparer;
  private readonly dialogs: DialogSet;

  constructor(
    private readonly ctx: CoreContext,
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly rootDialog: Dialog,
    private readonly observeTurn: TurnObserver = () => {},
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>("dialogState");
    this.profile = conversationState.createProperty<ConversationProfile>("profile");
    this.preparer = new TurnPreparer(ctx, this.profile, this.dialogState);
    this.dialogs = new DialogSet(this.dialogState).add(rootDialog);

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const lang: Lang = isLang(context.activity.locale?.slice(0, 2)) ? (context.activity.locale!.slice(0, 2) as Lang) : "fr";
      const t = (k: string) => String(translator(lang)(k));
      for (const m of context.activity.membersAdded ?? []) {
        if (m.id === context.activity.recipient?.id) continue;
        setTurnInfo(context, {
          lang,
          channelKey: "",
          accountId: null,
          text: "",
          value: null,
          classification: classify(""),
          teamsUserKey: null,
          plainText: context.activity.channelId === "terminal",
          files: 0,
        });
        await sendReply(context, t("bot:main.welcome"), menuButtons(t));
      }
      await next();
    });
  }

  /**
   * Saves conversation and user state once, after everything the turn did (the samples' pattern); a message
   * turn is then counted (channel, intent, confidence, seconds) and logged under its conversation's correlation id.
   */
  async run(context: TurnContext): Promise<void> {
    const started = performance.now();
    await runInTurnScope(turnContext(this.ctx, context), () => super.run(context));
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
    const info = context.turnState.get(PREPARED) as TurnInfo | undefined;
    if (!info) return;
    const seconds = (performance.now() - started) / 1000;
    const { intent, confidence } = info.classification;
    this.observeTurn({ channel: context.activity.channelId, intent, confidence, seconds });
    turnContext(this.ctx, context).log.debug({ component: "bot", intent, confidence, ms: Math.round(seconds * 1000) }, "turn answered");
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const { info } = await this.preparer.prepare(context, turnCoreContext(this.ctx));
    context.turnState.set(PREPARED, info);
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.rootDialog.id);
  }
}

const PREPARED = Symbol("aide-portail.prepared");

/** The core context of one turn: its logger stamps the conversation's correlation id. */
export function turnContext(ctx: CoreContext, context: TurnContext): CoreContext {
  return withCorrelation(ctx, correlationIdFor("conversation", channelKeyOf(context)));
}
