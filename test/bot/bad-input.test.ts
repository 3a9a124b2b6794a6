// Bad input gets a clear answer, never a crash: 10,000 characters, empty text, HTML or script, attachments,
// unknown card payloads, a stale button, a session that expires mid-dialog, two messages at once.
import { ConversationState, MemoryStorage } from "botbuilder";
import { createBotRuntime } from "../../bot/runtime";
import { createLocalChat } from "../../bot/local-chat";
import { createMetrics } from "../../core/metrics";
import { botClient, demoBotEnv, joined, signedInClient, type DemoBotEnv } from "../helpers/bot";

let env: DemoBotEnv;
beforeAll(async () => {
  env = await demoBotEnv();
});
afterAll(async () => {
  await env.db.close();
});

describe("bad input", () => {
  it.each([
    ["10,000 characters", "horaire ".repeat(1250), /Ces renseignements sont confidentiels/],
    ["empty text", "", /Je n'ai reçu aucun texte/],
    ["only spaces", "    ", /Je n'ai reçu aucun texte/],
    ["HTML and script", "<script>alert('x')</script><b>bonjour</b>", /Bonjour!/],
    ["control characters", "\u0000\u0007\u001b[31m", /je n'ai pas compris|Je n'ai reçu aucun texte/],
  ])("%s", async (_name, text, answer) => {
    expect(joined(await botClient(env.ctx).say(text))).toMatch(answer);
  });

  it("an attachment: says files cannot be read, and still answers the text", async () => {
    const c = botClient(env.ctx);
    const replies = joined(
      await c.say({ text: "bonjour", attachments: [{ contentType: "image/png", contentUrl: "http://127.0.0.1/x.png", name: "x.png" }] }),
    );
    expect(replies).toContain("Je ne peux pas lire les fichiers joints");
  });

  it.each([
    ["unknown card payload", { ap: "launch-missiles" }],
    ["not our shape at all", { foo: [1, 2, 3] }],
    ["an offer we never make", { ap: "offer", offer: "delete_account" }],
  ])("%s: the stale-button answer", async (_name, value) => {
    expect(joined(await botClient(env.ctx).say({ value }))).toContain("Ce bouton ne correspond plus à rien en cours.");
  });

  it("a stale child-choice button after the dialog ended is not taken as a new question", async () => {
    const c = await signedInClient(env.ctx, "marie.tremblay@exemple.ca");
    await c.say("l'horaire de demain");
    await c.say("annuler");
    expect(joined(await c.say({ value: { ap: "notify", topic: "launch", enabled: true } }))).toContain("Ce bouton ne correspond plus");
  });

  it("a session that expires mid-dialog: the parent is asked to sign in again, nothing is shown", async () => {
    const c = await signedInClient(env.ctx, "marie.tremblay@exemple.ca");
    expect(joined(await c.say("l'horaire de demain"))).toContain("Pour lequel de vos enfants?");
    env.ctx.clock.advance(31 * 60_000);
    const replies = joined(await c.say("Léa"));
    expect(replies).toContain("Votre session a expiré");
    expect(replies).not.toContain("Horaire de Léa");
    env.ctx.clock.set("2026-11-23T12:00:00-05:00");
  });

  it("« annuler » inside a secret answer is the answer, not a command; the Cancel button interrupts", async () => {
    const c = botClient(env.ctx);
    await c.say("mot de passe oublié");
    await c.say("julie.gagnon@exemple.ca");
    expect(joined(await c.say("annuler"))).toContain("Cette réponse ne correspond pas");
    expect(joined(await c.say({ value: { ap: "cancel" } }))).toContain("C'est annulé.");
  });

  it("two messages at once in one conversation: both answered, state kept (database storage)", async () => {
    const runtime = createBotRuntime({ ctx: env.ctx, metrics: createMetrics(env.ctx) });
    const chat = await createLocalChat(
      { ctx: env.ctx, metrics: createMetrics(env.ctx) },
      { runtime, asEmail: "marie.tremblay@exemple.ca" },
    );
    const [a, b] = await Promise.all([chat.say("l'horaire de Léa demain"), chat.say("les crédits de Mathéo")]);
    expect(joined(a)).toContain("Horaire de Léa");
    expect(joined(b)).toContain("Crédits et diplôme (DESO) de Mathéo");
    expect(joined(await chat.say("merci"))).toContain("Avec plaisir");
  });

  it("MemoryStorage is for tests; the runtime defaults to the database", () => {
    const runtime = createBotRuntime({ ctx: env.ctx, metrics: createMetrics(env.ctx) }, { storage: new MemoryStorage() });
    expect(runtime.conversationState).toBeInstanceOf(ConversationState);
  });
});
