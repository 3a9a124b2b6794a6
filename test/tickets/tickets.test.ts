// Tickets on a real database: one-transaction creation, the help form, messages and internal notes,
// idempotent email ids, status transitions, re-routing and who sees what.
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";
import { makeAccount, makeFamily, makeSchool, unique } from "../factories/families";
import {
  addTicketMessage,
  changeTicketStatus,
  createTicket,
  findTicketByReference,
  getTicket,
  HelpFormError,
  listTickets,
  MAX_BODY_BYTES,
  rerouteTicket,
  submitHelpForm,
  type HelpFormInput,
} from "../../core/tickets";
import type { StaffRole } from "../../core/db/generated/enums";

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

async function staff(role: StaffRole, schoolId: string | null = null) {
  return db.prisma.staff.create({ data: { email: `${unique("staff")}@cepeo.example.test`, name: `Personne ${role}`, role, schoolId } });
}

const form = (schoolCode: string, over: Partial<HelpFormInput> = {}): HelpFormInput => ({
  parentFamilyName: "Tremblay",
  parentGivenName: "Marie",
  email: "  Marie.Tremblay@Exemple.TEST ",
  dayPhone: "613 555-0142",
  childFamilyName: "Tremblay",
  childGivenName: "Léa",
  childGrade: "5e",
  schoolCode,
  description: "Je ne vois pas le bulletin de Léa.",
  lang: "fr",
  ...over,
});

describe("createTicket", () => {
  it("writes the ticket, its first message and the audit event together; the same email opens one ticket", async () => {
    const school = await makeSchool(db.prisma);
    const fam = await makeFamily(db.prisma, { school });
    const { account } = await makeAccount(db.prisma, { guardian: fam.guardian });
    const ctx = testContext(db);
    const opts = {
      channel: "EMAIL" as const,
      subject: "  Absence de   Léa ",
      body: "Léa sera absente demain.",
      lang: "fr" as const,
      intent: "records.attendance",
      accountId: account.id,
      studentId: fam.students[0].id,
      emailMessageId: "<m1@exemple.test>",
      correlationId: "<m1@exemple.test>",
    };
    const t = await createTicket(ctx, opts);
    expect(t).toMatchObject({ queue: "SCHOOL", school: { code: school.code }, created: true });
    const row = await db.prisma.ticket.findUniqueOrThrow({ where: { id: t.id }, include: { messages: true } });
    expect(row).toMatchObject({
      subject: "Absence de Léa",
      status: "NEW",
      requesterEmail: account.email,
      channel: "EMAIL",
      createdAt: ctx.now(),
    });
    expect(row.messages).toEqual([
      expect.objectContaining({ author: "PARENT", body: opts.body, internal: false, emailMessageId: "<m1@exemple.test>" }),
    ]);
    const audit = await db.prisma.auditEvent.findMany({ where: { entityId: t.id } });
    expect(audit).toEqual([
      expect.objectContaining({ action: "ticket.created", actorType: "parent", actorId: account.id, correlationId: "<m1@exemple.test>" }),
    ]);
    expect(JSON.stringify(audit[0].data)).not.toContain("absente");

    const again = await createTicket(ctx, opts);
    expect(again).toMatchObject({ id: t.id, created: false });
    expect(await db.prisma.ticket.count()).toBe(1);
  });

  it("does not attach (nor route by) a child the signed-in parent cannot see", async () => {
    const mine = await makeSchool(db.prisma);
    const theirs = await makeSchool(db.prisma);
    const fam = await makeFamily(db.prisma, { school: mine });
    const other = await makeFamily(db.prisma, { school: theirs });
    const { account } = await makeAccount(db.prisma, { guardian: fam.guardian });
    const t = await createTicket(testContext(db), {
      channel: "CHAT",
      subject: "x",
      body: "y",
      lang: "fr",
      accountId: account.id,
      studentId: other.students[0].id,
    });
    expect(t).toMatchObject({ queue: "CENTRAL", school: null });
    expect((await db.prisma.ticket.findUniqueOrThrow({ where: { id: t.id } })).studentId).toBeNull();
  });

  it("leaves nothing behind when the transaction fails after its first write", async () => {
    const ctx = testContext(db);
    // The ticket row is written first; a trigger then refuses its first message, so only a transaction
    // around both writes can leave the ticket table empty.
    await db.prisma.$executeRawUnsafe(`CREATE FUNCTION refuse_message() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'refused after the first write' USING ERRCODE = 'P0001'; END $$ LANGUAGE plpgsql`);
    await db.prisma.$executeRawUnsafe(
      `CREATE TRIGGER refuse_message BEFORE INSERT ON "TicketMessage" FOR EACH ROW EXECUTE FUNCTION refuse_message()`,
    );
    try {
      const writesBefore = await db.prisma.ticket.count();
      await expect(createTicket(ctx, { channel: "CHAT", subject: "x", body: "y", lang: "fr" })).rejects.toThrow(
        /refused after the first write/,
      );
      expect(writesBefore).toBe(0);
      expect(await db.prisma.ticket.count()).toBe(0);
      expect(await db.prisma.ticketMessage.count()).toBe(0);
      expect(await db.prisma.auditEvent.count()).toBe(0);
    } finally {
      await db.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_message ON "TicketMessage"`);
      await db.prisma.$executeRawUnsafe(`DROP FUNCTION refuse_message()`);
    }
    // Without the trigger the same call succeeds: the failure above came from the refused message alone.
    await expect(createTicket(ctx, { channel: "CHAT", subject: "x", body: "y", lang: "fr" })).resolves.toMatchObject({ created: true });
    expect(await db.prisma.ticketMessage.count()).toBe(1);
  });

  it("refuses an account that does not exist without writing anything", async () => {
    const ctx = testContext(db);
    await expect(
      createTicket(ctx, { channel: "CHAT", subject: "x", body: "y", lang: "fr", accountId: "no-such-account" }),
    ).rejects.toThrow();
    expect(await db.prisma.ticket.count()).toBe(0);
    expect(await db.prisma.auditEvent.count()).toBe(0);
  });

  it("truncates a body over 100 KB with a visible marker, and refuses an empty one", async () => {
    const ctx = testContext(db);
    const t = await createTicket(ctx, { channel: "EMAIL", subject: "Long", body: "é".repeat(MAX_BODY_BYTES), lang: "fr" });
    const m = await db.prisma.ticketMessage.findFirstOrThrow({ where: { ticketId: t.id } });
    expect(Buffer.byteLength(m.body, "utf8")).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(m.body).toMatch(/message tronqué/);
    expect(m.body.startsWith("éé")).toBe(true);
    await expect(createTicket(ctx, { channel: "CHAT", subject: "Vide", body: "  ", lang: "fr" })).rejects.toMatchObject({
      code: "tickets.empty_body",
    });
  });
});

describe("submitHelpForm", () => {
  it("creates a FORM ticket for the school and queues the acknowledgement and the school's notification with it", async () => {
    const school = await makeSchool(db.prisma, { email: "secretariat.test@cepeo.example.test" });
    const ctx = testContext(db);
    const r = await submitHelpForm(ctx, form(school.code.toLowerCase()));
    expect(r).toMatchObject({ queue: "SCHOOL", school: { code: school.code } });
    const t = await db.prisma.ticket.findUniqueOrThrow({ where: { id: r.id } });
    expect(t).toMatchObject({
      channel: "FORM",
      requesterEmail: "marie.tremblay@exemple.test",
      requesterName: "Marie Tremblay",
      requesterPhone: "613 555-0142",
      childGivenName: "Léa",
      childGrade: "05",
    });
    const out = await db.prisma.outboxMessage.findMany({ where: { ticketId: r.id }, orderBy: { template: "asc" } });
    expect(out.map((o) => [o.template, o.toAddress])).toEqual([
      ["tickets:email.newTicketForSchool", "secretariat.test@cepeo.example.test"],
      ["tickets:email.received", "marie.tremblay@exemple.test"],
    ]);
    const ack = out.find((o) => o.template === "tickets:email.received")!;
    expect(ack.subject).toContain(r.reference);
    expect(ack.text).toContain("Je ne vois pas le bulletin de Léa.");
    expect(ack.fromAddress).toBe(ctx.config.HELPDESK_ADDRESS);
    expect(out.find((o) => o.template === "tickets:email.newTicketForSchool")!.text).toContain("613 555-0142");
    expect(await db.prisma.auditEvent.count({ where: { entityId: r.id, action: "ticket.created" } })).toBe(1);
  });

  it("sends the notification to the help desk when the school has no address, and acknowledges in English", async () => {
    const school = await makeSchool(db.prisma, { email: null });
    const ctx = testContext(db);
    const r = await submitHelpForm(ctx, form(school.code, { lang: "en", childGrade: "JK" }));
    const out = await db.prisma.outboxMessage.findMany({ where: { ticketId: r.id } });
    expect(out.find((o) => o.template === "tickets:email.newTicketForSchool")!.toAddress).toBe(ctx.config.HELPDESK_ADDRESS);
    expect(out.find((o) => o.template === "tickets:email.received")!.subject).toMatch(/We have received/);
  });

  it("names every bad field with its own key and creates nothing", async () => {
    const school = await makeSchool(db.prisma);
    const ctx = testContext(db);
    const err = await submitHelpForm(
      ctx,
      form(school.code, { parentGivenName: "  ", email: "marie@", dayPhone: "555", childGrade: "14e", description: "" }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HelpFormError);
    expect((err as HelpFormError).code).toBe("tickets.invalid_form");
    expect((err as HelpFormError).fields).toEqual([
      { field: "parentGivenName", key: "tickets:form.error.required" },
      { field: "email", key: "tickets:form.error.email" },
      { field: "dayPhone", key: "tickets:form.error.phone" },
      { field: "childGrade", key: "tickets:form.error.grade" },
      { field: "description", key: "tickets:form.error.required" },
    ]);
    const unknownSchool = await submitHelpForm(ctx, form("NOPE-1")).catch((e: unknown) => e);
    expect((unknownSchool as HelpFormError).fields).toEqual([{ field: "schoolCode", key: "tickets:form.error.school" }]);
    const missing = await submitHelpForm(ctx, { lang: "fr" } as HelpFormInput).catch((e: unknown) => e);
    expect((missing as HelpFormError).fields.map((f) => f.field)).toEqual([
      "parentFamilyName",
      "parentGivenName",
      "email",
      "dayPhone",
      "childFamilyName",
      "childGivenName",
      "childGrade",
      "schoolCode",
      "description",
    ]);
    expect(await db.prisma.ticket.count()).toBe(0);
    expect(await db.prisma.outboxMessage.count()).toBe(0);
  });
});

describe("messages, statuses and visibility", () => {
  async function setup() {
    const schoolA = await makeSchool(db.prisma);
    const schoolB = await makeSchool(db.prisma);
    const fam = await makeFamily(db.prisma, { school: schoolA });
    const { account } = await makeAccount(db.prisma, { guardian: fam.guardian });
    const ctx = testContext(db);
    const ticket = await createTicket(ctx, {
      channel: "CHAT",
      subject: "Bulletin",
      body: "Bulletin introuvable",
      lang: "fr",
      accountId: account.id,
      studentId: fam.students[0].id,
    });
    const central = await createTicket(ctx, {
      channel: "EMAIL",
      subject: "Activation",
      body: "Pas reçu le lien",
      lang: "fr",
      intent: "account.activate",
    });
    const other = await createTicket(ctx, { channel: "FORM", subject: "Autre école", body: "…", lang: "fr", schoolCode: schoolB.code });
    return { ctx, schoolA, schoolB, account, ticket, central, other };
  }

  it("shows a secretary her school's queue only; an agent and an admin see everything", async () => {
    const { ctx, schoolA, ticket, central, other } = await setup();
    const secretary = await staff("SECRETARY", schoolA.id);
    const agent = await staff("AGENT");
    const admin = await staff("ADMIN");
    const ids = async (staffId: string) => (await listTickets(ctx, { viewer: { kind: "staff", staffId } })).map((t) => t.id).sort();
    expect(await ids(secretary.id)).toEqual([ticket.id]);
    expect(await ids(agent.id)).toEqual([ticket.id, central.id, other.id].sort());
    expect(await ids(admin.id)).toEqual([ticket.id, central.id, other.id].sort());
    await expect(getTicket(ctx, { ticketId: other.id, viewer: { kind: "staff", staffId: secretary.id } })).rejects.toMatchObject({
      code: "tickets.not_found",
    });
    await expect(
      addTicketMessage(ctx, { ticketId: other.id, author: "STAFF", staffId: secretary.id, body: "Bonjour" }),
    ).rejects.toMatchObject({ code: "tickets.not_found" });
    expect(await listTickets(ctx, { viewer: { kind: "staff", staffId: "nobody" } })).toEqual([]);
    expect((await listTickets(ctx, { viewer: { kind: "staff", staffId: agent.id }, queue: "CENTRAL" })).map((t) => t.id)).toEqual([
      central.id,
    ]);
  });

  it("never shows internal notes to the parent, and a parent sees only their own tickets", async () => {
    const { ctx, schoolA, account, ticket, other } = await setup();
    const secretary = await staff("SECRETARY", schoolA.id);
    ctx.clock.advance(60_000);
    await addTicketMessage(ctx, {
      ticketId: ticket.id,
      author: "STAFF",
      staffId: secretary.id,
      body: "Note : vérifier dans Aspen",
      internal: true,
    });
    ctx.clock.advance(60_000);
    await addTicketMessage(ctx, {
      ticketId: ticket.id,
      author: "STAFF",
      staffId: secretary.id,
      body: "Le bulletin est maintenant disponible.",
    });
    const parent = { kind: "parent" as const, accountId: account.id };
    const seen = await getTicket(ctx, { ticketId: ticket.id, viewer: parent });
    expect(seen.messages.map((m) => m.body)).toEqual(["Bulletin introuvable", "Le bulletin est maintenant disponible."]);
    expect(JSON.stringify(seen)).not.toContain("Aspen");
    expect(seen.messages[1]).not.toHaveProperty("staffName");
    expect(seen).not.toHaveProperty("requester");
    const staffView = await getTicket(ctx, { ticketId: ticket.id, viewer: { kind: "staff", staffId: secretary.id } });
    expect(staffView.messages.map((m) => [m.internal, m.staffName ?? null])).toEqual([
      [false, null],
      [true, "Personne SECRETARY"],
      [false, "Personne SECRETARY"],
    ]);
    expect((await listTickets(ctx, { viewer: parent })).map((t) => t.id)).toEqual([ticket.id]);
    await expect(getTicket(ctx, { ticketId: other.id, viewer: parent })).rejects.toMatchObject({ code: "tickets.not_found" });
    await expect(addTicketMessage(ctx, { ticketId: ticket.id, author: "PARENT", body: "x", internal: true })).rejects.toMatchObject({
      code: "tickets.invalid_message",
    });
  });

  it("stores an email's message once, and a parent's reply reopens a resolved ticket", async () => {
    const { ctx, ticket } = await setup();
    await changeTicketStatus(ctx, { ticketId: ticket.id, status: "RESOLVED" });
    const first = await addTicketMessage(ctx, {
      ticketId: ticket.id,
      author: "PARENT",
      body: "Toujours rien",
      emailMessageId: "<r1@exemple.test>",
    });
    expect(first).toMatchObject({ created: true, status: "OPEN" });
    const again = await addTicketMessage(ctx, {
      ticketId: ticket.id,
      author: "PARENT",
      body: "Toujours rien",
      emailMessageId: "<r1@exemple.test>",
    });
    expect(again).toEqual({ id: first.id, ticketId: ticket.id, created: false, truncated: false, status: "OPEN" });
    expect(await db.prisma.ticketMessage.count({ where: { ticketId: ticket.id } })).toBe(2);
    const t = await db.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(t).toMatchObject({ status: "OPEN", closedAt: null });
    expect(await db.prisma.auditEvent.count({ where: { entityId: ticket.id, action: "ticket.message_added" } })).toBe(1);
  });

  it("allows only the defined status transitions, stamps closedAt and audits each change", async () => {
    const { ctx, schoolA, ticket } = await setup();
    const secretary = await staff("SECRETARY", schoolA.id);
    const move = (status: "OPEN" | "WAITING_PARENT" | "RESOLVED" | "CLOSED" | "NEW") =>
      changeTicketStatus(ctx, { ticketId: ticket.id, status, staffId: secretary.id });
    await move("OPEN");
    await move("WAITING_PARENT");
    const closed = await move("CLOSED");
    expect(closed).toMatchObject({ status: "CLOSED", closedAt: ctx.now(), changed: true });
    await expect(move("RESOLVED")).rejects.toMatchObject({
      code: "tickets.invalid_transition",
      params: { from: "CLOSED", to: "RESOLVED" },
    });
    await expect(move("NEW")).rejects.toMatchObject({ code: "tickets.invalid_transition" });
    expect(await move("OPEN")).toMatchObject({ status: "OPEN", closedAt: null });
    expect(await move("OPEN")).toMatchObject({ changed: false });
    const events = await db.prisma.auditEvent.findMany({ where: { entityId: ticket.id, action: "ticket.status_changed" } });
    expect(events.map((e) => e.data)).toEqual(
      expect.arrayContaining([
        { from: "WAITING_PARENT", to: "CLOSED" },
        { from: "CLOSED", to: "OPEN" },
      ]),
    );
    expect(events).toHaveLength(4);
    await expect(changeTicketStatus(ctx, { ticketId: ticket.id, status: "BOGUS" as "OPEN" })).rejects.toMatchObject({
      code: "tickets.invalid_status",
    });
  });

  it("re-routes to another school or the central queue, and the secretary then loses sight of it", async () => {
    const { ctx, schoolA, schoolB, ticket } = await setup();
    const secretary = await staff("SECRETARY", schoolA.id);
    const secretaryB = await staff("SECRETARY", schoolB.id);
    const r = await rerouteTicket(ctx, { ticketId: ticket.id, staffId: secretary.id, schoolCode: schoolB.code });
    expect(r).toEqual({ id: ticket.id, queue: "SCHOOL", school: { code: schoolB.code, name: schoolB.name } });
    await expect(getTicket(ctx, { ticketId: ticket.id, viewer: { kind: "staff", staffId: secretary.id } })).rejects.toMatchObject({
      code: "tickets.not_found",
    });
    await expect(rerouteTicket(ctx, { ticketId: ticket.id, staffId: secretaryB.id, schoolCode: "NOPE" })).rejects.toMatchObject({
      code: "tickets.unknown_school",
    });
    expect(await rerouteTicket(ctx, { ticketId: ticket.id, staffId: secretaryB.id, central: true })).toMatchObject({
      queue: "CENTRAL",
      school: null,
    });
    const ev = await db.prisma.auditEvent.findMany({ where: { entityId: ticket.id, action: "ticket.rerouted" }, orderBy: { at: "asc" } });
    expect(ev.map((e) => e.data)).toEqual(
      expect.arrayContaining([
        { fromQueue: "SCHOOL", fromSchool: schoolA.code, toQueue: "SCHOOL", toSchool: schoolB.code },
        { fromQueue: "SCHOOL", fromSchool: schoolB.code, toQueue: "CENTRAL", toSchool: null },
      ]),
    );
  });

  it("finds a ticket by the reference a parent quotes", async () => {
    const { ctx, ticket } = await setup();
    expect((await findTicketByReference(ctx, { reference: `Re: [${ticket.reference}] suivi` }))?.id).toBe(ticket.id);
    expect((await findTicketByReference(ctx, { reference: `ap ${String(ticket.number).padStart(6, "0")}` }))?.id).toBe(ticket.id);
    expect(await findTicketByReference(ctx, { reference: "AP-999999" })).toBeNull();
    expect(await findTicketByReference(ctx, { reference: "bonjour" })).toBeNull();
  });
});

describe("tickets: hostile input", () => {
  it("stores a subject, names and phone holding NUL or control characters without them, instead of failing", async () => {
    const ctx = testContext(db);
    const t = await createTicket(ctx, {
      channel: "EMAIL",
      subject: "Bulletin\u0000 de Léa\u0007",
      body: "Bonjour",
      lang: "fr",
      requester: { name: "Marie\u0000 Tremblay", email: "marie@exemple.test", phone: "613\u0000 555-0142" },
      child: { givenName: "Lé\u0000a", familyName: "Tremblay", grade: "05" },
    });
    const row = await db.prisma.ticket.findUniqueOrThrow({ where: { id: t.id } });
    expect(row).toMatchObject({
      subject: "Bulletin de Léa",
      requesterName: "Marie Tremblay",
      requesterPhone: "613 555-0142",
      childGivenName: "Léa",
    });
  });
});
