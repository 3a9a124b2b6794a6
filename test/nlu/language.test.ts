/** Per-message language detection: fr/en, everything else answered in French with a flag. */
import { detectLanguage, classify } from "../../core/nlu";

describe("detectLanguage", () => {
  it.each([
    ["ou est l horaire de ma fille", "fr"],
    ["slt jsp mon mdp", "fr"],
    ["je veux checker le schedule de mon gars", "fr"],
    ["Bonjour, je n'arrive pas à me connecter", "fr"],
    ["I forgot my password", "en"],
    ["where is my son's report card?", "en"],
    ["hi, can someone call me", "en"],
    ["merci", "fr"],
  ])("%s → %s", (text, lang) => {
    expect(detectLanguage(text)).toEqual({ lang, otherLanguage: false });
  });

  it("flags another language and answers in French", () => {
    expect(detectLanguage("Hola, necesito ver las notas de mi hijo por favor")).toEqual({ lang: "fr", otherLanguage: true });
    expect(detectLanguage("مرحبا، لا أستطيع الدخول إلى حسابي")).toEqual({ lang: "fr", otherLanguage: true });
    expect(detectLanguage("我忘记了我的密码")).toEqual({ lang: "fr", otherLanguage: true });
  });

  it("defaults to French when there is nothing to go on", () => {
    expect(detectLanguage("")).toEqual({ lang: "fr", otherLanguage: false });
    expect(detectLanguage("🙂🙂 ???")).toEqual({ lang: "fr", otherLanguage: false });
  });

  it("is reported by classify as well", () => {
    const c = classify("my daughter's schedule for tomorrow please");
    expect(c.lang).toBe("en");
    expect(c.otherLanguage).toBe(false);
  });
});
