import * as path from "node:path";
import { extractEntities, loadSchoolDirectoryCsv } from "../../../core/nlu/entities";

const schools = loadSchoolDirectoryCsv(path.join(__dirname, "../../../prisma/reference/ecoles-cepeo.csv"));
const children = [
  { id: "c1", givenName: "Zoé" },
  { id: "c2", givenName: "Louis" },
  { id: "c3", givenName: "Rose" },
];
const ref = new Date("2026-11-23T12:00:00-05:00");

describe("extractEntities", () => {
  it("finds child, school, date and OEN in one French message", () => {
    const e = extractEntities("Bonjour, zoe (NISO 123 456 789) était absente hier après-midi à Gisèle-Lalonde.", {
      children,
      schools,
      ref,
    });
    expect(e.child?.id).toBe("c1");
    expect(e.school?.code).toBe("ESP-GISELE-LALONDE");
    expect(e.dates).toHaveLength(1);
    expect(e.dates[0]).toMatchObject({ start: "2026-11-22", partOfDay: "afternoon" });
    expect(e.oen?.oen).toBe("123456789");
  });

  it("works in English", () => {
    const e = extractEntities("Was Zoe absent last Monday at Louis Riel high school?", { children, schools, ref, lang: "en" });
    expect(e.child?.id).toBe("c1");
    expect(e.school?.code).toBe("ESP-LOUIS-RIEL");
    expect(e.dates[0]).toMatchObject({ start: "2026-11-16" });
    expect(e.oen).toBeNull();
  });

  it("a school named after a person does not count as the child of that name", () => {
    const e = extractEntities("mon fils va à l'école Louis-Riel", { children, schools, ref });
    expect(e.school?.code).toBe("ESP-LOUIS-RIEL");
    expect(e.child).toBeNull();
    const rose = extractEntities("Rose va à Rose-des-Vents", { children, schools, ref });
    expect(rose.school?.code).toBe("EEP-ROSE-DES-VENTS");
    expect(rose.child?.id).toBe("c3");
  });

  it("lists every child mentioned", () => {
    const e = extractEntities("Zoé et Louis seront absents demain", { children, ref });
    expect(e.children.map((c) => c.id)).toEqual(["c1", "c2"]);
    expect(e.child).toBeNull();
  });

  it("without context, only the OEN can be found", () => {
    const e = extractEntities("zoe demain NISO 123456789");
    expect(e).toEqual({ child: null, children: [], school: null, dates: [], oen: expect.objectContaining({ oen: "123456789" }) });
  });

  it.each([
    ["empty", ""],
    ["emoji", "🙂🙂🙂"],
    ["html", "<script>alert(1)</script>"],
    ["control characters", "\u0000\u0001\u0002\u0003"],
    ["10,000 characters", "a".repeat(10000)],
    ["not a string", 12 as unknown as string],
  ])("bad input (%s) → empty result", (_l, text) => {
    expect(extractEntities(text, { children, schools, ref })).toEqual({ child: null, children: [], school: null, dates: [], oen: null });
  });
});
