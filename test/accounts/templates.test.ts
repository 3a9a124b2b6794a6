import { loadResources } from "../../core/i18n";
import { ACCOUNT_ERRORS, listSecretQuestions } from "../../core/accounts";

const res = loadResources();
const fr = res.fr.accounts as Record<string, unknown>;
const en = res.en.accounts as Record<string, unknown>;

function flatten(o: unknown, prefix = ""): Record<string, string> {
  if (typeof o === "string") return { [prefix]: o };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) Object.assign(out, flatten(v, prefix ? `${prefix}.${k}` : k));
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe("templates/<lang>/accounts.json", () => {
  it("has the same keys and placeholders in French and English", () => {
    const f = flatten(fr);
    const e = flatten(en);
    expect(Object.keys(e).sort()).toEqual(Object.keys(f).sort());
    for (const k of Object.keys(f)) expect([k, placeholders(e[k])]).toEqual([k, placeholders(f[k])]);
  });

  // Every error code's message in both languages: test/core/error-codes.test.ts.
  it("gives the unknown email the seed's own wording", () => {
    const errors = res.fr.errors as { accounts: Record<string, string> };
    expect(ACCOUNT_ERRORS).toContain("email_not_in_contacts");
    expect(errors.accounts.email_not_in_contacts).toContain("L'adresse courriel entrée n'existe pas dans nos contacts");
  });

  it("offers seed 1's secret question, the same number in both languages", () => {
    expect(listSecretQuestions("fr")).toContain("Quel est le nom de votre personnage fictif préféré?");
    expect(listSecretQuestions("en")).toHaveLength(listSecretQuestions("fr").length);
  });
});
