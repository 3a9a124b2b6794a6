// Report cards: file names of seed 2 for both levels, the list, and the expiring download link.
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";
import { makeAccount, makeFamily, makeSchool } from "../factories/families";
import { makeReportCard } from "../factories/records";
import {
  createReportCardDownloadLink,
  DOWNLOAD_LINK_MAX_USES,
  listReportCards,
  reportCardFileName,
  resolveDownloadToken,
  studentLevel,
} from "../../core/records";
import { hashToken } from "../../core/records/report-cards";

describe("reportCardFileName (seed 2 convention)", () => {
  it("elementary: Nom et prénom de l'élève_NISO_Nom du rapport_Année scolaire_Date de publication", () => {
    expect(
      reportCardFileName({
        level: "ELEMENTARY",
        studentFamilyName: "Tremblay",
        studentGivenName: "Léa",
        schoolCode: "EEP-123",
        oen: "123456789",
        reportName: "Bulletin de progrès",
        schoolYear: "2026-2027",
        publishedAt: new Date("2026-11-20T00:00:00Z"),
      }),
    ).toBe("Tremblay Léa_123456789_Bulletin de progrès_2026-2027_2026-11-20.pdf");
  });

  it("secondary: Code de l'école_NISO_Nom du rapport_Année scolaire_Date de publication", () => {
    expect(
      reportCardFileName({
        level: "SECONDARY",
        studentFamilyName: "Tremblay",
        studentGivenName: "Léa",
        schoolCode: "ESP-789",
        oen: "123456789",
        reportName: "Bulletin semestre 1",
        schoolYear: "2026-2027",
        publishedAt: "2027-02-10",
      }),
    ).toBe("ESP-789_123456789_Bulletin semestre 1_2026-2027_2027-02-10.pdf");
  });

  it("keeps the separator and forbidden characters out of the parts", () => {
    expect(
      reportCardFileName({
        level: "ELEMENTARY",
        studentFamilyName: "O'Neil_Roy",
        studentGivenName: "Zoé / Ann",
        schoolCode: "X",
        oen: null,
        reportName: "Bulletin: final?",
        schoolYear: "2026-2027",
        publishedAt: "2027-06-25",
      }),
    ).toBe("O'Neil Roy Zoé Ann__Bulletin final_2026-2027_2027-06-25.pdf");
  });

  it("takes the level from the grade, then the school", () => {
    expect(studentLevel("ELEMENTARY_SECONDARY", "08")).toBe("ELEMENTARY");
    expect(studentLevel("ELEMENTARY_SECONDARY", "09")).toBe("SECONDARY");
    expect(studentLevel("SECONDARY", null)).toBe("SECONDARY");
    expect(studentLevel("ELEMENTARY", "JK")).toBe("ELEMENTARY");
  });
});

describe("report cards of a child", () => {
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

  async function family() {
    const school = await makeSchool(db.prisma, { level: "SECONDARY", code: "ESP-T1" });
    const fam = await makeFamily(db.prisma, { school, student: { grade: "11", oen: "987654321" } });
    const child = fam.students[0];
    const first = await makeReportCard(db.prisma, child, school, {
      reportName: "Bulletin de mi-semestre",
      publishedAt: "2026-11-20",
      storagePath: "bulletins/a.pdf",
    });
    const second = await makeReportCard(db.prisma, child, school, {
      reportName: "Bulletin semestre 1",
      publishedAt: "2027-02-10",
      term: "Semestre 1",
    });
    const { account } = await makeAccount(db.prisma, { guardian: fam.guardian });
    return { school, child, account, first, second };
  }

  it("lists them newest first with the file name of the convention", async () => {
    const { account, child } = await family();
    const list = await listReportCards(testContext(db), { accountId: account.id, childId: child.id });
    expect(list).toEqual([
      expect.objectContaining({
        fileName: "ESP-T1_987654321_Bulletin semestre 1_2026-2027_2027-02-10.pdf",
        schoolYear: "2026-2027",
        term: "Semestre 1",
        publishedAt: "2027-02-10",
      }),
      expect.objectContaining({
        fileName: "ESP-T1_987654321_Bulletin de mi-semestre_2026-2027_2026-11-20.pdf",
        term: "Étape 1",
        publishedAt: "2026-11-20",
      }),
    ]);
  });

  it("gives a link that works within 15 minutes, then expires; the token is stored only hashed", async () => {
    const { account, child, first } = await family();
    const ctx = testContext(db);
    const link = await createReportCardDownloadLink(ctx, { accountId: account.id, childId: child.id, reportCardId: first.id });
    expect(link.expiresAt.getTime() - ctx.now().getTime()).toBe(15 * 60_000);
    const token = link.url.split("/").pop()!;
    expect(link.url.startsWith(`${ctx.config.publicUrl}/`)).toBe(true);
    const stored = await db.prisma.oneTimeCode.findMany({ where: { accountId: account.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ purpose: "DOWNLOAD", subject: first.id, codeHash: hashToken(token) });
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await db.prisma.auditEvent.count({ where: { action: "report_card.link_created", entityId: first.id } })).toBe(1);

    const ok = await resolveDownloadToken(ctx, { token });
    expect(ok.reportCardId).toBe(first.id);
    expect(ok.fileName).toBe(first.fileName);
    expect(ok.filePath).toMatch(/documents[\\/]bulletins[\\/]a\.pdf$/);

    ctx.clock.advance(14 * 60_000);
    await expect(resolveDownloadToken(ctx, { token })).resolves.toMatchObject({ reportCardId: first.id }); // reused within the window
    ctx.clock.advance(61_000);
    await expect(resolveDownloadToken(ctx, { token })).rejects.toMatchObject({ code: "records.link_expired" });
    await expect(resolveDownloadToken(ctx, { token: "not-a-real-token-at-all-000000" })).rejects.toMatchObject({
      code: "records.link_expired",
    });
    await expect(resolveDownloadToken(ctx, { token: "../../etc" })).rejects.toMatchObject({ code: "records.link_expired" });
  });

  it("stops a link after a few uses, and when the parent loses access to the child", async () => {
    const { account, child, first, second } = await family();
    const ctx = testContext(db);
    const a = (await createReportCardDownloadLink(ctx, { accountId: account.id, childId: child.id, reportCardId: first.id })).url
      .split("/")
      .pop()!;
    for (let i = 0; i < DOWNLOAD_LINK_MAX_USES; i++) await resolveDownloadToken(ctx, { token: a });
    await expect(resolveDownloadToken(ctx, { token: a })).rejects.toMatchObject({ code: "records.link_expired" });

    const b = (await createReportCardDownloadLink(ctx, { accountId: account.id, childId: child.id, reportCardId: second.id })).url
      .split("/")
      .pop()!;
    await db.prisma.guardianStudent.updateMany({ where: { studentId: child.id }, data: { portalAccess: false } });
    await expect(resolveDownloadToken(ctx, { token: b })).rejects.toMatchObject({ code: "records.link_expired" });
  });

  it("will not make a link for another child's report card", async () => {
    const { account, first } = await family();
    const other = await makeFamily(db.prisma);
    const { account: stranger } = await makeAccount(db.prisma, { guardian: other.guardian });
    const ctx = testContext(db);
    await expect(
      createReportCardDownloadLink(ctx, { accountId: stranger.id, childId: first.studentId, reportCardId: first.id }),
    ).rejects.toMatchObject({ code: "records.child_not_found" });
    await expect(
      createReportCardDownloadLink(ctx, { accountId: account.id, childId: first.studentId, reportCardId: "nope" }),
    ).rejects.toMatchObject({ code: "records.report_card_not_found" });
    await expect(
      createReportCardDownloadLink(ctx, { accountId: stranger.id, childId: other.students[0].id, reportCardId: first.id }),
    ).rejects.toMatchObject({ code: "records.report_card_not_found" });
  });
});
