// The base of every task dialog: « aide », « annuler », « menu », « déconnexion » (and English) handled once,
// here, and only when they are the whole message — never while a prompt is waiting for free text that could
// be those very words (a secret answer, a name, a password), where only the Cancel button interrupts.
import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from "botbuilder-dialogs";
import { signOutChat, type CoreContext } from "../../core";
import { interruptionOf } from "../interruptions";
import { sendReply } from "../replies";
import { tr, turnCoreContext, turnInfo } from "../turn-info";

/** Prompts whose answer is taken verbatim. */
export const RAW_TEXT_PROMPTS = new Set(["secretAnswerPrompt", "passwordPrompt", "namePrompt", "freeTextPrompt"]);

export const CANCEL_VALUE = { ap: "cancel" } as const;

function innermostDialogId(dc: DialogContext): string | undefined {
  let c: DialogContext | undefined = dc;
  while (c?.child) c = c.child;
  return c?.activeDialog?.id;
}

export abstract class InterruptibleDialog extends ComponentDialog {
  constructor(
    id: string,
    private readonly baseCtx: CoreContext,
  ) {
    super(id);
  }

  /** The running turn's core context (correlated logger); the dialog itself is built once per process. */
  protected get ctx(): CoreContext {
    return turnCoreContext(this.baseCtx);
  }

  async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const info = turnInfo(innerDc.context);
    const t = tr(innerDc.context);
    if (info.switchedTo) {
      await sendReply(innerDc.context, t("bot:lang.switched"));
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    const pressedCancel = info.value?.ap === "cancel";
    const kind = pressedCancel ? "cancel" : RAW_TEXT_PROMPTS.has(innermostDialogId(innerDc) ?? "") ? null : interruptionOf(info.text);
    if (!kind) return undefined;
    if (kind === "help") {
      await sendReply(innerDc.context, t("bot:interrupt.help"));
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    if (kind === "signOut") {
      const { signedOut } = await signOutChat(this.ctx, { channelKey: info.channelKey });
      info.accountId = null;
      await sendReply(innerDc.context, t(signedOut ? "bot:signIn.signedOut" : "bot:signIn.notSignedIn"));
    } else {
      await sendReply(innerDc.context, t(kind === "menu" ? "bot:interrupt.menu" : "bot:interrupt.cancelled"), menuButtons(t));
    }
    return innerDc.cancelAllDialogs();
  }
}

export function menuButtons(t: (k: string) => string) {
  return ["schedule", "attendance", "reportCards", "resetPassword", "human"].map((k) => ({ title: t(`bot:menu.${k}`) }));
}
