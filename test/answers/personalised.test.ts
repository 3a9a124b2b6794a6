// The answers a known parent gets, on demo-like families (README's demo accounts): their own children's
// first names, their schools, their masked login email — and never anything of another family. An unknown,
// pending or disabled account gets exactly the generic answer, so nobody can tell them apart.
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";
import { linkGuardian, makeAccount, makeGuardian, makeSchool, makeStudent } from "../factories/families";
import { answerFor, type Answer } from "../../core";
import { INTENTS, type IntentId } from "../../core/nlu/intents";
import { LANGS, type Lang } from "../../core/i18n";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await db.reset();
});

async function demoFamilies() {
  const p = db.prisma;
  const jeanneSauve = await makeSchool(p, { name: "École élémentaire publique Jeanne-Sauvé", level: "ELEMENTARY" });
  const giselleLalonde = await makeSchool(p, { name: "École secondaire publique Gisèle-Lalonde", level: "SECONDARY" });
  const marieCurie = await makeSchool(p, { name: "École élémentaire publique Marie-Curie", level: "ELEMENTARY" });

  const marie = await makeGuardian(p, { givenName: "Marie", familyName: "Tremblay", email: "marie.tremblay@exemple.ca" });
  const lea = await makeStudent(p, { givenName: "Léa", familyName: "Tremblay", grade: "04", schoolId: jeanneSauve.id });
  const matheo = await makeStudent(p, { givenName: "Mathéo", familyName: "Tremblay", grade: "10", schoolId: giselleLalonde.id });
  await linkGuardian(p, marie, lea);
  await linkGuardian(p, marie, matheo);
  const marieAccount = (await makeAccount(p, { guardian: marie })).account;

  // Julie: the SIS links Émile to her, but with portalAccess false — her portal shows Zoé only.
  const julie = await makeGuardian(p, { givenName: "Julie", familyName: "Gagnon", email: "julie.gagnon@exemple.ca" });
  const zoe = await makeStudent(p, { givenName: "Zoé", familyName: "Gagnon", grade: "02", schoolId: marieCurie.id });
  const emile = await makeStudent(p, { givenName: "Émile", familyName: "Gagnon", grade: "06", schoolId: marieCurie.id });
  await linkGuardian(p, julie, zoe);
  await linkGuardian(p, julie, emile, { portalAccess: false });
  const julieAccount = (await makeAccount(p, { guardian: julie })).account;

  // Marc: Zoé's other parent, account created but not validated yet.
  const marc = await makeGuardian(p, { givenName: "Marc", familyName: "Gagnon", email: "marc.gagnon@exemple.ca" });
  await linkGuardian(p, marc, zoe);
  const marcAccount = (await makeAccount(p, { guardian: marc, status: "PENDING_VALIDATION" })).account;

  const sarah = await makeGuardian(p, { givenName: "Sarah", familyName: "Smith", email: "sarah.smith@example.com", preferredLang: "en" });
  const noah = await makeStudent(p, { givenName: "Noah", familyName: "Smith", grade: "11", schoolId: giselleLalonde.id });
  const emma = await makeStudent(p, {
    givenName: "Emma",
    preferredName: "Emmy",
    familyName: "Smith",
    grade: "03",
    schoolId: jeanneSauve.id,
  });
  await linkGuardian(p, sarah, noah);
  await linkGuardian(p, sarah, emma);
  const sarahAccount = (await makeAccount(p, { guardian: sarah })).account;

  return { marieAccount, julieAccount, marcAccount, sarahAccount };
}

const ctx = () => testContext(db);
const answer = (intent: IntentId, lang: Lang, accountId?: string) => answerFor(ctx(), { intent, lang, accountId });
const everyAnswer = (accountId: string | undefined): Promise<Answer[]> =>
  Promise.all(INTENTS.flatMap((intent) => LANGS.map((lang) => answer(intent, lang, accountId))));
const everything = (a: Answer) => [a.text, ...a.steps].join("\n");

describe("answerFor with the parent's account", () => {
  it("names the parent's own children and schools, and masks the login email", async () => {
    const { marieAccount } = await demoFamilies();
    const schedule = await answer("records.schedule", "fr", marieAccount.id);
    expect(schedule.text).toContain("l'horaire de Léa et Mathéo apparaîtra");
    expect(schedule.personalised).toBe(true);
    expect(schedule.offers).toEqual(["show_schedule"]); // signed in already: no « sign in » offer

    const human = await answer("human", "fr", marieAccount.id);
    expect(human.text).toContain("(École élémentaire publique Jeanne-Sauvé ou École secondaire publique Gisèle-Lalonde)");

    const change = await answer("account.email_change", "fr", marieAccount.id);
    expect(change.text).toContain("en personne auprès de l'école de votre enfant (École élémentaire publique Jeanne-Sauvé ou");

    const loginId = await answer("account.login_id", "fr", marieAccount.id);
    expect(loginId.text).toContain("Votre identifiant de connexion est votre adresse courriel : m•••••@exemple.ca.");
    const reset = await answer("account.password_reset", "en", marieAccount.id);
    expect(reset.text).toContain("sent to your email address (m•••••@exemple.ca)");
    for (const a of await everyAnswer(marieAccount.id)) {
      expect(everything(a)).not.toContain("marie.tremblay@exemple.ca");
      expect(everything(a)).not.toContain("Tremblay"); // first names only
    }

    const greeting = await answer("greeting", "fr", marieAccount.id);
    expect(greeting.text.startsWith("Bonjour Marie!")).toBe(true);
    expect(greeting.text).toContain("les crédits de Léa et Mathéo");
  });

  it("credits name the secondary-school children only; an elementary-only family is told why", async () => {
    const { marieAccount, julieAccount } = await demoFamilies();
    const credits = await answer("records.credits", "fr", marieAccount.id);
    expect(credits.text).toContain("diplôme d'études secondaires de Mathéo");
    expect(credits.text).not.toContain("Léa");
    const elementary = await answer("records.credits", "fr", julieAccount.id);
    expect(elementary.text).toContain("élèves du secondaire uniquement : aucun des enfants de votre compte n'est au secondaire");
    expect(elementary.personalised).toBe(true);
  });

  it("children.missing names the children the account shows and says the school must add the link", async () => {
    const { julieAccount } = await demoFamilies();
    for (const lang of LANGS) {
      const a = await answer("children.missing", lang, julieAccount.id);
      expect(a.text).toContain("Zoé (École élémentaire publique Marie-Curie)");
      expect(a.text).not.toContain("Émile"); // in the SIS, but not in her portal: not the assistant's to show
      expect(a.text).toContain(lang === "fr" ? "l'école doit ajouter le lien entre vous et cet enfant" : "the school must add the link");
      expect(a.offers[0]).toBe("open_ticket");
      expect(a.selfService).toBe(false);
    }
  });

  it("an active account that shows no child yet is told the school must add the links", async () => {
    const lone = await makeGuardian(db.prisma, { givenName: "Isabelle" });
    const { account } = await makeAccount(db.prisma, { guardian: lone });
    const a = await answer("children.missing", "fr", account.id);
    expect(a.text).toContain("Votre compte ne montre encore aucun enfant : l'école doit ajouter le lien");
    // Without children the records answers stay generic (« votre enfant »), and the greeting too.
    expect((await answer("records.schedule", "fr", account.id)).text).toBe((await answer("records.schedule", "fr")).text);
    expect((await answer("records.credits", "fr", account.id)).personalised).toBe(false);
    expect((await answer("greeting", "fr", account.id)).personalised).toBe(false);
  });

  it("follows the language asked, with the preferred name the SIS gives", async () => {
    const { sarahAccount, marieAccount } = await demoFamilies();
    const a = await answer("records.attendance", "en", sarahAccount.id);
    expect(a.text).toContain("the attendance of Emmy and Noah");
    expect(a.text).not.toMatch(/Emma\b/);
    const fr = await answer("records.attendance", "fr", sarahAccount.id);
    expect(fr.text).toContain("l'assiduité d'Emmy et Noah"); // « de » elided before a vowel
    expect((await answer("records.attendance", "fr", marieAccount.id)).text).toContain("l'assiduité de Léa et Mathéo");
  });

  it("never shows another family's children, schools or email, whatever the intent and language", async () => {
    const { marieAccount, julieAccount, sarahAccount } = await demoFamilies();
    const others: Record<string, string[]> = {
      [marieAccount.id]: ["Zoé", "Émile", "Noah", "Emmy", "Marie-Curie", "j•••••@exemple.ca", "s•••••@example.com"],
      [julieAccount.id]: ["Léa", "Mathéo", "Noah", "Emmy", "Jeanne-Sauvé", "Gisèle-Lalonde", "m•••••@exemple.ca", "Émile"],
      [sarahAccount.id]: ["Léa", "Mathéo", "Zoé", "Émile", "Marie-Curie", "m•••••@exemple.ca", "j•••••@exemple.ca"],
    };
    for (const [accountId, forbidden] of Object.entries(others)) {
      const answers = await everyAnswer(accountId);
      expect(answers.filter((a) => a.personalised).length).toBeGreaterThan(10);
      for (const a of answers) {
        for (const word of forbidden)
          expect({ intent: a.intent, lang: a.lang, leaks: everything(a).includes(word) ? word : null }).toEqual({
            intent: a.intent,
            lang: a.lang,
            leaks: null,
          });
      }
    }
  });

  it("keeps every personalised answer short enough for a phone screen", async () => {
    const { marieAccount, julieAccount, sarahAccount } = await demoFamilies();
    for (const id of [marieAccount.id, julieAccount.id, sarahAccount.id]) {
      for (const a of await everyAnswer(id)) {
        expect({ intent: a.intent, lang: a.lang, long: a.text.length > 700 }).toEqual({ intent: a.intent, lang: a.lang, long: false });
        expect(a.text).not.toMatch(/{{|}}/);
      }
    }
  });
});

describe("answerFor with an account it must not personalise", () => {
  it("gives an unknown, pending or disabled account exactly the generic answer, without an error", async () => {
    const { marcAccount } = await demoFamilies();
    const disabled = (await makeAccount(db.prisma, { guardian: await makeGuardian(db.prisma), status: "DISABLED" })).account;
    const generic = await everyAnswer(undefined);
    for (const accountId of ["00000000-0000-4000-8000-000000000000", marcAccount.id, disabled.id, "", "x".repeat(10_000)]) {
      expect(await everyAnswer(accountId)).toEqual(generic);
    }
    expect(generic.every((a) => !a.personalised)).toBe(true);
    expect((await answer("children.missing", "fr", marcAccount.id)).text).not.toContain("Zoé");
  });
});
