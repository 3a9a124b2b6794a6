// After a real `aide-portail start` (the embedded database, seeded with the demo) and a few flows — password
// resets by secret question (right and wrong answers), a sign-in by emailed code, chat messages and an email
// carrying the demo passwords and answers — the process's logs (every line, at debug level) contain none of
// the seeded passwords, none of the secret answers, and none of the chat codes or temporary passwords issued
// during the run (read from the outbox's .eml files).
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { killLeftovers, startAidePortail, type StartedProcess } from "../helpers/aide-portail-process";
import { parentEmail } from "../helpers/mail-fixtures";
import { waitFor } from "../helpers/smtp-sink";

jest.setTimeout(240_000);
afterAll(killLeftovers);

const SEEDED_PASSWORDS = ["Portail-Demo-2026", "Personnel-Demo-2026"];
const SECRET_ANSWERS = ["Tintin", "Biscuit", "Rex", "Hawkesbury", "Dubé", "Le Prélude", "Astérix"];

/** The Connector API the bot answers through (what Azure's channel service provides), collecting replies. */
async function connector(): Promise<{ url: string; replies: string[]; close(): Promise<void> }> {
  const replies: string[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      try {
        replies.push(String((JSON.parse(body) as { text?: string }).text ?? ""));
      } catch {
        replies.push("");
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: `r-${replies.length}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { url, replies, close: () => new Promise<void>((r) => server.close(() => r())) };
}

function conversation(app: StartedProcess, serviceUrl: string, id: string) {
  let n = 0;
  return async (text: string): Promise<void> => {
    const res = await fetch(`${app.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        type: "message",
        id: `${id}-${++n}`,
        text,
        channelId: "webchat",
        serviceUrl,
        locale: "fr-CA",
        from: { id: `user-${id}`, role: "user" },
        recipient: { id: "bot", role: "bot" },
        conversation: { id },
      }),
    });
    expect(res.status).toBe(200);
  };
}

async function outboxTexts(dir: string): Promise<string[]> {
  if (!fs.existsSync(dir)) return [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".eml"));
  return Promise.all(files.map(async (f) => (await simpleParser(fs.readFileSync(path.join(dir, f)))).text ?? ""));
}

describe("log hygiene", () => {
  it("the logs of a run hold no seeded password, secret answer, chat code or temporary password", async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ap-hygiene-")), "data");
    const outbox = path.join(dataDir, "outbox");
    const conn = await connector();
    const app = await startAidePortail({ DATA_DIR: dataDir, LOG_LEVEL: "debug" });
    let logs = "";
    try {
      // Password reset: a wrong answer, then the right one (a temporary password is emailed).
      const reset = conversation(app, conn.url, "hyg-reset");
      await reset("mot de passe oublié");
      await reset("marie.tremblay@exemple.ca");
      await reset("Rex");
      await reset("Tintin");
      // Another family's reset, answered right (Biscuit), and wrong answers that are other families' answers.
      const reset2 = conversation(app, conn.url, "hyg-reset2");
      await reset2("j'ai oublié mon mot de passe");
      await reset2("julie.gagnon@exemple.ca");
      for (const wrong of ["Hawkesbury", "Dubé", "Le Prélude", "Astérix"]) await reset2(wrong);
      // Sign-in by emailed code, then a records question.
      const signIn = conversation(app, conn.url, "hyg-signin");
      await signIn("quel est l'horaire de Léa demain?");
      await signIn("marie.tremblay@exemple.ca");
      await waitFor(async () => (await outboxTexts(outbox)).some((t) => /\n\d{6}\n/.test(t)), "the chat code email");
      const code = (await outboxTexts(outbox)).map((t) => /\n(\d{6})\n/.exec(t)?.[1]).find(Boolean)!;
      await signIn(code);
      // A parent who types the demo password into the chat, and an email that carries passwords and answers.
      const chat = conversation(app, conn.url, "hyg-chat");
      await chat(`mon mot de passe ${SEEDED_PASSWORDS[0]} ne marche plus, ma réponse secrète est Biscuit`);
      const email = parentEmail({
        subject: `Mot de passe ${SEEDED_PASSWORDS[1]}`,
        body: `Bonjour, j'ai essayé ${SEEDED_PASSWORDS[0]} et la réponse Tintin, rien ne marche.`,
      });
      fs.mkdirSync(path.join(dataDir, "inbox"), { recursive: true });
      fs.writeFileSync(path.join(dataDir, "inbox", "hygiene.eml"), email.raw);
      await waitFor(() => fs.existsSync(path.join(dataDir, "inbox", "processed", "hygiene.eml")), "the email to be processed", 60_000);
      await waitFor(
        async () => (await outboxTexts(outbox)).some((t) => t.includes("mot de passe temporaire est")),
        "the temporary password email",
      );
      expect(conn.replies.join("\n")).toContain("votre identité est vérifiée"); // the code was accepted
    } finally {
      expect(await app.stop()).toBe(0);
      logs = app.output();
      await conn.close();
    }

    const texts = await outboxTexts(outbox);
    const temporaryPasswords = texts.flatMap((t) => /mot de passe temporaire est (\S+)/.exec(t)?.[1] ?? []);
    const codes = texts.flatMap((t) => /\n(\d{6})\n/.exec(t)?.[1] ?? []);
    expect(temporaryPasswords.length).toBeGreaterThanOrEqual(1);
    expect(codes.length).toBeGreaterThanOrEqual(1);
    // The run logged for real (each turn, the email), so the absence below means something.
    expect(logs.split("\n").filter((l) => l.startsWith("{")).length).toBeGreaterThan(20);
    const forbidden = [...SEEDED_PASSWORDS, ...SECRET_ANSWERS, ...temporaryPasswords, ...codes];
    const found = forbidden.filter((s) => logs.toLowerCase().includes(s.toLowerCase()));
    expect(found).toEqual([]);
  });
});
