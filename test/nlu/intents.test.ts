/** Every intent in both languages, as parents write them, plus the hard negatives between close intents. */
import { classify, INTENTS, type IntentId } from "../../core/nlu";

const CASES: Record<IntentId, { fr: string[]; en: string[] }> = {
  greeting: { fr: ["Bonjour!", "allo y a quelqu'un"], en: ["hi there", "Good morning"] },
  thanks: { fr: ["merci beaucoup, ça marche", "mrc bcp"], en: ["thanks a lot!", "thank you, it worked"] },
  goodbye: { fr: ["bonne soirée", "ok bye, à la prochaine"], en: ["bye, have a good day", "see you later"] },
  help: { fr: ["qu'est-ce que tu peux faire?", "c'est quoi les options"], en: ["what can you do", "how does this work?"] },
  cancel: { fr: ["laisse faire", "je veux pu continuer"], en: ["never mind", "cancel that"] },
  human: { fr: ["je veux parler à quelqu'un", "appelez-moi svp"], en: ["I want to talk to a real person", "can someone call me back"] },
  "account.create": {
    fr: ["comment créer mon compte portail", "on est une nouvelle famille, comment avoir un compte"],
    en: ["how do I sign up for the portal", "my husband wants his own account"],
  },
  "account.activate": {
    fr: ["j'ai jamais reçu le courriel de validation", "le lien d'activation est expiré"],
    en: ["I never got the activation email", "my account is still not active"],
  },
  "account.login_id": {
    fr: ["c'est quoi mon nom d'utilisateur", "j'ai oublié mon identifiant"],
    en: ["what is my username", "which email do I log in with"],
  },
  "account.password_reset": {
    fr: ["slt jai oublie mon mot de pase", "le mot de passe temporaire marche pas"],
    en: ["I forgot my pasword", "I'm locked out of my account"],
  },
  "account.password_change": {
    fr: ["je veux changer mon mot de passe, je le connais", "modifier mon mot de passe"],
    en: ["how do I change my password", "I want a new password, I know the old one"],
  },
  "account.secret_question_change": {
    fr: ["changer ma question secrète", "modifier la réponse à ma question de sécurité"],
    en: ["change my security question", "update my secret answer"],
  },
  "account.email_change": {
    fr: ["je veux changer mon adresse courriel", "on a déménagé, comment changer notre adresse"],
    en: ["I need to change my email address", "new phone number, how do I update it"],
  },
  "account.email_not_recognized": {
    fr: ["l'adresse courriel entrée n'existe pas dans nos contacts", "le système reconnaît pas mon courriel"],
    en: ["my email is not recognized", "it says my email doesn't exist in your contacts"],
  },
  "account.info_mismatch": {
    fr: ["ça dit que mes informations concordent pas avec le dossier", "le numéro civique est refusé"],
    en: ["the info I enter doesn't match the school records", "birth date rejected when I sign up"],
  },
  "children.missing": {
    fr: ["je vois pas mon deuxième enfant dans le portail", "il manque ma fille dans mon compte"],
    en: ["my son doesn't show up in my account", "I only see one of my kids"],
  },
  "records.schedule": {
    fr: ["ou est l horaire de ma fille", "je veux checker le schedule de mon gars demain"],
    en: ["what's my son's timetable tomorrow", "what time does school end on Friday"],
  },
  "records.attendance": {
    fr: ["est-ce que mathéo était absent hier", "combien de retards ce mois-ci"],
    en: ["was my daughter absent yesterday", "is Monday's absence excused"],
  },
  "records.report_card": {
    fr: ["je trouve pas le bulletain de zoe", "quand sort le bulletin"],
    en: ["where is the report card", "my son's report card won't open"],
  },
  "records.credits": {
    fr: ["combien de crédits il manque pour son diplôme", "a-t-elle fait ses 40 heures de bénévolat"],
    en: ["how many credits does she have", "did he pass the literacy test"],
  },
  "records.enrolment": {
    fr: ["j'ai besoin d'une preuve d'inscription", "l'historique d'adhésion de mon fils"],
    en: ["I need proof of enrolment", "enrollment history for my daughter"],
  },
  "records.documents": {
    fr: ["où est le formulaire d'autorisation pour la sortie", "imprimer le formulaire de consentement"],
    en: ["where is the permission slip", "download the consent form"],
  },
  "records.details": {
    fr: ["quels sont les contacts d'urgence au dossier", "quelle adresse l'école a au dossier"],
    en: ["what emergency contacts are on file", "what's my daughter's OEN"],
  },
  "notifications.manage": {
    fr: ["je reçois trop de courriels du portail", "me désabonner des notifications"],
    en: ["unsubscribe from the notifications", "turn on email alerts for absences"],
  },
  payments: {
    fr: ["comment payer la sortie en ligne", "j'ai été facturé deux fois"],
    en: ["I was charged twice", "how do I pay school fees online"],
  },
  none: {
    fr: ["l'autobus est en retard", "c'est quoi le menu du dîner"],
    en: ["is school closed because of the snow", "what's for lunch today"],
  },
};

describe("intent classification", () => {
  it("covers exactly the 26 intents of the spec", () => {
    expect(Object.keys(CASES).sort()).toEqual([...INTENTS].sort());
    expect(INTENTS).toHaveLength(26);
  });
  for (const intent of INTENTS) {
    for (const lang of ["fr", "en"] as const) {
      it.each(CASES[intent][lang])(`${intent} (${lang}): %s`, (text) => {
        const c = classify(text);
        expect(c.intent).toBe(intent);
        expect(c.runnerUp.intent).not.toBe(intent);
        expect(c.confidence).toBeGreaterThanOrEqual(c.runnerUp.confidence);
      });
    }
  }
});

describe("hard negatives between close intents", () => {
  const pairs: [string, IntentId][] = [
    ["j'ai oublié mon mot de passe", "account.password_reset"],
    ["je connais mon mot de passe mais je veux le changer", "account.password_change"],
    ["j'ai oublié avec quel courriel je me connecte", "account.login_id"],
    ["I forgot my password", "account.password_reset"],
    ["I want to change my password", "account.password_change"],
    ["I forgot my username", "account.login_id"],
    ["est-ce que ma fille était absente jeudi", "records.attendance"],
    ["quel numéro de téléphone l'école a au dossier de ma fille", "records.details"],
    ["le bulletin de ma fille", "records.report_card"],
    ["le formulaire de sortie à signer", "records.documents"],
    ["je veux changer mon courriel", "account.email_change"],
    ["ça dit que mon courriel n'existe pas dans vos contacts", "account.email_not_recognized"],
    ["comment créer un compte", "account.create"],
    ["je n'ai pas reçu le courriel pour activer mon compte", "account.activate"],
    ["la date de naissance est refusée quand je crée mon compte", "account.info_mismatch"],
    ["mon fils n'apparaît pas dans mon compte", "children.missing"],
    ["quelles informations l'école a sur mon fils", "records.details"],
    ["qu'est-ce que tu peux faire", "help"],
    ["je veux parler à une personne", "human"],
    ["merci beaucoup", "thanks"],
    ["bonne journée, bye", "goodbye"],
    ["annule ma demande", "cancel"],
    ["est-ce que les autobus sont annulés", "none"],
  ];
  it.each(pairs)("%s → %s", (text, intent) => {
    expect(classify(text).intent).toBe(intent);
  });
});

describe("main request wins", () => {
  it("takes the first request of a message carrying two", () => {
    expect(classify("bonjour, j'ai oublié mon mot de passe. aussi je voudrais voir l'horaire de mon fils").intent).toBe(
      "account.password_reset",
    );
  });
  it("a greeting before a request does not win", () => {
    expect(classify("Bonjour madame, où est le bulletin de Léa?").intent).toBe("records.report_card");
  });
});
