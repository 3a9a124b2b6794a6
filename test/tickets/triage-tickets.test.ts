// The triage use cases on a real database: the queue (a secretary of two schools, counts, full-text search
// with accents and prefixes, keyset paging without gaps or repeats), a reply emailed threaded with a chat
// notice for chat tickets and the first-reply time, merge, the help form's rate limits, the parent-reply
// notification.
import { addTicketMessage, createTicket, HELP_FORM_LIMITS, listTicketQueue, mergeTickets, replyToTicket, submitHelpForm } from "../../core";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";
import { makeFamily, makeSchool, unique } from "../factories/families";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await db.reset();
});

async function staff(role: "SECRETARY" | "AGENT", schoolId: string | null = null) {
  return db.prisma.staff.create({ data: { email: `${unique("s")}@cepeo.example.test`, name: role, role, schoolId } });
}

const ticket = (ctx: ReturnType<typeof testContext>, schoolCode: string | null, subject: string, body = "Bonjour.", extra = {}) =>
  createTicket(ctx, {
    channel: "EMAIL",
    subject,
    body,
    lang: "fr",
    schoolCode,
    requester: { name: "Marie Tremblay", email: "marie@exemple.test" },
    ...extra,
  });

describe("listTicketQueue", () => {
  it("shows a secretary of two schools both queues and nothing else, with counts, search and keyset paging", async () => {
    const ctx = testContext(db);
    const [a, b, c] = [await makeSchool(db.prisma), await makeSchool(db.prisma), await makeSchool(db.prisma)];
    const sec = await staff("SECRETARY", a.id);
    await db.prisma.staffSchool.create({ data: { staffId: sec.id, schoolId: b.id } });
    const mine: string[] = [];
    for (let i = 0; i < 23; i++) {
      ctx.clock.advance(60_000);
      mine.push(
        (await ticket(ctx, i % 2 ? a.code : b.code, `Demande ${i}`, i === 7 ? "Le bulletin d'Éloïse est introuvable" : "Bonjour.")).id,
      );
    }
    const other = await ticket(ctx, c.code, "Bulletin d'Éloïse ailleurs", "Le bulletin d'Éloïse est introuvable");
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listTicketQueue(ctx, { staffId: sec.id, limit: 10, cursor });
      expect(page.counts.NEW).toBe(23);
      seen.push(...page.tickets.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...mine].reverse()); // newest activity first, no gap, no repeat
    expect(seen).not.toContain(other.id);
    const found = await listTicketQueue(ctx, { staffId: sec.id, q: "ELOISE bullet" });
    expect(found.tickets.map((t) => t.id)).toEqual([mine[7]]);
    expect(found.total).toBe(1);
    const agent = await staff("AGENT");
    expect((await listTicketQueue(ctx, { staffId: agent.id, q: "éloïse" })).tickets).toHaveLength(2);
    expect((await listTicketQueue(ctx, { staffId: agent.id, q: "tremb" })).total).toBe(24);
  });
});

describe("replyToTicket, merge, notifications", () => {
  it("emails the parent from the help desk, threaded under the parent's email, and leaves a chat notice for chat tickets", async () => {
    const ctx = testContext(db);
    const school = await makeSchool(db.prisma);
    const sec = await staff("SECRETARY", school.id);
    const t = await ticket(ctx, school.code, "Bulletin", "Je ne trouve pas le bulletin.", { emailMessageId: "<p1@exemple.test>" });
    ctx.clock.advance(3600_000);
    const r = await replyToTicket(ctx, { ticketId: t.id, staffId: sec.id, body: "Voici le lien.", status: "WAITING_PARENT" });
    expect(r).toMatchObject({ status: "WAITING_PARENT", noticeId: null });
    const email = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: r.emailId! } });
    expect(email).toMatchObject({
      toAddress: "marie@exemple.test",
      fromAddress: ctx.config.HELPDESK_ADDRESS,
      subject: `[${t.reference}] Re : Bulletin`,
    });
    expect(email.headers).toMatchObject({ "In-Reply-To": "<p1@exemple.test>" });
    expect((email.headers as Record<string, string>)["Auto-Submitted"]).toBeUndefined();
    expect((await db.prisma.ticketMessage.findUniqueOrThrow({ where: { id: r.messageId } })).emailMessageId).toBe(email.messageId);
    expect((await db.prisma.ticketTriage.findUniqueOrThrow({ where: { ticketId: t.id } })).firstReplyAt).toEqual(ctx.now());

    const chat = await createTicket(ctx, {
      channel: "CHAT",
      subject: "Absence",
      body: "Léa est malade.",
      lang: "fr",
      schoolCode: school.code,
    });
    const r2 = await replyToTicket(ctx, { ticketId: chat.id, staffId: sec.id, body: "Merci, c'est noté." });
    expect(await db.prisma.conversationNotice.findUniqueOrThrow({ where: { id: r2.noticeId! } })).toMatchObject({
      ticketId: chat.id,
      channel: "CHAT",
      status: "PENDING",
    });
  });

  it("tells the school when the parent writes again, and merges a duplicate into the ticket that stays", async () => {
    const ctx = testContext(db);
    const school = await makeSchool(db.prisma);
    const sec = await staff("SECRETARY", school.id);
    const t = await ticket(ctx, school.code, "Absence", "Zoé est malade.");
    await addTicketMessage(ctx, { ticketId: t.id, author: "PARENT", body: "Elle revient lundi." });
    const notes = await db.prisma.outboxMessage.findMany({ where: { template: "tickets:email.parentReplyForSchool" } });
    expect(notes).toEqual([expect.objectContaining({ toAddress: school.email, ticketId: t.id })]);
    const dup = await ticket(ctx, school.code, "Absence (encore)", "Zoé est malade, je répète.");
    await mergeTickets(ctx, { staffId: sec.id, sourceId: dup.id, targetId: t.id });
    const [kept, closed] = await Promise.all([
      db.prisma.ticket.findUniqueOrThrow({ where: { id: t.id }, include: { messages: true } }),
      db.prisma.ticket.findUniqueOrThrow({ where: { id: dup.id }, include: { messages: true } }),
    ]);
    expect(kept.messages.map((m) => m.body)).toEqual(
      expect.arrayContaining(["Zoé est malade, je répète.", `La demande ${dup.reference} a été fusionnée dans celle-ci.`]),
    );
    expect(closed).toMatchObject({ status: "CLOSED" });
    expect(await db.prisma.auditEvent.count({ where: { action: "ticket.merged" } })).toBe(2);
  });

  it("rate-limits the help form per sender address and per school", async () => {
    const ctx = testContext(db);
    const school = await makeSchool(db.prisma);
    await makeFamily(db.prisma, { school });
    const form = (email: string) => ({
      parentFamilyName: "Roy",
      parentGivenName: "Ana",
      email,
      dayPhone: "613 555-0142",
      childFamilyName: "Roy",
      childGivenName: "Léo",
      childGrade: "3",
      schoolCode: school.code,
      description: "Aide.",
      lang: "fr" as const,
    });
    for (let i = 0; i < HELP_FORM_LIMITS.perAddress.max; i++) await submitHelpForm(ctx, form("cible@exemple.test"));
    await expect(submitHelpForm(ctx, form("CIBLE@exemple.test"))).rejects.toMatchObject({ code: "tickets.rate_limited" });
    const sent = await db.prisma.outboxMessage.count({ where: { toAddress: "cible@exemple.test" } });
    expect(sent).toBe(HELP_FORM_LIMITS.perAddress.max);
    for (let i = HELP_FORM_LIMITS.perAddress.max; i < HELP_FORM_LIMITS.perSchool.max; i++)
      await submitHelpForm(ctx, form(`p${i}@exemple.test`));
    await expect(submitHelpForm(ctx, form("nouvelle@exemple.test"))).rejects.toMatchObject({ code: "tickets.rate_limited" });
    ctx.clock.advance(HELP_FORM_LIMITS.perSchool.windowMs + 1);
    await expect(submitHelpForm(ctx, form("nouvelle@exemple.test"))).resolves.toMatchObject({ queue: "SCHOOL" });
  });
});
