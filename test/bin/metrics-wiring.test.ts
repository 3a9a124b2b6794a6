// GET /metrics counts what really happened: `aide-portail start` (embedded database, the inbox folder, the
// .eml outbox) in a child process; a parent's Direct Line turn and an email dropped in the inbox move the turn,
// confidence, email and delivery series, and their log lines carry the conversation's / email's correlation id.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { correlationIdFor } from "../../core";
import { killLeftovers, logLines, startAidePortail, type StartedProcess } from "../helpers/aide-portail-process";
import { waitFor } from "../helpers/smtp-sink";

jest.setTimeout(180_000);

let app: StartedProcess;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-metrics-"));
  app = await startAidePortail({ DATA_DIR: dataDir, APP_SECRET: "metrics-wiring-test-secret-0123456789", LOG_LEVEL: "debug" });
});
afterAll(async () => {
  await app?.stop();
  killLeftovers();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The value of one sample line of the exposition text (undefined when the series is absent). */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const metrics = async () => (await fetch(`${app.url}/metrics`)).text();

it("a Direct Line turn is counted by channel and intent, its confidence and latency observed, its logs correlated", async () => {
  const before = await metrics();
  const started = (await (await fetch(`${app.url}/v3/directline/tokens/generate`, { method: "POST", body: "{}" })).json()) as {
    conversationId: string;
    token: string;
  };
  const auth = { authorization: `Bearer ${started.token}`, "content-type": "application/json" };
  const base = `${app.url}/v3/directline/conversations/${started.conversationId}`;
  const post = await fetch(`${base}/activities`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ type: "message", from: { id: "parent" }, text: "J'ai oublié mon mot de passe du portail" }),
  });
  expect(post.status).toBe(200);
  const page = (await (await fetch(`${base}/activities?watermark=0`, { headers: auth })).json()) as {
    activities: { from: { role?: string }; type: string }[];
  };
  expect(page.activities.some((a) => a.from.role === "bot" && a.type === "message")).toBe(true);

  const after = await metrics();
  const series = 'aide_portail_turns_total{intent="account.password_reset",channel="directline"}';
  expect(sample(after, series)).toBe((sample(before, series) ?? 0) + 1);
  expect(sample(after, 'aide_portail_nlu_confidence_count{channel="directline"}')).toBe(
    (sample(before, 'aide_portail_nlu_confidence_count{channel="directline"}') ?? 0) + 1,
  );
  expect(sample(after, 'aide_portail_turn_duration_seconds_count{channel="directline"}')).toBeGreaterThanOrEqual(1);

  const correlationId = correlationIdFor("conversation", `directline:${started.conversationId}`);
  const turnLine = logLines(app.output()).find((l) => l.msg === "turn answered" && l.correlationId === correlationId);
  expect(turnLine).toMatchObject({ intent: "account.password_reset", component: "bot" });
});

it("an email dropped in the inbox is counted as a ticket and as an email turn, its reply as a delivery", async () => {
  const messageId = "<metrics-wiring-1@exemple.ca>";
  const raw = [
    "From: Parent Test <parent.metrics@exemple.ca>",
    "To: aide@cepeo.on.ca",
    "Subject: Mot de passe oublié",
    `Message-ID: ${messageId}`,
    "Date: Tue, 01 Dec 2026 09:00:00 -0500",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Bonjour, j'ai oublié mon mot de passe du Portail Famille, pouvez-vous m'aider? Merci.",
    "",
  ].join("\r\n");
  fs.mkdirSync(path.join(dataDir, "inbox"), { recursive: true });
  fs.writeFileSync(path.join(dataDir, "inbox", ".metrics-1.tmp"), raw);
  fs.renameSync(path.join(dataDir, "inbox", ".metrics-1.tmp"), path.join(dataDir, "inbox", "metrics-1.eml"));

  await waitFor(async () => (sample(await metrics(), 'aide_portail_outbox_deliveries_total{outcome="sent"}') ?? 0) >= 1, "the reply sent");
  const text = await metrics();
  expect(sample(text, 'aide_portail_mail_emails_total{action="TICKET"}')).toBe(1);
  expect(sample(text, 'aide_portail_mail_processing_seconds_count{action="TICKET"}')).toBe(1);
  expect(sample(text, 'aide_portail_turns_total{intent="account.password_reset",channel="email"}')).toBe(1);
  expect(sample(text, 'aide_portail_outbox_delivery_seconds_count{transport="file"}')).toBeGreaterThanOrEqual(1);
  expect(sample(text, 'aide_portail_tickets_opened{queue="CENTRAL",channel="EMAIL"}')).toBeGreaterThanOrEqual(1);

  const correlationId = correlationIdFor("email", messageId);
  expect(logLines(app.output()).some((l) => l.correlationId === correlationId && l.component)).toBe(true);
});
