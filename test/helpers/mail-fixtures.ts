// What the golden mail fixtures (test/fixtures/mail/NNN-name.eml) run against: the demo dataset plus three
// tickets that the « reply » fixtures answer — AP-000001 (Marie Tremblay, Léa, EEP Jeanne-Sauvé),
// AP-000002 (Julie Gagnon, Zoé, EEP Marie-Curie), AP-000003 (an unknown parent, central help desk) — and
// the APP_SECRET the fixtures' signed Message-IDs were made with.
import path from "node:path";
import { createTicket, seedDemo, type CoreContext } from "../../core";

export const MAIL_FIXTURES_DIR = path.resolve(__dirname, "../fixtures/mail");
export const GOLDEN_APP_SECRET = "golden-fixtures-secret-0123456789abcdef";

export async function setUpMailFixtures(ctx: CoreContext): Promise<void> {
  await seedDemo(ctx);
  // The fixtures' references (AP-000001…3) name the three tickets below: the demo's own tickets (the triage
  // console's examples) are cleared first, and the numbering starts again at 1.
  await ctx.prisma.$executeRawUnsafe(`TRUNCATE "Ticket" RESTART IDENTITY CASCADE`);
  const student = async (givenName: string) =>
    (await ctx.prisma.student.findFirstOrThrow({ where: { givenName }, select: { id: true } })).id;
  const account = async (email: string) => (await ctx.prisma.account.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  await createTicket(ctx, {
    channel: "EMAIL",
    subject: "Mot de passe oublié",
    body: "J'ai oublié mon mot de passe.",
    lang: "fr",
    intent: "account.password_reset",
    accountId: await account("marie.tremblay@exemple.ca"),
    studentId: await student("Léa"),
    requester: { email: "marie.tremblay@exemple.ca" },
  });
  await createTicket(ctx, {
    channel: "EMAIL",
    subject: "Enfant manquant",
    body: "Je ne vois pas Émile.",
    lang: "fr",
    intent: "children.missing",
    accountId: await account("julie.gagnon@exemple.ca"),
    studentId: await student("Zoé"),
    requester: { email: "julie.gagnon@exemple.ca" },
  });
  await createTicket(ctx, {
    channel: "EMAIL",
    subject: "Compte pas activé",
    body: "Mon compte n'est pas activé.",
    lang: "fr",
    intent: "account.activate",
    requester: { email: "paul.nadeau@courriel.exemple" },
  });
}

/** A plain parent email with a unique Message-ID (integration tests, the bench). */
let n = 0;
export function parentEmail(opts: { from?: string; subject?: string; body?: string; headers?: string } = {}): {
  raw: Buffer;
  messageId: string;
} {
  const messageId = `<it-${process.pid}-${++n}-${Date.now()}@exemple.ca>`;
  const raw = [
    `From: Parent Test <${opts.from ?? "parent.test@exemple.ca"}>`,
    "To: portail.famille@cepeo.on.ca",
    `Subject: ${opts.subject ?? "Mot de passe oublie"}`,
    "Date: Mon, 23 Nov 2026 08:14:00 -0500",
    `Message-ID: ${messageId}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    ...(opts.headers ? [opts.headers] : []),
    "",
    opts.body ?? "Bonjour, j'ai oublie mon mot de passe du portail, pouvez-vous m'aider?",
    "",
  ].join("\r\n");
  return { raw: Buffer.from(raw), messageId };
}
