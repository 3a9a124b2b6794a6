// The account dialogs on the demo data, in French and English: password reset by secret question (seed 1 §3.1,
// decoys for unknown emails), sign-in by emailed code, login id, change password, change secret question,
// account creation (seed 1 §1.2) and the help form with its ticket.
import { botClient, demoBotEnv, joined, lastChatCode, signedInClient, type DemoBotEnv } from "../helpers/bot";

let env: DemoBotEnv;
beforeAll(async () => {
  env = await demoBotEnv();
});
afterAll(async () => {
  await env.db.close();
});

type Turn = [says: string, answerContains: string];

async function play(turns: Turn[], client = botClient(env.ctx)) {
  for (const [says, contains] of turns) expect(joined(await client.say(says))).toContain(contains);
  return client;
}

describe.each([
  [
    "fr",
    [
      ["j'ai oublié mon mot de passe", "Quel est votre nom d'utilisateur (votre adresse courriel)?"],
      ["pas-un-courriel", "Cette adresse courriel ne semble pas valide"],
      ["nathalie.morin@exemple.ca", "Votre question secrète : Quel est le nom de votre personnage fictif préféré?"],
      ["annuler", "Cette réponse ne correspond pas à celle enregistrée. Il vous reste 4 essai(s)."],
      ["Astérix", "C'est fait : un nouveau mot de passe temporaire a été envoyé à n•••••@exemple.ca"],
    ],
  ],
  [
    "en",
    [
      ["I forgot my password", "What is your user name (your email address)?"],
      ["sarah.smith@example.com", "Your secret question:"],
      ["rex", "Done: a new temporary password has been sent to s•••••@example.com"],
    ],
  ],
] as const)("password reset (%s)", (_lang, turns) => {
  it("walks email → secret question → answer → temporary password emailed", async () => {
    await play(turns as unknown as Turn[]);
  });
});

describe("password reset: decoys", () => {
  it("an unknown email gets a plausible question and the same replies as a real one", async () => {
    const c = await play([
      ["mot de passe oublié", "Quel est votre nom d'utilisateur"],
      ["personne.inconnue@exemple.ca", "Votre question secrète : "],
    ]);
    expect(joined(await c.say("Tintin"))).toContain("Cette réponse ne correspond pas à celle enregistrée. Il vous reste 4 essai(s).");
  });
});

describe.each([
  [
    "fr",
    "julie.gagnon@exemple.ca",
    "quel est l'horaire de Zoé demain?",
    "Entrez le code à 6 chiffres",
    "Horaire de Zoé — mardi 24 novembre",
  ],
  [
    "en",
    "sarah.smith@example.com",
    "what is Emma's schedule tomorrow?",
    "Enter the 6-digit code",
    "Emma's schedule — Tuesday, November 24",
  ],
] as const)("sign-in (%s)", (_lang, email, ask, askCode, answer) => {
  it("a records question signs in by emailed code, then is answered", async () => {
    const c = botClient(env.ctx);
    await c.say(ask);
    expect(joined(await c.say(email))).toContain(askCode);
    expect(joined(await c.say("000000"))).toMatch(/Ce code n'est pas valide|This code is not valid|code/);
    const code = await lastChatCode(env.ctx, email);
    const replies = joined(await c.say(code));
    expect(replies).not.toContain(code);
    expect(replies).toContain(answer);
  });
});

describe("sign-in in Teams", () => {
  it("links the Teams user after one code: a new conversation needs none", async () => {
    const teams = { channelId: "msteams" };
    const from = { id: "29:teams-user", aadObjectId: "00000000-0000-0000-0000-00000000beef" };
    const { botClient: client } = { botClient };
    const c = client(env.ctx, { ...teams, from });
    await c.say("les bulletins de Mathéo");
    await c.say("marie.tremblay@exemple.ca");
    expect(joined(await c.say(await lastChatCode(env.ctx, "marie.tremblay@exemple.ca")))).toContain(
      "Votre compte Teams est maintenant lié",
    );
    const later = client(env.ctx, { ...teams, from });
    expect(joined(await later.say("l'horaire de Léa demain"))).toContain("Horaire de Léa — mardi 24 novembre");
  });
});

describe.each([
  [
    "fr",
    "stephane.bouchard@exemple.ca",
    [
      ["quel est mon identifiant?", "Votre identifiant de connexion"],
      ["stephane.bouchard@exemple.ca", "un courriel avec votre identifiant vient d'y être envoyé"],
    ],
  ],
  [
    "en",
    "sarah.smith@example.com",
    [
      ["what is my login id?", "Your Family Portal login id is your account's email address."],
      ["sarah.smith@example.com", "an email with your login id has just been sent"],
    ],
  ],
] as const)("login id (%s)", (_lang, _email, turns) => {
  it("emails the login id", async () => {
    await play(turns as unknown as Turn[]);
  });
});

describe.each([
  [
    "fr",
    "karine.lavoie@exemple.ca",
    [
      ["je veux changer mon mot de passe", "Entrez votre mot de passe actuel."],
      ["Portail-Demo-2026", "Entrez votre nouveau mot de passe"],
      ["Nouveau-Mot-2027", "une seconde fois"],
      ["Nouveau-Mot-2027", "Votre mot de passe est changé."],
    ],
  ],
  [
    "en",
    "sarah.smith@example.com",
    [
      ["I want to change my password", "Enter your current password."],
      ["wrong-password-1", "The current password is incorrect."],
    ],
  ],
] as const)("change password (%s)", (_lang, email, turns) => {
  it("confirms the current password", async () => {
    await play(turns as unknown as Turn[], await signedInClient(env.ctx, email));
  });
});

describe.each([
  [
    "fr",
    "sophie.pelletier@exemple.ca",
    [
      ["changer ma question secrète", "entrez d'abord votre mot de passe actuel"],
      ["Portail-Demo-2026", "Choisissez votre nouvelle question secrète"],
      ["1", "Quelle est votre réponse à cette question?"],
      ["Milou", "Votre question secrète et sa réponse sont changées."],
    ],
  ],
  [
    "en",
    "stephane.bouchard@exemple.ca",
    [
      ["change my security question", "first enter your current password"],
      ["Portail-Demo-2026", "Choose your new secret question"],
      ["2", "What is your answer"],
      ["Obelix", "Your secret question and its answer have been changed."],
    ],
  ],
] as const)("change secret question (%s)", (_lang, email, turns) => {
  it("confirms the password, then question and answer", async () => {
    await play(turns as unknown as Turn[], await signedInClient(env.ctx, email));
  });
});

describe.each([
  [
    "fr",
    [
      ["je veux créer un compte", "Pour créer votre compte, quelle est votre adresse courriel?"],
      ["isabelle.cote@exemple.ca", "Quel est votre nom de famille?"],
      ["Côté", "Quel est votre prénom?"],
      ["Isabelle", "date de naissance"],
      ["2014-05-27", "Quelle école fréquente cet enfant?"],
      ["De La Salle", "numéro civique"],
      ["890", "Un courriel de validation a été envoyé"],
    ],
  ],
  [
    "en",
    [
      ["I want to create an account", "To create your account, what is your email address?"],
      ["not.on.file@example.com", "The email address entered does not exist in our contacts"],
    ],
  ],
] as const)("account creation (%s)", (_lang, turns) => {
  it("walks seed 1 §1.2", async () => {
    await play(turns as unknown as Turn[]);
  });
});

describe("help form", () => {
  it("fr: prefilled when signed in, confirmed, opens a ticket routed to the school with the conversation", async () => {
    const c = await signedInClient(env.ctx, "julie.gagnon@exemple.ca");
    await c.say("Je ne vois pas Émile dans mon compte");
    const offer = c.last
      .flatMap((a) => a.suggestedActions?.actions ?? [])
      .find((a) => (a.value as { offer?: string })?.offer === "open_ticket");
    expect(offer).toBeDefined();
    expect(joined(await c.say({ value: offer!.value }))).toContain("À quel numéro de téléphone peut-on vous joindre le jour?");
    expect(joined(await c.say("613 555-0101"))).toContain("Décrivez le problème");
    expect(joined(await c.say("Mon fils Émile n'apparaît pas dans mon portail."))).toContain("Dois-je l'envoyer?");
    const done = joined(await c.say("oui"));
    expect(done).toMatch(/Votre demande est envoyée\. Son numéro est \S+/);
    const ticket = await env.ctx.prisma.ticket.findFirst({
      orderBy: { createdAt: "desc" },
      select: { messages: { select: { body: true } }, school: { select: { name: true } } },
    });
    expect(ticket?.school?.name).toContain("Marie-Curie");
    expect(ticket?.messages[0].body).toContain("Je ne vois pas Émile dans mon compte");
  });

  it("en: asks every field when nobody is signed in, and « no » sends nothing", async () => {
    const c = botClient(env.ctx);
    await c.say("I want to talk to someone at the school");
    const offer = c.last
      .flatMap((a) => a.suggestedActions?.actions ?? [])
      .find((a) => (a.value as { offer?: string })?.offer === "open_ticket");
    const steps: Turn[] = [
      ["Smith", "What is your first name?"],
      ["Sarah", "email address"],
      ["sarah@example.com", "phone number"],
      ["613 555 0199", "child's last name"],
      ["Smith", "child's first name"],
      ["Emma", "What grade"],
      ["3", "Which school"],
      ["Julie-Payette", "Describe the problem"],
      ["I cannot sign in.", "Shall I send it?"],
      ["no", "nothing was sent"],
    ];
    expect(joined(await c.say({ value: offer!.value }))).toContain("What is your last name?");
    await play(steps, c);
  });
});
