// Public surface of the accounts: creation (seed 1 §1.2, seed 2's new families), sign-in, reset by secret
// question, login id, password and secret-question changes, chat sign-in codes and sessions.
export { ACCOUNT_ERRORS, type AccountErrorName } from "./account-error";
export { ACCOUNT_POLICY } from "./account-policy";
// findAccountByEmail stays inside core/accounts: its rows carry the password and answer hashes.
export { getAccountSummary, maskEmail, type AccountSummary } from "./account-summary";
export { validateAccountEmail, type ValidateAccountEmailOptions, type ValidatedAccountEmail } from "./validate-account-email";
export { requestAccountCreation, type RequestAccountCreationOptions, type AccountCreationRequested } from "./request-account-creation";
export {
  checkValidationToken,
  completeAccountCreation,
  confirmAccountEmail,
  type CheckValidationTokenResult,
  type CompleteAccountCreationOptions,
} from "./complete-account-creation";
export { resendValidationEmail, type ResendValidationEmailOptions } from "./resend-validation-email";
export { requestNewFamilyAccount, type RequestNewFamilyAccountOptions, type NewFamilyProfile } from "./request-new-family-account";
export { approveNewFamilyAccount, rejectNewFamilyAccount, type ReviewNewFamilyAccountOptions } from "./review-new-family-account";
export { signIn, type SignInOptions, type SignedIn } from "./sign-in";
export { listSecretQuestions } from "./secret-questions";
export { getSecretQuestion, type GetSecretQuestionOptions } from "./get-secret-question";
export {
  resetPasswordWithSecretAnswer,
  type ResetPasswordWithSecretAnswerOptions,
  type PasswordResetDone,
} from "./reset-password-with-secret-answer";
export { sendLoginIdReminder, type SendLoginIdReminderOptions } from "./send-login-id-reminder";
export { changePassword, type ChangePasswordOptions } from "./change-password";
export { confirmAccountPassword } from "./password-proof";
export { changeSecretQuestion, type ChangeSecretQuestionOptions } from "./change-secret-question";
export {
  sendChatSignInCode,
  verifyChatSignInCode,
  type SendChatSignInCodeOptions,
  type VerifyChatSignInCodeOptions,
  type ChatSignedIn,
} from "./chat-sign-in";
export { getChatSession, signOutChat, type ChatSession } from "./chat-session";
export { openLocalChatSession } from "./open-local-chat-session";
export { linkChannelIdentity, findAccountByChannelIdentity, type ChannelIdentityOptions } from "./channel-identity";
