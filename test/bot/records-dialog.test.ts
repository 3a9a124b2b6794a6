// The records dialog on the demo data (Monday 2026-11-23, noon in Toronto): each topic in French and English,
// the child named or chosen, dates from the message; and privacy across families for every topic — another
// family's child gets exactly the answer a made-up name gets.
import { botClient, demoBotEnv, joined, signedInClient, type DemoBotEnv } from "../helpers/bot";

let env: DemoBotEnv;
beforeAll(async () => {
  env = await demoBotEnv();
});
afterAll(async () => {
  await env.db.close();
});

const MARIE = "marie.tremblay@exemple.ca";
const SARAH = "sarah.smith@example.com";

type Row = [says: string, answerContains: string[]];

const french: Row[] = [
  ["c'est quoi l'horaire de Léa demain?", ["Horaire de Léa — mardi 24 novembre", "8 h 45"]],
  ["horaire de Léa samedi", ["Pas d'école pour Léa le samedi 28 novembre", "Prochain jour d'école : lundi 30 novembre"]],
  ["est-ce que Mathéo était absent la semaine dernière?", ["Mathéo"]],
  ["les bulletins de Mathéo", ["Bulletins de Mathéo", "/telechargements/"]],
  ["combien de crédits a Mathéo?", ["Crédits et diplôme (DESO) de Mathéo", "crédits sur 30"]],
  ["l'historique d'inscription de Léa", ["Historique d'inscription de Léa"]],
  ["les formulaires à signer pour Léa", ["Documents et formulaires de Léa"]],
  ["quelle adresse l'école a au dossier de Léa?", ["Dossier de Léa Tremblay", "en personne"]],
  ["je veux gérer mes notifications par courriel", ["Vos notifications par courriel"]],
];

const english: Row[] = [
  ["what is Noah's schedule tomorrow?", ["Noah's schedule — Tuesday, November 24"]],
  ["Emma's schedule on Saturday", ["No school for Emma on Saturday, November 28", "Next school day: Monday, November 30"]],
  ["was Emma absent last week?", ["Emma"]],
  ["Noah's report cards", ["Noah's report cards", "/telechargements/"]],
  ["how many credits does Noah have?", ["Noah's credits and diploma (OSSD)", "of 30 credits"]],
  ["Emma's enrolment history", ["Emma's enrolment history"]],
  ["forms to sign for Emma", ["Emma's documents and forms"]],
  ["what address does the school have on file for Emma?", ["Emma Smith's details on file", "in person"]],
  ["manage my email notifications", ["Your email notifications"]],
];

describe.each([
  ["fr", MARIE, french],
  ["en", SARAH, english],
] as const)("records dialog (%s)", (_lang, email, rows) => {
  it.each(rows)("« %s »", async (says, contains) => {
    const c = await signedInClient(env.ctx, email);
    const answer = joined(await c.say(says));
    for (const part of contains) expect(answer).toContain(part);
  });
});

describe("records dialog: which child", () => {
  it("asks which child when the parent has several and names none, then answers for the one chosen (fr)", async () => {
    const c = await signedInClient(env.ctx, MARIE);
    expect(joined(await c.say("l'horaire de demain"))).toContain("Pour lequel de vos enfants?");
    expect(joined(await c.say("Mathéo"))).toContain("Horaire de Mathéo — mardi 24 novembre");
  });

  it("asks which child (en) and accepts the child's number in the list", async () => {
    const c = await signedInClient(env.ctx, SARAH);
    expect(joined(await c.say("show me the report cards"))).toContain("For which of your children?");
    expect(joined(await c.say("Emma"))).toContain("Emma's report cards");
  });

  it("signs the parent in first when nobody is signed in", async () => {
    const c = botClient(env.ctx);
    expect(joined(await c.say("horaire de Léa demain"))).toContain("Ces renseignements sont confidentiels");
  });
});

// Zoé is Julie Gagnon's child; Xavier is nobody's. Marie must not tell them apart, on any topic.
const TOPICS_FR = [
  "l'horaire de {name} demain",
  "{name} était-elle absente lundi?",
  "les bulletins de {name}",
  "les crédits de {name}",
  "l'historique d'inscription de {name}",
  "les documents de {name}",
  "le dossier de {name}",
];
const TOPICS_EN = [
  "{name}'s schedule tomorrow",
  "was {name} absent on monday?",
  "{name}'s report cards",
  "{name}'s credits",
  "{name}'s enrolment history",
  "{name}'s documents",
  "show me {name}'s details on file",
];

describe("privacy across families", () => {
  it.each(TOPICS_FR)("fr: « %s » — another family's child is an unknown name", async (template) => {
    const other = joined(await (await signedInClient(env.ctx, MARIE)).say(template.replace("{name}", "Zoé")));
    const unknown = joined(await (await signedInClient(env.ctx, MARIE)).say(template.replace("{name}", "Xavier")));
    expect(other).toBe(unknown);
    expect(other).toContain("Je ne trouve aucun enfant de ce nom dans votre compte.");
    expect(other).not.toMatch(/Gagnon|Marie-Curie/);
  });

  it.each(TOPICS_EN)("en: « %s » — another family's child is an unknown name", async (template) => {
    const other = joined(await (await signedInClient(env.ctx, SARAH)).say(template.replace("{name}", "Léa")));
    const unknown = joined(await (await signedInClient(env.ctx, SARAH)).say(template.replace("{name}", "Xavier")));
    expect(other).toBe(unknown);
    expect(other).toContain("I cannot find a child by that name in your account.");
    expect(other).not.toMatch(/Tremblay|Jeanne-Sauvé/);
  });
});

describe("notification buttons", () => {
  type CardAction = { title: string; data?: Record<string, unknown> };
  const cardActions = (c: Awaited<ReturnType<typeof signedInClient>>): CardAction[] =>
    c.last.flatMap((a) => a.attachments ?? []).flatMap((x) => (x.content as { actions?: CardAction[] })?.actions ?? []);

  it.each([
    [
      "fr",
      "julie.gagnon@exemple.ca",
      "mes notifications par courriel",
      "Activer : Assiduité",
      "C'est fait : les avis par courriel « Assiduité » sont activés.",
      "Assiduité : activées",
      "Désactiver : Assiduité",
      "sont désactivés",
    ],
    [
      "en",
      "sarah.smith@example.com",
      "manage my email notifications",
      "Turn on: Attendance",
      "Done: email notices for “Attendance” are on.",
      "Attendance: on",
      "Turn off: Attendance",
      "are off",
    ],
  ])(
    "%s: « Activer » then « Désactiver » change the subscription and show the list again",
    async (_lang, email, ask, turnOn, turnedOn, listedOn, turnOff, turnedOff) => {
      const c = await signedInClient(env.ctx, email);
      await c.say(ask);
      const on = cardActions(c).find((a) => a.title === turnOn);
      expect(on?.data).toEqual({ ap: "notify", topic: "attendance", enabled: true });
      const answer = joined(await c.say({ value: on!.data }));
      expect(answer).toContain(turnedOn);
      expect(answer.replace(" :", ":")).toContain(listedOn);
      const account = await env.ctx.prisma.account.findFirstOrThrow({ where: { email }, select: { id: true } });
      const row = await env.ctx.prisma.notificationSubscription.findUnique({
        where: { accountId_topic: { accountId: account.id, topic: "attendance" } },
        select: { enabled: true },
      });
      expect(row?.enabled).toBe(true);
      // The refreshed card now offers the opposite; pressing it turns the topic off again.
      const off = cardActions(c).find((a) => a.title === turnOff);
      expect(off?.data).toEqual({ ap: "notify", topic: "attendance", enabled: false });
      expect(joined(await c.say({ value: off!.data }))).toContain(turnedOff);
      const after = await env.ctx.prisma.notificationSubscription.findUnique({
        where: { accountId_topic: { accountId: account.id, topic: "attendance" } },
        select: { enabled: true },
      });
      expect(after?.enabled).toBe(false);
    },
  );

  it("a button pressed by nobody signed in asks for the code first and changes nothing", async () => {
    const c = botClient(env.ctx);
    expect(joined(await c.say({ value: { ap: "notify", topic: "payments", enabled: true } }))).toContain(
      "Ces renseignements sont confidentiels",
    );
    expect(await env.ctx.prisma.notificationSubscription.count({ where: { topic: "payments", enabled: true } })).toBe(0);
  });
});
