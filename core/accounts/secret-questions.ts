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

/** The same question every time for this email (HMAC-SHA256 with the server secret picks it). */
export function decoySecretQuestion(ctx: CoreContext, normalizedEmail: string, lang: Lang): string {
  const list = listSecretQuestions(lang);
  const n = parseInt(keyedHash(ctx, "decoy-question", normalizedEmail).slice(0, 12), 16);
  return list[n % list.length];
}
