// The parent's own data an answer may carry: their first name, the masked login email, the first names of
// the children their account shows and those children's schools. Read through the accounts and records use
// cases only, so the answer can never show more than the account itself shows (no other family, no child
// the SIS keeps out of the portal). An unknown or inactive account gives null, exactly like no account.
import type { CoreContext } from "../context";
import { isAppError } from "../errors";
import { translator, type Lang } from "../i18n";
import { getAccountSummary, maskEmail } from "../accounts/account-summary";
import { listChildren } from "../records/list-children";

export interface ParentFacts {
  givenName: string | null;
  maskedEmail: string;
  /** « Léa et Mathéo »; empty when the account shows no child. */
  children: string;
  childCount: number;
  /** « de Léa et Mathéo », « d'Émile et Zoé » (templates' grammar.of / grammar.ofElided). */
  ofChildren: string;
  /** « Léa (EEP Jeanne-Sauvé) et Mathéo (ESP Gisèle-Lalonde) ». */
  childrenWithSchools: string;
  /** « EEP Jeanne-Sauvé ou ESP Gisèle-Lalonde »: one of them is the right office. */
  schools: string;
  schoolCount: number;
  /** The secondary-school children only (credits and diploma). */
  secondaryChildren: string;
  secondaryCount: number;
  ofSecondaryChildren: string;
}

function listFormat(lang: Lang, type: "conjunction" | "disjunction"): Intl.ListFormat {
  return new Intl.ListFormat(`${lang}-CA`, { style: "long", type });
}

// French elides « de » before a vowel or a mute h: « d'Émile », « d'Hugo ». The words are the templates'.
const ELIDES = /^[aeiouyhàâäéèêëîïôöùûüÿæœ]/i;

function ofNames(lang: Lang, names: string): string {
  return translator(lang)(ELIDES.test(names) ? "answers:grammar.ofElided" : "answers:grammar.of", { names });
}

export async function loadParentFacts(ctx: CoreContext, opts: { accountId: string; lang: Lang }): Promise<ParentFacts | null> {
  if (typeof opts.accountId !== "string" || opts.accountId.length === 0 || opts.accountId.length > 100) return null;
  let summary;
  try {
    summary = await getAccountSummary(ctx, { accountId: opts.accountId });
  } catch (err) {
    // Not found (or any refusal of the accounts module) reads exactly like « no account »: nothing to probe.
    if (isAppError(err)) return null;
    throw err;
  }
  if (summary.status !== "ACTIVE") return null;
  const children = await listChildren(ctx, { accountId: summary.id });
  const and = listFormat(opts.lang, "conjunction");
  const name = (c: (typeof children)[number]) => c.preferredName?.trim() || c.givenName;
  const schools = [...new Set(children.flatMap((c) => (c.school ? [c.school.name] : [])))];
  const secondary = children.filter((c) => c.level === "SECONDARY");
  const childNames = and.format(children.map(name));
  const secondaryNames = and.format(secondary.map(name));
  return {
    givenName: summary.guardian?.givenName?.trim() || null,
    maskedEmail: maskEmail(summary.email),
    children: childNames,
    childCount: children.length,
    ofChildren: ofNames(opts.lang, childNames),
    childrenWithSchools: and.format(children.map((c) => (c.school ? `${name(c)} (${c.school.name})` : name(c)))),
    schools: listFormat(opts.lang, "disjunction").format(schools),
    schoolCount: schools.length,
    secondaryChildren: secondaryNames,
    secondaryCount: secondary.length,
    ofSecondaryChildren: ofNames(opts.lang, secondaryNames),
  };
}
