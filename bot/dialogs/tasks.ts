// Which task dialog answers an intent or a catalog offer (records topics are routed by record-topic.ts).
import type { IntentId } from "../../core";
import type { AnswerOffer } from "../answer-catalog";
import { PASSWORD_RESET_DIALOG } from "./password-reset-dialog";
import { LOGIN_ID_DIALOG } from "./login-id-dialog";
import { CHANGE_PASSWORD_DIALOG } from "./change-password-dialog";
import { CHANGE_SECRET_QUESTION_DIALOG } from "./change-secret-question-dialog";
import { ACCOUNT_HELP_DIALOG } from "./account-help-dialog";
import { HELP_FORM_DIALOG } from "./help-form-dialog";

export interface Task {
  dialog: string;
  options?: Record<string, unknown>;
}

export const TASK_OF_INTENT: Partial<Record<IntentId, Task>> = {
  "account.password_reset": { dialog: PASSWORD_RESET_DIALOG },
  "account.login_id": { dialog: LOGIN_ID_DIALOG },
  "account.password_change": { dialog: CHANGE_PASSWORD_DIALOG },
  "account.secret_question_change": { dialog: CHANGE_SECRET_QUESTION_DIALOG },
  "account.create": { dialog: ACCOUNT_HELP_DIALOG, options: { mode: "create" } },
  "account.activate": { dialog: ACCOUNT_HELP_DIALOG, options: { mode: "activate" } },
};

export const TASK_OF_OFFER: Partial<Record<AnswerOffer, Task>> = {
  login_id: { dialog: LOGIN_ID_DIALOG },
  change_password: { dialog: CHANGE_PASSWORD_DIALOG },
  change_secret_question: { dialog: CHANGE_SECRET_QUESTION_DIALOG },
  create_account: { dialog: ACCOUNT_HELP_DIALOG, options: { mode: "create" } },
  new_family: { dialog: ACCOUNT_HELP_DIALOG, options: { mode: "newFamily" } },
  resend_validation: { dialog: ACCOUNT_HELP_DIALOG, options: { mode: "activate" } },
  open_ticket: { dialog: HELP_FORM_DIALOG },
};
