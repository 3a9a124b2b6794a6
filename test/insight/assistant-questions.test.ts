// « Teach the assistant » on a real database: unanswered questions, intent corrections, and the JSONL export
// that masks what identifies a family.
import { correctQuestionIntent, exportIntentCorrections, getInsight, recordAssistantQuestion } from "../../core";
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

describe("teach the assistant", () => {
  it("exports corrected questions as JSONL with children's names, emails, phones and OENs masked", async () => {
    const ctx = testContext(db);
    const school = await makeSchool(db.prisma);
    const fam = await makeFamily(db.prisma, { school });
    const child = fam.students[0].givenName;
    const agent = await staff("AGENT");
    const q = await recordAssistantQuestion(ctx, {
      channel: "CHAT",
      lang: "fr",
      text: `${child} n'a pas son horaire, écrivez à marie@exemple.test ou au 613-555-0142, NISO 312450781`,
      intent: "none",
      confidence: 0,
    });
    await recordAssistantQuestion(ctx, { channel: "CHAT", lang: "fr", text: "bonjour", intent: "greeting", confidence: 0.97 });
    const insight = await getInsight(ctx, { staffId: agent.id, from: new Date(0), to: new Date(ctx.now().getTime() + 1) });
    expect(insight.unanswered.map((u) => u.id)).toEqual([q.id]);
    await expect(correctQuestionIntent(ctx, { staffId: agent.id, questionId: q.id, intent: "made.up" })).rejects.toMatchObject({
      code: "insight.unknown_intent",
    });
    await correctQuestionIntent(ctx, { staffId: agent.id, questionId: q.id, intent: "records.schedule" });
    const out = await exportIntentCorrections(ctx, { staffId: agent.id });
    const line = JSON.parse(out.jsonl.trim()) as { text: string; intent: string };
    expect(line.intent).toBe("records.schedule");
    expect(line.text).toBe("[prénom] n'a pas son horaire, écrivez à [courriel] ou au [téléphone], NISO [numéro]");
    const secretary = await staff("SECRETARY", school.id);
    await expect(exportIntentCorrections(ctx, { staffId: secretary.id })).rejects.toMatchObject({ code: "staff.forbidden" });
  });
});
