// Credits and OSSD progress, enrolment history, documents, details on file, notification subscriptions.
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";
import type { Prisma } from "../../core/db/generated/client";
import { day, unique, linkGuardian, makeAccount, makeFamily, makeGuardian, makeSchool } from "../factories/families";
import { makeCredits, makeDiplomaProgress } from "../factories/records";
import {
  getChildDetails,
  getCredits,
  getEnrolmentHistory,
  listDocuments,
  listNotificationSubscriptions,
  NOTIFICATION_TOPICS,
  setNotificationSubscription,
} from "../../core/records";

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

async function secondaryChild(grade = "12") {
  const school = await makeSchool(db.prisma, { level: "SECONDARY" });
  const fam = await makeFamily(db.prisma, { school, student: { grade } });
  const { account } = await makeAccount(db.prisma, { guardian: fam.guardian });
  return { school, fam, child: fam.students[0], account };
}

/** n credits, the first `compulsory` of them compulsory. */
const creditsOf = (n: number, compulsory: number) =>
  Array.from({ length: n }, (_, i) => ({ code: `CRS${i}`, value: 1, compulsory: i < compulsory ? "MAT" : null }));

describe("getCredits", () => {
  it("is on track when every OSSD requirement is met", async () => {
    const { child, account } = await secondaryChild();
    await makeCredits(db.prisma, child, [...creditsOf(29, 18), { code: "HALF1", value: 0.5 }, { code: "HALF2", value: 0.5 }]);
    await makeDiplomaProgress(db.prisma, child, { communityHours: 45, literacyStatus: "PASSED" });
    const r = await getCredits(testContext(db), { accountId: account.id, childId: child.id });
    expect(r.totals).toEqual({
      earned: 30,
      required: 30,
      compulsoryEarned: 18,
      compulsoryRequired: 18,
      communityHours: 45,
      communityHoursRequired: 40,
      literacyStatus: "PASSED",
      literacyMet: true,
      literacyRequired: true,
    });
    expect(r).toMatchObject({ diploma: { code: "OSSD" }, missing: [], complete: true });
    expect(r.credits).toHaveLength(31);
    expect(r.credits[0]).toEqual({
      courseCode: "CRS0",
      courseTitle: "Cours CRS0",
      value: 1,
      mark: 75,
      schoolYear: "2025-2026",
      compulsoryCategory: "MAT",
    });
  });

  it("lists what is missing: compulsory credits, hours, literacy", async () => {
    const { child, account } = await secondaryChild();
    await makeCredits(db.prisma, child, creditsOf(30, 15));
    await makeDiplomaProgress(db.prisma, child, { communityHours: 25, literacyStatus: "NOT_PASSED" });
    const r = await getCredits(testContext(db), { accountId: account.id, childId: child.id });
    expect(r.missing).toEqual([
      { kind: "compulsory", remaining: 3 },
      { kind: "community_hours", remaining: 15 },
      { kind: "literacy", status: "NOT_PASSED" },
    ]);
    expect(r.complete).toBe(false);
  });

  it("uses the diploma requirements stored in the database, and defaults when there is no progress row", async () => {
    const { child, account } = await secondaryChild("09");
    await db.prisma.diplomaRequirement.create({
      data: {
        code: "OSSD",
        title: "Diplôme d'études secondaires de l'Ontario",
        totalCredits: 30,
        compulsoryCredits: 17,
        communityHours: 40,
      },
    });
    await makeCredits(db.prisma, child, creditsOf(4, 3));
    const r = await getCredits(testContext(db), { accountId: account.id, childId: child.id });
    expect(r.diploma.title).toBe("Diplôme d'études secondaires de l'Ontario");
    expect(r.missing).toEqual([
      { kind: "credits", remaining: 26 },
      { kind: "compulsory", remaining: 14 },
      { kind: "community_hours", remaining: 40 },
      { kind: "literacy", status: "NOT_ATTEMPTED" },
    ]);
  });

  it("answers records.not_secondary for an elementary child", async () => {
    const school = await makeSchool(db.prisma, { level: "ELEMENTARY" });
    const fam = await makeFamily(db.prisma, { school, student: { grade: "05" } });
    const { account } = await makeAccount(db.prisma, { guardian: fam.guardian });
    await expect(getCredits(testContext(db), { accountId: account.id, childId: fam.students[0].id })).rejects.toMatchObject({
      code: "records.not_secondary",
      userKey: "errors:records.not_secondary",
    });
  });
});

describe("enrolment history, documents and details", () => {
  it("gives the enrolment history newest first", async () => {
    const { child, account, school } = await secondaryChild();
    const before = await makeSchool(db.prisma, { level: "ELEMENTARY" });
    await db.prisma.enrolmentHistory.createMany({
      data: [
        {
          key: `${child.id}|1`,
          studentId: child.id,
          schoolId: before.id,
          grade: "08",
          startDate: day("2022-09-01"),
          endDate: day("2023-06-28"),
          reason: "Transfert",
        },
        { key: `${child.id}|2`, studentId: child.id, schoolId: school.id, grade: "09", startDate: day("2023-09-05") },
      ],
    });
    const h = await getEnrolmentHistory(testContext(db), { accountId: account.id, childId: child.id });
    expect(h).toEqual([
      { school: { code: school.code, name: school.name }, grade: "09", startDate: "2023-09-05", endDate: null, reason: null },
      {
        school: { code: before.code, name: before.name },
        grade: "08",
        startDate: "2022-09-01",
        endDate: "2023-06-28",
        reason: "Transfert",
      },
    ]);
  });

  it("lists the child's documents and the school's, not another school's or another child's", async () => {
    const { child, account, school } = await secondaryChild();
    const elsewhere = await makeSchool(db.prisma);
    const other = await makeFamily(db.prisma, { school });
    const doc = (o: { title: string } & Partial<Prisma.DocumentCreateManyInput>): Prisma.DocumentCreateManyInput => ({
      sourcedId: unique("doc"),
      kind: "FORM",
      fileName: "f.pdf",
      publishedAt: day("2026-10-01"),
      ...o,
    });
    await db.prisma.document.createMany({
      data: [
        doc({
          title: "Autorisation sortie",
          kind: "PERMISSION",
          studentId: child.id,
          schoolId: school.id,
          dueDate: day("2026-12-01"),
          publishedAt: day("2026-11-10"),
        }),
        doc({ title: "Formulaire de l'école", schoolId: school.id }),
        doc({ title: "Autre école", schoolId: elsewhere.id }),
        doc({ title: "Autre enfant", studentId: other.students[0].id, schoolId: school.id }),
      ],
    });
    const docs = await listDocuments(testContext(db), { accountId: account.id, childId: child.id });
    expect(docs.map((d) => [d.title, d.scope, d.kind, d.dueDate])).toEqual([
      ["Autorisation sortie", "child", "PERMISSION", "2026-12-01"],
      ["Formulaire de l'école", "school", "FORM", null],
    ]);
  });

  it("shows what is on file, and never the other guardian's contact details", async () => {
    const { child, account, fam } = await secondaryChild();
    await db.prisma.student.update({
      where: { id: child.id },
      data: {
        streetAddress: "12 rue des Pins",
        city: "Ottawa",
        postalCode: "K1K 1K1",
        homePhone: "613-555-0199",
        photoFile: "p.jpg",
        emergencyContacts: [{ name: "Tante Rose", relationship: "tante", phone: "613-555-0111" }, { bogus: true }],
        demographics: { sex: "F" },
      },
    });
    const other = await makeGuardian(db.prisma, { email: "autre.parent@exemple.test", phone: "819-555-0000", givenName: "Paul" });
    await linkGuardian(db.prisma, other, child, { relationship: "père" });
    const d = await getChildDetails(testContext(db), { accountId: account.id, childId: child.id });
    expect(d).toMatchObject({
      id: child.id,
      address: { streetAddress: "12 rue des Pins", city: "Ottawa", postalCode: "K1K 1K1" },
      homePhone: "613-555-0199",
      emergencyContacts: [{ name: "Tante Rose", relationship: "tante", phone: "613-555-0111" }],
      demographicsOnFile: true,
      photoOnFile: true,
    });
    const me = d.guardians.find((g) => g.isYou)!;
    const them = d.guardians.find((g) => !g.isYou)!;
    expect(me).toMatchObject({ email: fam.guardian.email, phone: fam.guardian.phone });
    expect(them).toEqual({ givenName: "Paul", familyName: other.familyName, relationship: "père", isYou: false, email: null, phone: null });
    expect(JSON.stringify(d)).not.toContain("autre.parent@exemple.test");
    expect(JSON.stringify(d)).not.toContain("819-555-0000");
  });
});

describe("notification subscriptions", () => {
  it("are opt-in per topic, change with an audit event, and refuse unknown topics", async () => {
    const { account } = await secondaryChild();
    const ctx = testContext(db);
    expect(await listNotificationSubscriptions(ctx, { accountId: account.id })).toEqual(
      NOTIFICATION_TOPICS.map((topic) => ({ topic, enabled: false })),
    );
    await setNotificationSubscription(ctx, { accountId: account.id, topic: "attendance", enabled: true });
    await setNotificationSubscription(ctx, { accountId: account.id, topic: "report_cards", enabled: true });
    await setNotificationSubscription(ctx, { accountId: account.id, topic: "report_cards", enabled: false });
    const subs = await listNotificationSubscriptions(ctx, { accountId: account.id });
    expect(subs.filter((s) => s.enabled).map((s) => s.topic)).toEqual(["attendance"]);
    const events = await db.prisma.auditEvent.findMany({
      where: { action: "notification.subscription_changed", actorId: account.id },
      orderBy: { at: "asc" },
    });
    expect(events).toHaveLength(3);
    expect(events.map((e) => e.data)).toEqual(expect.arrayContaining([{ topic: "report_cards", enabled: false, before: true }]));
    await expect(setNotificationSubscription(ctx, { accountId: account.id, topic: "weather", enabled: true })).rejects.toMatchObject({
      code: "records.invalid_topic",
    });
  });

  it("refuse an account that is not active", async () => {
    const fam = await makeFamily(db.prisma);
    const { account } = await makeAccount(db.prisma, { guardian: fam.guardian, status: "DISABLED" });
    await expect(
      setNotificationSubscription(testContext(db), { accountId: account.id, topic: "attendance", enabled: true }),
    ).rejects.toMatchObject({ code: "records.account_not_found" });
  });
});
