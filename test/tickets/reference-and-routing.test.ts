// Ticket references (format, parse in subjects) and the routing table on a real database.
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";
import { makeFamily, makeSchool } from "../factories/families";
import { createTicket, formatTicketReference, parseTicketReference, routeTicket } from "../../core/tickets";

describe("ticket references", () => {
  it("formats AP- and six digits", () => {
    expect(formatTicketReference(42)).toBe("AP-000042");
    expect(formatTicketReference(1234567)).toBe("AP-1234567");
  });

  it.each([
    ["AP-42", 42],
    ["ap 000042", 42],
    ["Re: [AP-000042] Nous avons bien reçu votre demande", 42],
    ["TR: ap-7 bulletin", 7],
    ["Demande AP#15", 15],
    ["ref AP000123", 123],
    ["Suivi de la demande « AP - 000321 »", 321],
  ])("reads %s", (text, n) => {
    expect(parseTicketReference(text)).toBe(n);
  });

  it.each([["je reviens ap 2 jours"], ["MAP-12"], ["AP-"], ["rien ici"], [""], ["AP-0"]])("finds nothing in %s", (text) => {
    expect(parseTicketReference(text)).toBeNull();
  });
});

describe("routing", () => {
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

  it("follows the rule: central-only intents, then the child's school, then the given school, else central", async () => {
    const childSchool = await makeSchool(db.prisma);
    const givenSchool = await makeSchool(db.prisma, { code: "EEP-DONNEE" });
    const closed = await makeSchool(db.prisma, { active: false });
    const fam = await makeFamily(db.prisma, { school: childSchool });
    const kid = fam.students[0].id;
    const closedFam = await makeFamily(db.prisma, { school: closed });
    const cases: [object, string, string | null, string][] = [
      [{ intent: "records.attendance", studentId: kid, schoolCode: givenSchool.code }, "SCHOOL", childSchool.code, "student_school"],
      [{ intent: "records.schedule", schoolCode: "eep-donnee" }, "SCHOOL", givenSchool.code, "given_school"],
      [
        { intent: "children.missing", studentId: closedFam.students[0].id, schoolCode: givenSchool.code },
        "SCHOOL",
        givenSchool.code,
        "given_school",
      ],
      [{ intent: "children.missing" }, "CENTRAL", null, "no_school"],
      [{ intent: "account.create", schoolCode: "NOPE" }, "CENTRAL", null, "no_school"],
      [{ intent: "account.email_not_recognized", studentId: kid, schoolCode: givenSchool.code }, "CENTRAL", null, "central_intent"],
      [{ intent: "account.activate", schoolCode: givenSchool.code }, "CENTRAL", null, "central_intent"],
      [{ schoolCode: closed.code }, "CENTRAL", null, "no_school"],
      [{}, "CENTRAL", null, "no_school"],
    ];
    for (const [input, queue, school, reason] of cases) {
      const r = await routeTicket(db.prisma, input);
      expect({ input, queue: r.queue, school: r.school?.code ?? null, reason: r.reason }).toEqual({ input, queue, school, reason });
    }
  });

  it("creates the ticket in the routed queue with its reference", async () => {
    const school = await makeSchool(db.prisma);
    const ctx = testContext(db);
    const a = await createTicket(ctx, {
      channel: "CHAT",
      subject: "Horaire",
      body: "Où est l'horaire?",
      lang: "fr",
      schoolCode: school.code,
    });
    const b = await createTicket(ctx, {
      channel: "EMAIL",
      subject: "Compte",
      body: "Mon courriel n'est pas reconnu",
      lang: "fr",
      intent: "account.email_not_recognized",
      schoolCode: school.code,
    });
    expect(a).toMatchObject({
      queue: "SCHOOL",
      school: { code: school.code, name: school.name },
      reference: formatTicketReference(a.number),
      created: true,
    });
    expect(b).toMatchObject({ queue: "CENTRAL", school: null, number: a.number + 1 });
  });
});
