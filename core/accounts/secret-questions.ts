// The secret questions the portal offers (templates/<lang>/accounts.json `secretQuestions`), and the stable
// decoy shown for an email that has no account, so that nobody learns which emails have one.
import type { CoreContext } from "../context";
import { translator, type Lang } from "../i18n";
import { keyedHash } from "./app-secret";

export function listSecretQuestions(lang: Lang): string[] {
  const list = translator(lang)("accounts:secretQuestions", { returnObjects: true }) as unknown;
  if (!Array.isArray(list) || list.length === 0) throw new Error(`templates/${lang}/accounts.json has no secretQuestions`);
  return list.map(String);
}

/** Share of decoys given in English: about that of the board's English-speaking accounts. */
const ENGLISH_DECOYS_PER_256 = 32;

/**
 * The same question every time for this email (HMAC-SHA256 with the server secret picks it), in a language
 * the hash picks too — never the language of the request: a real question does not change when the
 * conversation switches language, so a decoy that did would tell which emails have no account.
 */
export function decoySecretQuestion(ctx: CoreContext, normalizedEmail: string): string {
  const digest = keyedHash(ctx, "decoy-question", normalizedEmail);
  const lang: Lang = parseInt(digest.slice(12, 14), 16) < ENGLISH_DECOYS_PER_256 ? "en" : "fr";
  const list = listSecretQuestions(lang);
  const n = parseInt(digest.slice(0, 12), 16);
  return list[n % list.length];
}
