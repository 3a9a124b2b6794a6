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

  it("offers one list of secret questions (ids + text in each language), seed 1's among them", () => {
    const list = listSecretQuestions();
    expect(list.map((q) => q.id)).toEqual(Object.keys(fr.secretQuestions as object));
    expect(list.map((q) => q.id)).toEqual(Object.keys(en.secretQuestions as object));
    expect(new Set(list.map((q) => q.id)).size).toBe(list.length);
    for (const q of list) {
      expect(q.id).toMatch(/^[a-z][a-z_]*$/);
      expect(q.text.fr).toMatch(/\?$/);
      expect(q.text.en).toMatch(/\?$/);
    }
    expect(list).toContainEqual({
      id: "favourite_character",
      text: { fr: "Quel est le nom de votre personnage fictif préféré?", en: "What is the name of your favourite fictional character?" },
    });
    // The demo's questions are in it (they once were free text a decoy could not produce).
    expect(list.map((q) => q.text.fr)).toEqual(
      expect.arrayContaining(["Quel est le nom de jeune fille de votre mère?", "Dans quelle ville êtes-vous né(e)?"]),
    );
  });
});
