// The prompts the task dialogs share, with their ids (RAW_TEXT_PROMPTS in interruptible-dialog.ts lists those
// whose answer is taken verbatim, so that « aide » or « annuler » typed there is an answer, not a command).
import { TextPrompt, type PromptValidatorContext } from "botbuilder-dialogs";
import { looksLikeEmail, normalizeEmail } from "../../core";

export const EMAIL_PROMPT = "emailPrompt";
export const CODE_PROMPT = "codePrompt";
export const TEXT_PROMPT = "textPrompt";
export const SECRET_ANSWER_PROMPT = "secretAnswerPrompt";
export const PASSWORD_PROMPT = "passwordPrompt";
export const NAME_PROMPT = "namePrompt";
export const FREE_TEXT_PROMPT = "freeTextPrompt";
export const CHOICE_PROMPT = "choicePrompt";
export const CONFIRM_PROMPT = "confirmPrompt";

/** Longest answer a prompt keeps (a secret answer is at most 100, a description goes to the ticket in full). */
export const MAX_PROMPT_TEXT = 4000;

export const emailValidator = async (p: PromptValidatorContext<string>) =>
  p.recognized.succeeded && looksLikeEmail(normalizeEmail(p.recognized.value ?? ""));
export const codeValidator = async (p: PromptValidatorContext<string>) => /^\s*\d{3}\s?\d{3}\s*$/.test(p.recognized.value ?? "");
export const nonEmptyValidator = async (p: PromptValidatorContext<string>) =>
  p.recognized.succeeded && (p.recognized.value ?? "").trim().length > 0 && (p.recognized.value ?? "").length <= MAX_PROMPT_TEXT;

export function textPrompts(): TextPrompt[] {
  return [
    new TextPrompt(EMAIL_PROMPT, emailValidator),
    new TextPrompt(CODE_PROMPT, codeValidator),
    new TextPrompt(TEXT_PROMPT, nonEmptyValidator),
    new TextPrompt(SECRET_ANSWER_PROMPT, nonEmptyValidator),
    new TextPrompt(PASSWORD_PROMPT, nonEmptyValidator),
    new TextPrompt(NAME_PROMPT, nonEmptyValidator),
    new TextPrompt(FREE_TEXT_PROMPT, nonEmptyValidator),
  ];
}

/** What a waterfall keeps between its steps (botbuilder types it as a bare object). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StepValues = Record<string, any>;
export const valuesOf = (step: { values: object }) => step.values as StepValues;
