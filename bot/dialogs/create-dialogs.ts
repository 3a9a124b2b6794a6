// The dialogs, built once with their dependencies, under the root dialog.
import type { CoreContext } from "../../core";
import type { AnswerCatalog } from "../answer-catalog";
import { MainDialog } from "./main-dialog";
import { SignInDialog } from "./sign-in-dialog";
import { RecordsDialog } from "./records-dialog";
import { PasswordResetDialog } from "./password-reset-dialog";
import { LoginIdDialog } from "./login-id-dialog";
import { ChangePasswordDialog } from "./change-password-dialog";
import { ChangeSecretQuestionDialog } from "./change-secret-question-dialog";
import { AccountHelpDialog } from "./account-help-dialog";
import { HelpFormDialog } from "./help-form-dialog";
import { NoticesDialog } from "./notices-dialog";

export function createDialogs(ctx: CoreContext, catalog: AnswerCatalog): MainDialog {
  const signIn = new SignInDialog(ctx);
  return new MainDialog(ctx, catalog, [
    signIn,
    new RecordsDialog(ctx),
    new PasswordResetDialog(ctx),
    new LoginIdDialog(ctx),
    new ChangePasswordDialog(ctx),
    new ChangeSecretQuestionDialog(ctx),
    new AccountHelpDialog(ctx, catalog),
    new HelpFormDialog(ctx, catalog),
    new NoticesDialog(ctx),
  ]);
}
