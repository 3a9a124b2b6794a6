/** Bad input never throws and gives a clean result; results are deterministic; emails are read for their request. */
import { classify, INTENTS } from "../../core/nlu";
import { extractRequest } from "../../core/nlu/email-text";
import { normalizeText } from "../../core/nlu/normalize";

const valid = new Set<string>(INTENTS);
const expectClean = (text: string) => {
  const c = classify(text);
  expect(valid.has(c.intent)).toBe(true);
  expect(c.confidence).toBeGreaterThanOrEqual(0);
  expect(c.confidence).toBeLessThanOrEqual(1);
  expect(["fr", "en"]).toContain(c.lang);
  return c;
};

describe("bad input", () => {
  it("empty or whitespace text is none with no confidence", () => {
    for (const t of ["", "   ", "\n\n\t"]) {
      const c = expectClean(t);
      expect(c.intent).toBe("none");
      expect(c.confidence).toBe(0);
    }
  });
  it("emoji or punctuation only is none", () => {
    for (const t of ["😀😀😀", "!!!???...", "🙏", "-_-", "***"]) expect(expectClean(t).intent).toBe("none");
  });
  it("keyboard mashing is none", () => {
    expect(expectClean("qwzxkj vbnmq plokij").intent).toBe("none");
  });
  it("non-string input does not throw", () => {
    expect(classify(undefined as unknown as string).intent).toBe("none");
    expect(classify(null as unknown as string).intent).toBe("none");
    expect(classify(42 as unknown as string).intent).toBe("none");
  });
  it("control characters are ignored", () => {
    expect(expectClean("j'ai oubli\u0000é mon mot\u0007 de passe\u001b").intent).toBe("account.password_reset");
    expectClean("\u0000\u0001\u0002\u0003");
  });
  it("HTML is stripped, entities decoded", () => {
    const html =
      "<html><head><style>p{color:red}</style></head><body><p>Bonjour,</p><p>je ne trouve pas le bulletin de ma fille&nbsp;!</p><script>alert(1)</script></body></html>";
    expect(expectClean(html).intent).toBe("records.report_card");
    expect(normalizeText("l&#39;horaire de L&eacute;a")).toBe("l horaire de lea");
  });
  it("10,000 characters: a clean result", () => {
    expectClean("bulletin ".repeat(1200));
    expectClean("a".repeat(10_000));
    expectClean("<".repeat(10_000));
    expectClean("Le 3 nov. 2025 a écrit ".repeat(500));
    const c = expectClean("j'ai oublié mon mot de passe. " + "Lorem ipsum dolor sit amet. ".repeat(400));
    expect(c.intent).toBe("account.password_reset");
  });
  it("another language: flagged, answered in French, no exception", () => {
    const c = expectClean("Hola, no puedo entrar a mi cuenta, ¿me pueden ayudar por favor?");
    expect(c.otherLanguage).toBe(true);
    expect(c.lang).toBe("fr");
  });
  it("runner-up is a different intent", () => {
    const c = expectClean("horaire");
    expect(c.runnerUp.intent).not.toBe(c.intent);
  });
});

describe("determinism", () => {
  it("the same text always gives the same classification", () => {
    const texts = ["ou est l horaire de ma fille", "I forgot my password", "Bonjour,\n\nmerci!\n\nMarie"];
    const first = texts.map((t) => classify(t));
    for (let i = 0; i < 3; i++) expect(texts.map((t) => classify(t))).toEqual(first);
  });
});

describe("emails", () => {
  const signed = [
    "Bonjour,",
    "",
    "Je suis la mère de Zoé, en 7e année à Gisèle-Lalonde. Je n'arrive pas à trouver son bulletin dans le portail.",
    "",
    "Merci, Marie Tremblay 613-555-0199",
    "Horaire du bureau : lundi au vendredi. Changer mon mot de passe, parler à quelqu'un, annuler.",
  ].join("\n");
  it("a signature does not outweigh the request", () => {
    expect(classify(signed, { channel: "email" }).intent).toBe("records.report_card");
    expect(extractRequest(signed)).not.toMatch(/Horaire du bureau/);
  });

  const reply = [
    "Bonjour,",
    "",
    "Mon fils Noah n'apparaît toujours pas dans mon compte du portail.",
    "",
    "Julie",
    "",
    "Le lun. 3 nov. 2025 à 10:12, Centre d'aide <aide@cepeo.on.ca> a écrit :",
    "> Bonjour, pour changer votre mot de passe, allez dans Gestion de mon compte.",
    "> Pour réinitialiser votre mot de passe oublié, cliquez sur Réinitialiser mon mot de passe.",
    "> Votre horaire est dans l'onglet Emploi du temps.",
  ].join("\n");
  it("a quoted reply does not outweigh the request", () => {
    expect(classify(reply, { channel: "email" }).intent).toBe("children.missing");
    expect(extractRequest(reply)).not.toMatch(/Gestion de mon compte/);
  });

  it("English reply headers and > lines are dropped", () => {
    const en =
      "Hi,\n\nMy daughter was marked absent yesterday but she was in class.\n\nThanks,\nJohn\n\nOn Mon, Nov 3, 2025 at 9:41 AM Help Desk <helpdesk@cepeo.on.ca> wrote:\n> To change your password go to Account settings.";
    expect(extractRequest(en)).not.toMatch(/change your password/);
    expect(classify(en, { channel: "email" }).intent).toBe("records.attendance");
  });

  it("a thank-you email that closes a ticket stays thanks", () => {
    expect(classify("Bonjour,\n\nMerci beaucoup, tout fonctionne maintenant!\n\nSylvie", { channel: "email" }).intent).toBe("thanks");
  });

  it("« m'a écrit » in the body is not mistaken for a quoted reply", () => {
    expect(extractRequest("La prof m'a écrit : il faut signer le formulaire de sortie.")).toMatch(/formulaire de sortie/);
  });
});
