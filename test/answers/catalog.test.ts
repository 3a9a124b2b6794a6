// Every intent of SPEC §6 has an answer in both languages, built from the templates alone (no database read
// without an account): non-empty, short enough for a phone screen, valid steps and offers, the same shape
// in French and English, and the seeds' key sentences where they belong.
import { INTENTS, type IntentId } from "../../core/nlu/intents";
import { LANGS, loadResources, type Lang } from "../../core/i18n";
import { ANSWER_CATALOG, ANSWER_OFFERS } from "../../core/answers/answer-catalog";
import { answerFor, answerPlainText, helpCentreContact, type Answer } from "../../core";
import type { CoreContext } from "../../core/context";
import { silentLogger } from "../../core/logger";
import { testConfig } from "../helpers/context";

// No accountId: answerFor must not touch the database, so a context without a client proves it.
const ctx = {
  prisma: undefined,
  config: testConfig(),
  log: silentLogger,
  now: () => new Date("2026-11-23T17:00:00Z"),
} as unknown as CoreContext;

const MAX_TEXT = 700;
const all: [IntentId, Lang][] = INTENTS.flatMap((i) => LANGS.map((l) => [i, l] as [IntentId, Lang]));
const get = (intent: IntentId, lang: Lang) => answerFor(ctx, { intent, lang });

describe("answer catalog", () => {
  it("has one entry per intent and nothing else", () => {
    expect(Object.keys(ANSWER_CATALOG).sort()).toEqual([...INTENTS].sort());
  });

  it.each(all)("%s (%s): non-empty text, valid steps and offers, fits a phone screen", async (intent, lang) => {
    const a = await get(intent, lang);
    expect(a).toMatchObject({ intent, lang, personalised: false });
    expect(a.text.trim().length).toBeGreaterThan(20);
    expect(a.text.length).toBeLessThanOrEqual(MAX_TEXT);
    expect(a.text).not.toMatch(/{{|}}|answers:|intents\./); // every placeholder filled, no key leaked
    expect(a.text).not.toMatch(/\n{3,}/); // paragraphs: exactly one blank line between them
    for (const s of a.steps) expect(s.trim().length).toBeGreaterThan(5);
    expect(a.steps.every((s) => typeof s === "string" && !s.includes("{{"))).toBe(true);
    for (const o of a.offers) expect(ANSWER_OFFERS).toContain(o);
    expect(new Set(a.offers).size).toBe(a.offers.length);
    expect(typeof a.selfService).toBe("boolean");
  });

  it.each(INTENTS)("%s: French and English have the same steps count, offers and self-service flag", async (intent) => {
    const [fr, en] = await Promise.all([get(intent, "fr"), get(intent, "en")]);
    expect(en.steps.length).toBe(fr.steps.length);
    expect(en.offers).toEqual(fr.offers);
    expect(en.selfService).toBe(fr.selfService);
    expect(en.text).not.toBe(fr.text);
    expect(en.text.split("\n\n").length).toBe(fr.text.split("\n\n").length);
  });

  it("templates hold exactly the variants the catalog declares", () => {
    const res = loadResources();
    for (const lang of LANGS) {
      for (const intent of INTENTS) {
        const node = intent
          .split(".")
          .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], (res[lang].answers as Record<string, unknown>).intents);
        const parts = Object.keys(node as object).sort();
        const spec = ANSWER_CATALOG[intent];
        expect({ intent, lang, generic: parts.includes("generic") }).toEqual({ intent, lang, generic: true });
        expect({ intent, lang, personal: parts.includes("personal") }).toEqual({ intent, lang, personal: Boolean(spec.personal) });
        expect({ intent, lang, none: parts.includes("personalNone") }).toEqual({ intent, lang, none: Boolean(spec.personalNone) });
        expect(parts.filter((p) => !["generic", "personal", "personalNone", "body", "steps"].includes(p))).toEqual([]);
      }
    }
  });

  it("gives the seeds' flows as steps: account creation (seed 1 §1.2), reset by secret question (§3.1)", async () => {
    const create = await get("account.create", "fr");
    expect(create.steps[0]).toContain("Créer mon compte");
    expect(create.steps[1]).toContain("Valider le courriel");
    expect(create.steps.join(" ")).toEqual(expect.stringContaining("numéro civique du domicile"));
    for (const field of ["nom de famille", "prénom", "date de naissance", "enfant le plus jeune", "école"]) {
      expect(create.steps[2]).toContain(field);
    }
    expect(create.text).toContain("Le courriel doit être identique au courriel inscrit au dossier de votre enfant à l'école");
    const reset = await get("account.password_reset", "fr");
    expect(reset.steps.map((s) => s.match(/« ([^»]+) »/)?.[1]).filter(Boolean)).toEqual(
      expect.arrayContaining(["Réinitialiser mon mot de passe", "Retrouver ma question secrète", "Confirmer"]),
    );
    expect(reset.text).toContain("mot de passe temporaire");
    expect(reset.selfService).toBe(true);
    expect(reset.offers[0]).toBe("reset_password");
    const change = await get("account.password_change", "fr");
    expect(change.steps.join(" ")).toMatch(/Définir les préférences.*Sécurité/);
  });

  it("keeps seed 1 §4.2 and seed 2's FAQ wording", async () => {
    const notRecognized = await get("account.email_not_recognized", "fr");
    expect(notRecognized.text).toContain("« l'adresse courriel entrée n'existe pas dans nos contacts »");
    expect(notRecognized.text).toContain("n'est pas la même que celle inscrite au profil de votre enfant");
    expect(notRecognized.text).toContain("vérifier auprès de l'école");
    expect(notRecognized.selfService).toBe(false);
    // English quotes the portal's French message, so a parent recognises what the screen says.
    expect((await get("account.email_not_recognized", "en")).text).toContain("n'existe pas dans nos contacts");

    const missing = await get("children.missing", "fr");
    expect(missing.text).toContain("Un seul compte par parent doit être créé");
    expect(missing.text).toContain("formulaire d'aide");
    expect(missing.text).toContain("l'école doit ajouter le lien");

    const mismatch = await get("account.info_mismatch", "fr");
    expect(mismatch.text).toContain(
      "adresse de la résidence, le numéro de téléphone et l'adresse courriel sont à jour au dossier de l'enfant",
    );

    for (const intent of ["account.email_change", "records.details"] as const) {
      const fr = await get(intent, "fr");
      expect(fr.text).toMatch(
        /Tout changement d'adresse courriel ou d'adresse physique doit être effectué en personne auprès de (votre |l')école/,
      );
      expect(fr.text).toContain("documentation requise");
      expect((await get(intent, "en")).text).toContain("in person at your school");
    }
    expect((await get("account.email_change", "fr")).offers[0]).toBe("open_ticket");

    expect((await get("records.schedule", "fr")).text).toMatch(/onglet supérieur Famille.*onglet latéral Emploi du temps/);
    expect((await get("records.attendance", "fr")).text).toMatch(/onglet latéral Détails.*sous-onglet Assiduité/);
    expect((await get("records.report_card", "fr")).text).toMatch(/onglet latéral Documents.*version PDF/);
    expect((await get("records.credits", "fr")).text).toMatch(/Relevé de notes.*30 crédits, dont 18 obligatoires, 40 heures/);
    expect((await get("records.enrolment", "fr")).text).toContain("historique des inscriptions");
    expect((await get("notifications.manage", "fr")).text).toContain("onglet latéral Notification");
    expect((await get("payments", "fr")).text).toContain("« Services en ligne » seulement");
    for (const intent of ["records.schedule", "records.attendance", "records.report_card", "records.credits"] as const) {
      expect((await get(intent, "fr")).steps[0]).toBe("Connectez-vous au Portail Famille.");
      expect((await get(intent, "fr")).text).toMatch(/Après votre identification, l'assistant peut aussi/);
    }
  });

  it("routes to a person where the school must act, and says the text suffices elsewhere", async () => {
    const needsPerson: IntentId[] = [
      "human",
      "account.email_change",
      "account.email_not_recognized",
      "account.info_mismatch",
      "children.missing",
    ];
    for (const intent of needsPerson) {
      const a = await get(intent, "fr");
      expect({ intent, selfService: a.selfService, ticket: a.offers.includes("open_ticket") }).toEqual({
        intent,
        selfService: false,
        ticket: true,
      });
    }
    for (const intent of ["account.create", "account.password_reset", "account.login_id", "records.schedule"] as const) {
      expect((await get(intent, "fr")).selfService).toBe(true);
    }
  });
});

describe("helpCentreContact", () => {
  it("gives the seeds' contact and no hours (the seeds give none)", () => {
    const fr = helpCentreContact("fr");
    expect(fr).toEqual({ text: expect.any(String), email: "portail.famille@cepeo.on.ca", phone: "613 742-8960, poste 3003" });
    expect(fr.text).toContain("centre d'aide aux utilisateurs à portail.famille@cepeo.on.ca ou composez le 613 742-8960, poste 3003");
    expect(fr.hours).toBeUndefined();
    const en = helpCentreContact("en");
    expect(en).toMatchObject({ email: "portail.famille@cepeo.on.ca", phone: "613 742-8960, ext. 3003" });
    expect(en.text).toContain("613 742-8960, ext. 3003");
  });

  it("is the only phone number any answer gives", async () => {
    const answers: Answer[] = await Promise.all(all.map(([i, l]) => get(i, l)));
    const phones = new Set(
      answers.flatMap((a) => [...answerPlainText(a).matchAll(/\d{3}[ -]\d{3}-\d{4}(?:, (?:poste|ext\.) \d+)?/g)].map((m) => m[0])),
    );
    expect([...phones].sort()).toEqual(["613 742-8960, ext. 3003", "613 742-8960, poste 3003"]);
    expect(answers.filter((a) => a.text.includes("@")).every((a) => /portail\.famille@cepeo\.on\.ca/.test(a.text))).toBe(true);
  });
});

describe("answerPlainText", () => {
  it("adds the steps numbered after the text, and is the text alone without steps", async () => {
    const reset = await get("account.password_reset", "en");
    const plain = answerPlainText(reset);
    expect(plain.startsWith(`${reset.text}\n\n1. Click the « Reset my password » link.\n2. `)).toBe(true);
    expect(plain.split("\n").filter((l) => /^\d\. /.test(l))).toHaveLength(reset.steps.length);
    const thanks = await get("thanks", "fr");
    expect(answerPlainText(thanks)).toBe(thanks.text);
  });
});
