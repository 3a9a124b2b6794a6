// The footer says what the reader may do: ticket mail (the acknowledgement, the email agent's reply, the
// school's notification) invites a reply, which threads into the request; an automatic notice (a code, a
// password, an account link) asks not to reply. Both languages, text and HTML.
import { createTicket, ingestInboundEmails, translator } from "../../core";
import { enqueueEmail } from "../../core/outbox/enqueue-email";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const firstLine = (key: string, lang: "fr" | "en") => translator(lang)(key).split("\n")[0];

it.each(["fr", "en"] as const)("ticket mail invites a reply, a notice does not (%s)", async (lang) => {
  const ctx = testContext(db);
  const replyLine = firstLine("common:email.footer.reply", lang);
  const noReplyLine = firstLine("common:email.footer.noReply", lang);
  const t = await createTicket(ctx, { channel: "EMAIL", subject: `Bulletin ${lang}`, body: "Je ne vois pas le bulletin.", lang });
  const ticketMail = await enqueueEmail(ctx, {
    template: "mail:email.ticketReply",
    lang,
    to: `parent.${lang}@exemple.ca`,
    ticketId: t.id,
    params: { reference: t.reference, subject: "Bulletin", answer: "", handledBy: "—", delay: "" },
  });
  const notice = await enqueueEmail(ctx, {
    template: "accounts:email.loginId",
    lang,
    to: `parent.${lang}@exemple.ca`,
    params: { loginId: "x" },
  });
  const rows = await db.prisma.outboxMessage.findMany({ where: { id: { in: [ticketMail.id, notice.id] } } });
  const ticketRow = rows.find((r) => r.id === ticketMail.id)!;
  const noticeRow = rows.find((r) => r.id === notice.id)!;
  expect(ticketRow.text).toContain(replyLine);
  expect(ticketRow.text).not.toContain(noReplyLine);
  expect(ticketRow.html).toContain(replyLine.replace(/'/g, "&#39;"));
  expect(noticeRow.text).toContain(noReplyLine);
  expect(noticeRow.text).not.toContain(replyLine);
});

it("the email agent's batch writes the same footers (reply to the parent, notification to the school)", async () => {
  const ctx = testContext(db);
  const [done] = await ingestInboundEmails(ctx, {
    items: [
      {
        intake: {
          dedupeKey: "footer-1",
          messageId: "<footer-1@exemple.ca>",
          contentHash: "f".repeat(64),
          fromAddress: "pied@exemple.ca",
          subject: "Mot de passe",
        },
        decision: {
          action: "ticket",
          reason: "no_school",
          ticket: { subject: "Mot de passe", body: "Mot de passe oublié", lang: "fr", requester: { email: "pied@exemple.ca" } },
          reply: { to: "pied@exemple.ca", lang: "fr", answer: null, inReplyTo: "<footer-1@exemple.ca>", references: [] },
        },
      },
    ],
  });
  const mails = await db.prisma.outboxMessage.findMany({
    where: { ticketId: done.ticketId },
  });
  expect(mails.map((m) => m.template).sort()).toEqual(["mail:email.ticketReply", "tickets:email.newTicketForSchool"]);
  for (const m of mails) expect(m.text).toContain(firstLine("common:email.footer.reply", "fr"));
});
