// No password in the conversation state: the change-password and change-secret-question dialogs run through the
// whole runtime with the database-backed state store (CoreStorage), and after every turn the stored BotState
// rows are read back and searched for every password typed (and the new secret answer).
import type { Activity } from "botbuilder";
import { createBotRuntime } from "../../bot/runtime";
import { plainTextOf } from "../../bot/local-chat";
import { createMetrics, openLocalChatSession } from "../../core";
import { demoBotEnv, type DemoBotEnv } from "../helpers/bot";

let env: DemoBotEnv;
beforeAll(async () => {
  env = await demoBotEnv();
});
afterAll(async () => {
  await env.db.close();
});

async function conversation(email: string) {
  const runtime = createBotRuntime({ ctx: env.ctx, metrics: createMetrics(env.ctx) });
  const conversationId = `pw-${email}-${Date.now()}`;
  await openLocalChatSession(env.ctx, { email, channelKey: `webchat:${conversationId}` });
  let n = 0;
  return async (text: string) => {
    const activity: Partial<Activity> = {
      type: "message",
      id: `a-${++n}`,
      channelId: "webchat",
      serviceUrl: "http://127.0.0.1:9/",
      conversation: { id: conversationId } as Activity["conversation"],
      from: { id: "parent", role: "user" } as Activity["from"],
      recipient: { id: "aide-portail", role: "bot" } as Activity["recipient"],
      locale: "fr-CA",
      text,
    };
    return (await runtime.runLocalTurn(activity)).map(plainTextOf).join("\n");
  };
}

/** Every stored state row, as the database holds it. */
async function storedState(): Promise<string> {
  const rows = await env.ctx.prisma.botState.findMany({ select: { key: true, data: true } });
  expect(rows.length).toBeGreaterThan(0);
  return JSON.stringify(rows);
}

describe("passwords are never kept in the conversation state", () => {
  it("change password (fr): current and new passwords absent from every stored row, after every turn", async () => {
    const say = await conversation("karine.lavoie@exemple.ca");
    const secrets = ["Portail-Demo-2026", "Nouveau-Secret-2027"];
    const turns: [string, string][] = [
      ["je veux changer mon mot de passe", "Entrez votre mot de passe actuel."],
      ["Portail-Demo-2026", "Entrez votre nouveau mot de passe"],
      ["Nouveau-Secret-2027", "une seconde fois"],
      ["Nouveau-Secret-2027", "Votre mot de passe est changé."],
    ];
    for (const [text, expected] of turns) {
      expect(await say(text)).toContain(expected);
      const state = await storedState();
      for (const s of secrets) expect(state).not.toContain(s);
    }
  });

  it("a confirmation that differs changes nothing, and the state never held either password", async () => {
    const say = await conversation("sophie.pelletier@exemple.ca");
    await say("je veux changer mon mot de passe");
    await say("Portail-Demo-2026");
    await say("Premier-Essai-2027");
    expect(await say("Second-Essai-2027")).toContain("Les deux mots de passe ne sont pas identiques");
    const state = await storedState();
    for (const s of ["Portail-Demo-2026", "Premier-Essai-2027", "Second-Essai-2027"]) expect(state).not.toContain(s);
  });

  it("change secret question (en): the password and the new answer absent from every stored row", async () => {
    const say = await conversation("stephane.bouchard@exemple.ca");
    const turns: [string, string][] = [
      ["change my security question please", "first enter your current password"],
      ["Portail-Demo-2026", "Choose your new secret question"],
      ["2", "What is your answer"],
      ["Idefix-Le-Chien", "Your secret question and its answer have been changed."],
    ];
    for (const [text, expected] of turns) {
      expect(await say(text)).toContain(expected);
      const state = await storedState();
      for (const s of ["Portail-Demo-2026", "Idefix-Le-Chien"]) expect(state).not.toContain(s);
    }
  });
});
