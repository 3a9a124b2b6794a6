// Chat fuzzing through the product's real Direct Line endpoints: the whole system (bin/start.ts) in process
// on the demo database, reached over HTTP. A seeded generator fires random Unicode (lone surrogates, RTL,
// combining marks, emoji), texts of 10,000+ characters, control characters and NUL, malformed JSON, wrong
// activity types and fields, huge bodies, bad tokens and replayed or absurd watermarks. Every request gets a
// clear answer — a message the endpoint accepted gets the bot's reply (never the « error on my side »
// sentence), a refusal is a 4xx with a code and a sentence — never a 5xx, and the server keeps answering.
import { translator } from "../../../core";
import { startSystemInProcess, type SystemInProcess } from "../../helpers/system-in-process";
import { prng } from "../../helpers/hostile-mail";

jest.setTimeout(170_000);

let sys: SystemInProcess;
beforeAll(async () => {
  sys = await startSystemInProcess();
});
afterAll(() => sys?.stop());

const DL = "/v3/directline";
const TURN_FAILED = [String(translator("fr")("bot:errors.turn")), String(translator("en")("bot:errors.turn"))];

interface Conversation {
  conversationId: string;
  token: string;
}

async function startConversation(): Promise<Conversation> {
  const g = await fetch(`${sys.base}${DL}/tokens/generate`, { method: "POST" });
  expect(g.status).toBe(200);
  const c = (await g.json()) as Conversation;
  const s = await fetch(`${sys.base}${DL}/conversations`, { method: "POST", headers: { Authorization: `Bearer ${c.token}` } });
  expect(s.status).toBe(201);
  return c;
}

interface Outcome {
  what: string;
  status: number;
  body: string;
}

async function send(what: string, path: string, init: RequestInit): Promise<Outcome> {
  const res = await fetch(`${sys.base}${path}`, init);
  return { what, status: res.status, body: await res.text() };
}

/** A refusal is clean: a 4xx whose JSON names a code and says a sentence. */
function cleanRefusal(o: Outcome): boolean {
  if (o.status < 400 || o.status >= 500) return false;
  try {
    const e = (JSON.parse(o.body) as { error?: { code?: string; message?: string } }).error;
    return typeof e?.code === "string" && typeof e.message === "string" && e.message.length > 10;
  } catch {
    return false;
  }
}

const SPICES = [
  "\ud800",
  "\udfff",
  "\u202e",
  "\u0301\u0301\u0301",
  "🧒🏽👨‍👩‍👧",
  "\u0000",
  "\u0007",
  "\u001b[31m",
  "\ufeff",
  "\uffff",
  "\r\n",
  "\t",
  "𝕃é𝕒",
  "ا",
  "\u200b",
];
const WORDS = [
  "horaire",
  "Léa",
  "mot de passe",
  "bulletin",
  "absences",
  "demain",
  "annuler",
  "aide",
  "marie.tremblay@exemple.ca",
  "123456",
];

/** One fuzzed message text. */
function fuzzText(rnd: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const kind = Math.floor(rnd() * 6);
  if (kind === 0)
    return Array.from({ length: 1 + Math.floor(rnd() * 40) }, () => String.fromCharCode(Math.floor(rnd() * 0x10000))).join("");
  if (kind === 1) return `${pick(WORDS)} `.repeat(1500 + Math.floor(rnd() * 1000)); // 10,000+ characters
  if (kind === 2) return Array.from({ length: 1 + Math.floor(rnd() * 30) }, () => String.fromCharCode(Math.floor(rnd() * 32))).join("");
  if (kind === 3) return Array.from({ length: 3 + Math.floor(rnd() * 10) }, () => `${pick(WORDS)}${pick(SPICES)}`).join(" ");
  if (kind === 4) return pick(SPICES).repeat(1 + Math.floor(rnd() * 200));
  return `${pick(WORDS)} ${pick(WORDS)}`;
}

/** Wrong shapes of a posted activity: types, fields, values. */
function fuzzActivity(rnd: () => number): unknown {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  return pick([
    () => ({
      type: pick(["invoke", "conversationUpdate", "deleteUserData", "", 42, null, ["message"], "MESSAGE", "message\u0000"]),
      text: "bonjour",
    }),
    () => ({ type: "message", text: pick([42, true, { a: 1 }, ["bonjour"], null]) }),
    () => ({
      type: "message",
      text: "bonjour",
      attachments: pick(["x", 7, { contentType: "image/png" }, [null], [[]], [{ contentUrl: 42 }]]),
    }),
    () => ({ type: "message", value: pick([{ ap: "launch" }, "x", 1e308, [1, [2, [3]]], { ap: { nested: true } }, null]) }),
    () => ({ type: "message", text: "horaire", locale: pick(["xx-YY", "\u0000", "fr-CA".repeat(100), 12, "en"]) }),
    () => ({ type: "message", text: "bonjour", from: { id: "aide-portail", role: "bot", name: "\u0000".repeat(300) } }),
    () => ({ type: "message", text: "bonjour", conversation: { id: "quelqu-un-d-autre" }, serviceUrl: "http://evil.example" }),
    () => ({ type: "message", text: "bonjour", channelData: pick([[1], "x", { clientActivityID: { $gt: "" } }, { ap: 1 }]) }),
    () => ({ type: "event", name: pick(["webchat/join", "\u0000", "x".repeat(500), 3]), value: { language: "\ud800" } }),
    () => ({ type: "typing", text: "x".repeat(5000) }),
    () => ({ type: "message", entities: pick([[{ type: "mention" }], "x", [null]]), text: "aide" }),
    () => [{ type: "message", text: "bonjour" }],
    () => "message",
    () => 12,
    () => null,
  ])();
}

describe("chat fuzzing through Direct Line", () => {
  it("answers every fuzzed request with the bot's reply or a clean 4xx, never a 5xx, and keeps answering", async () => {
    const rnd = prng(141414);
    const outcomes: Outcome[] = [];
    const turnsWithoutAnswer: string[] = [];
    const failedTurns: string[] = [];
    const conversations: Conversation[] = [];
    for (let n = 0; n < 10; n++) conversations.push(await startConversation());
    const victim = conversations[0];
    let messages = 0;
    for (let i = 0; i < 240; i++) {
      // At most 20 posts per conversation: under the per-conversation rate (30 a minute), so the bot is reached.
      const c = conversations[1 + (i % 9)];
      const url = `${DL}/conversations/${c.conversationId}/activities`;
      const auth = { Authorization: `Bearer ${c.token}`, "Content-Type": "application/json" };
      const kind = i % 8;
      let o: Outcome;
      if (kind <= 3) {
        const text = fuzzText(rnd);
        o = await send(`text#${i}`, url, {
          method: "POST",
          headers: auth,
          body: JSON.stringify({ type: "message", text, locale: "fr-CA" }),
        });
        if (o.status === 200) {
          messages += 1;
          const id = (JSON.parse(o.body) as { id: string }).id;
          const page = (await (await fetch(`${sys.base}${url}`, { headers: auth })).json()) as {
            activities: { replyToId?: string; from: { role?: string }; text?: string }[];
          };
          const replies = page.activities.filter((a) => a.replyToId === id && a.from.role === "bot");
          if (replies.length === 0) turnsWithoutAnswer.push(`text#${i}`);
          if (replies.some((r) => TURN_FAILED.includes(r.text ?? ""))) failedTurns.push(`text#${i}: ${JSON.stringify(text.slice(0, 60))}`);
        }
      } else if (kind === 4) {
        o = await send(`activity#${i}`, url, { method: "POST", headers: auth, body: JSON.stringify(fuzzActivity(rnd)) });
      } else if (kind === 5) {
        const junk = [
          "{",
          '{"type":"message","text":',
          "\u0000\u0001",
          '{"type":"message"}}',
          "nul",
          "[".repeat(5000),
          '{"a":' + "[".repeat(10000),
        ];
        o = await send(`json#${i}`, url, { method: "POST", headers: auth, body: junk[Math.floor(rnd() * junk.length)] });
      } else if (kind === 6) {
        const bad = [
          undefined,
          "",
          "Bearer",
          "Bearer x",
          `Bearer ${c.token}x`,
          `Bearer ${c.token.split(".").reverse().join(".")}`,
          `Bearer ${"a".repeat(9000)}`,
          `Basic ${c.token}`,
          `Bearer ${victim.token}`, // another conversation's token on this conversation
        ][Math.floor(rnd() * 9)];
        const headers: Record<string, string> = { "Content-Type": "application/json" };
        if (bad !== undefined) headers.Authorization = bad;
        const target =
          bad === `Bearer ${victim.token}` ? url : rnd() < 0.5 ? url : `${DL}/conversations/${victim.conversationId}/activities`;
        o = await send(`token#${i}`, target, { method: rnd() < 0.5 ? "GET" : "POST", headers, body: undefined });
        if (o.status === 200) o = { ...o, what: `${o.what} (accepted a bad token!)`, status: 299 };
      } else {
        const wm = ["-1", "99999999999", "abc", "1e3", "0x10", "", "NaN", "%00", "1".repeat(400), "3", "3"][Math.floor(rnd() * 11)];
        o = await send(`watermark#${i}`, `${url}?watermark=${encodeURIComponent(wm)}`, { headers: auth });
      }
      outcomes.push(o);
    }
    // Huge bodies: over the 256 KB limit (413), one of 5 MB sent whole.
    const big = conversations[1];
    const bigUrl = `${DL}/conversations/${big.conversationId}/activities`;
    for (const size of [300 * 1024, 5 * 1024 * 1024]) {
      outcomes.push(
        await send(`body of ${size} bytes`, bigUrl, {
          method: "POST",
          headers: { Authorization: `Bearer ${big.token}`, "Content-Type": "application/json" },
          body: JSON.stringify({ type: "message", text: "x".repeat(size) }),
        }),
      );
    }
    // Tokens against the other routes: refresh, reconnect, upload, start.
    for (const auth of ["Bearer nope", "Bearer " + "é".repeat(100), ""]) {
      const headers = auth ? { Authorization: auth } : undefined;
      outcomes.push(await send(`refresh ${auth}`, `${DL}/tokens/refresh`, { method: "POST", headers }));
      outcomes.push(await send(`reconnect ${auth}`, `${DL}/conversations/${victim.conversationId}`, { headers }));
      outcomes.push(await send(`upload ${auth}`, `${DL}/conversations/${victim.conversationId}/upload`, { method: "POST", headers }));
      outcomes.push(await send(`start ${auth}`, `${DL}/conversations`, { method: "POST", headers }));
    }
    outcomes.push(
      await send("generate with junk", `${DL}/tokens/generate`, {
        method: "POST",
        body: "{{{{",
        headers: { "Content-Type": "application/json" },
      }),
    );

    expect(
      outcomes.filter((o) => o.status >= 500 || o.status === 299).map((o) => `${o.what}: ${o.status} ${o.body.slice(0, 200)}`),
    ).toEqual([]);
    expect(
      outcomes.filter((o) => o.status >= 400 && !cleanRefusal(o)).map((o) => `${o.what}: ${o.status} ${o.body.slice(0, 200)}`),
    ).toEqual([]);
    expect(turnsWithoutAnswer).toEqual([]);
    expect(failedTurns).toEqual([]);
    // The fuzzing reached the bot for real, and was refused for real.
    expect(messages).toBeGreaterThan(60);
    expect(outcomes.filter((o) => o.status >= 400).length).toBeGreaterThan(60);
    // Nothing reached the victim's conversation: only its welcome is there.
    const own = (await (
      await fetch(`${sys.base}${DL}/conversations/${victim.conversationId}/activities`, {
        headers: { Authorization: `Bearer ${victim.token}` },
      })
    ).json()) as { activities: { from: { role?: string } }[] };
    expect(own.activities.every((a) => a.from.role === "bot")).toBe(true);

    // Still answering: health, and a normal conversation gets its answer.
    expect((await fetch(`${sys.base}/healthz`)).status).toBe(200);
    const fresh = await startConversation();
    const url = `${DL}/conversations/${fresh.conversationId}/activities`;
    const headers = { Authorization: `Bearer ${fresh.token}`, "Content-Type": "application/json" };
    const ok = await fetch(`${sys.base}${url}`, { method: "POST", headers, body: JSON.stringify({ type: "message", text: "bonjour" }) });
    expect(ok.status).toBe(200);
    const page = (await (await fetch(`${sys.base}${url}`, { headers })).json()) as {
      activities: { from: { role?: string }; text?: string }[];
    };
    expect(
      page.activities
        .filter((a) => a.from.role === "bot")
        .map((a) => a.text)
        .join("\n"),
    ).toMatch(/Bonjour/);
  });
});
