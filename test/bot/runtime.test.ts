// The whole bot as the runtime builds it (adapter → state → dialogs → TeamsActivityHandler), turns run in
// process: onTurnError apologises in the parent's language, logs the activity id and clears the conversation
// state, so the next message works; in Teams the @mention of the bot is removed before anything reads the text.
import { Writable } from "node:stream";
import type { Activity } from "botbuilder";
import { createBotRuntime, MemoryStorage, type BotRuntime } from "../../bot/runtime";
import { plainTextOf } from "../../bot/local-chat";
import { createLogger, createMetrics, type CoreContext } from "../../core";
import { demoBotEnv, type DemoBotEnv } from "../helpers/bot";

let env: DemoBotEnv;
beforeAll(async () => {
  env = await demoBotEnv();
});
afterAll(async () => {
  await env.db.close();
});

interface Harness {
  runtime: BotRuntime;
  storage: MemoryStorage;
  logs: Record<string, unknown>[];
  /** While true, the core's account lookups fail as a broken database would (inside a dialog step). */
  broken: { on: boolean };
}

function harness(): Harness {
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const broken = { on: false };
  const prisma = new Proxy(env.ctx.prisma, {
    get(target, prop, receiver) {
      if (prop === "account" && broken.on) throw new Error("connection to the database lost");
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  const ctx: CoreContext = { ...env.ctx, prisma, log: createLogger({ destination }) };
  const storage = new MemoryStorage();
  const runtime = createBotRuntime({ ctx, metrics: createMetrics(ctx) }, { storage });
  return { runtime, storage, logs, broken };
}

let n = 0;
function message(conversationId: string, text: string, extra: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: "message",
    id: `act-${++n}`,
    channelId: "webchat",
    serviceUrl: "http://127.0.0.1:9/",
    conversation: { id: conversationId } as Activity["conversation"],
    from: { id: "parent-1", role: "user" } as Activity["from"],
    recipient: { id: "aide-portail", name: "Aide-Portail", role: "bot" } as Activity["recipient"],
    locale: "fr-CA",
    text,
    ...extra,
  };
}

async function say(h: Harness, activity: Partial<Activity>): Promise<string> {
  return (await h.runtime.runLocalTurn(activity)).map(plainTextOf).filter(Boolean).join("\n");
}

const stateKey = (channelId: string, conversationId: string) => `${channelId}/conversations/${conversationId}/`;

describe.each([
  ["fr", "j'ai oublié mon mot de passe", "Désolé, une erreur s'est produite de mon côté", "bonjour", "Bonjour! Que puis-je faire"],
  [
    "en",
    "I forgot my password and need to reset it",
    "Sorry, something went wrong on my side",
    "hello there, how are you today",
    "Hello! What can I do",
  ],
])("onTurnError (%s)", (_lang, start, apology, next, greeting) => {
  it("a dialog that throws: apology in the parent's language, activity id logged, state cleared, next message works", async () => {
    const h = harness();
    const conv = `err-${_lang}-${Date.now()}`;
    expect(await say(h, message(conv, start))).toMatch(/nom d'utilisateur|user name/);
    const before = await h.storage.read([stateKey("webchat", conv)]);
    expect(JSON.stringify(before)).toContain("passwordResetDialog");

    h.broken.on = true;
    const failing = message(conv, "marie.tremblay@exemple.ca");
    const answer = await say(h, failing);
    h.broken.on = false;
    expect(answer).toContain(apology);

    const failed = h.logs.find((l) => l.msg === "turn failed");
    expect(failed?.activityId).toBe(failing.id);
    expect((failed?.err as { message?: string })?.message).toBe("connection to the database lost");
    expect(JSON.stringify(h.logs)).not.toContain("marie.tremblay@exemple.ca");
    // The broken reset is forgotten: no stored dialog stack, and the next message starts afresh.
    expect(await h.storage.read([stateKey("webchat", conv)])).toEqual({});
    expect(await say(h, message(conv, next))).toContain(greeting);
  });
});

describe("Teams @mention removal", () => {
  const botAccount = { id: "28:aide-portail-bot", name: "Aide-Portail", role: "bot" } as Activity["recipient"];
  const teamsMessage = (conv: string, text: string, mentions: { id: string; name: string }[], locale = "fr-CA") =>
    message(conv, text, {
      locale,
      channelId: "msteams",
      recipient: botAccount,
      from: { id: "29:teams-user", aadObjectId: "00000000-0000-0000-0000-0000000000aa", role: "user" } as Activity["from"],
      conversation: { id: conv, conversationType: "channel", isGroup: true } as Activity["conversation"],
      entities: mentions.map((m) => ({ type: "mention", mentioned: { id: m.id, name: m.name }, text: `<at>${m.name}</at>` })),
    });

  it.each([
    ["fr", "<at>Aide-Portail</at> annuler", "annuler", "Il n'y a rien en cours à annuler"],
    ["en", "<at>Aide-Portail</at> cancel", "cancel", "There is nothing in progress to cancel"],
  ])("%s: the bot's mention is removed, so « %s » is the whole-message command", async (_lang, text, kept, answer) => {
    const h = harness();
    const conv = `19:teams-${_lang}-${Date.now()}@thread.tacv2`;
    const mention = [{ id: botAccount.id, name: "Aide-Portail" }];
    expect(await say(h, teamsMessage(conv, text, mention, _lang === "en" ? "en-CA" : "fr-CA"))).toContain(answer);
    const state = await h.storage.read([stateKey("msteams", conv)]);
    // What the turn read as the parent's words (kept for a handoff ticket): the mention is gone.
    expect((state[stateKey("msteams", conv)] as { profile?: { transcript?: string[] } }).profile?.transcript).toEqual([kept]);
  });

  it("a mention of someone else is not the bot's and stays in the text", async () => {
    const h = harness();
    const conv = `19:teams-other-${Date.now()}@thread.tacv2`;
    await say(
      h,
      teamsMessage(conv, "<at>Aide-Portail</at> <at>Marie</at> annuler", [
        { id: botAccount.id, name: "Aide-Portail" },
        { id: "29:marie", name: "Marie" },
      ]),
    );
    const state = await h.storage.read([stateKey("msteams", conv)]);
    expect((state[stateKey("msteams", conv)] as { profile?: { transcript?: string[] } }).profile?.transcript).toEqual(["Marie annuler"]);
  });
});
