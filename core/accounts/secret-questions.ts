// The one list of secret questions the portal offers (seed 1's form: « Question secrète : Choisir »): ids and
// their wording in templates/<lang>/accounts.json `secretQuestions`. Accounts keep the id; a question is shown
// in the conversation's language. Decoys for emails without an account come from this same list, so a real
// question can never look different from a decoy.
import type { CoreContext } from "../context";
import { LANGS, translator, type Lang } from "../i18n";
import { keyedHash } from "./app-secret";

export interface SecretQuestion {
  /** Stable id, stored on the account (e.g. `favourite_character`). */
  id: string;
  text: Record<Lang, string>;
}

let cached: SecretQuestion[] | undefined;

function wording(lang: Lang): Record<string, string> {
  const list = translator(lang)("accounts:secretQuestions", { returnObjects: true }) as unknown;
  if (!list || typeof list !== "object" || Array.isArray(list) || Object.keys(list).length === 0) {
    throw new Error(`templates/${lang}/accounts.json has no secretQuestions`);
  }
  return list as Record<string, string>;
}

/** Every question, in the order of the form, with its text in each language (for the chat bot's choices). */
export function listSecretQuestions(): SecretQuestion[] {
  if (cached) return cached;
  const byLang = Object.fromEntries(LANGS.map((l) => [l, wording(l)])) as Record<Lang, Record<string, string>>;
  const ids = Object.keys(byLang.fr);
  for (const lang of LANGS) {
    const other = Object.keys(byLang[lang]);
    if (other.length !== ids.length || other.some((id) => !ids.includes(id)))
      throw new Error(`templates/${lang}/accounts.json: secretQuestions ids differ from French`);
  }
  cached = ids.map((id) => ({ id, text: Object.fromEntries(LANGS.map((l) => [l, String(byLang[l][id])])) as Record<Lang, string> }));
  return cached;
}

export function isSecretQuestionId(id: unknown): id is string {
  return typeof id === "string" && listSecretQuestions().some((q) => q.id === id);
}

/** The question's text in `lang`, or null for an id that is not in the list. */
export function secretQuestionText(id: string | null | undefined, lang: Lang): string | null {
  return listSecretQuestions().find((q) => q.id === id)?.text[lang] ?? null;
}

/** Share of decoys in English when no language is asked for: about that of the board's English-speaking accounts. */
const ENGLISH_DECOYS_PER_256 = 32;

/**
 * The decoy of an email without an account: the same question every time (HMAC-SHA256 with the server secret
 * picks it from the list), and a language the hash picks too. That language stands where a real account's own
 * language would (when the caller gives none); given a conversation language, real and decoy questions are both
 * shown in it, so neither changes differently when the conversation switches language.
 */
export function decoySecretQuestion(ctx: CoreContext, normalizedEmail: string): { id: string; lang: Lang } {
  const digest = keyedHash(ctx, "decoy-question", normalizedEmail);
  const lang: Lang = parseInt(digest.slice(12, 14), 16) < ENGLISH_DECOYS_PER_256 ? "en" : "fr";
  const list = listSecretQuestions();
  const n = parseInt(digest.slice(0, 12), 16);
  return { id: list[n % list.length].id, lang };
}
