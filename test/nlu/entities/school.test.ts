import * as path from "node:path";
import { matchSchool } from "../../../core/nlu/entities/school";
import { loadSchoolDirectoryCsv, parseSchoolDirectoryCsv } from "../../../core/nlu/entities/school-directory";

const schools = loadSchoolDirectoryCsv(path.join(__dirname, "../../../prisma/reference/ecoles-cepeo.csv"));

describe("loadSchoolDirectoryCsv", () => {
  it("reads every school with its city, level and former names", () => {
    expect(schools.length).toBe(39);
    const jp = schools.find((s) => s.code === "EEP-JULIE-PAYETTE")!;
    expect(jp).toMatchObject({ name: "École élémentaire publique Julie-Payette", city: "Kanata", level: "élémentaire" });
    expect(jp.formerNames).toEqual(["École élémentaire publique Kanata"]);
    expect(schools.find((s) => s.code === "EEP-DES-SENTIERS")!.formerNames).toEqual([]);
  });

  it("splits several former names on ; and |", () => {
    const csv = "code,nom,niveau,ville,anciens_noms\nX,École X,élémentaire,Ottawa,École A; École B|École C\n";
    expect(parseSchoolDirectoryCsv(csv)[0].formerNames).toEqual(["École A", "École B", "École C"]);
  });
});

describe("matchSchool — names, partial names, former names", () => {
  it.each([
    ["mon fils est à Gisèle-Lalonde", "ESP-GISELE-LALONDE", 1],
    ["mon fils est a gisele lalonde", "ESP-GISELE-LALONDE", 1],
    ["il est à gisel lalonde", "ESP-GISELE-LALONDE", 0.95],
    ["il va à De La Salle", "ESP-DE-LA-SALLE", 1],
    ["il va à l'école de la salle", "ESP-DE-LA-SALLE", 1],
    ["l'Héritage à Cornwall", "ESP-L-HERITAGE", 1],
    ["ma fille est a louis riel", "ESP-LOUIS-RIEL", 1],
    ["ESP Louis-Riel", "ESP-LOUIS-RIEL", 1],
    ["my son goes to Louis Riel high school", "ESP-LOUIS-RIEL", 1],
    ["EEP Marie-Curie", "EEP-MARIE-CURIE", 1],
    ["école Trillium", "EEP-MAURIL-BELANGER", 0.95],
    ["l'école Kanata", "EEP-JULIE-PAYETTE", 1],
    ["Kanata elementary school", "EEP-JULIE-PAYETTE", 1],
    ["Carrefour Jeunesse", "EESP-CARREFOUR-JEUNESSE", 1],
    ["il suit des cours au Carrefour Jeunesse à Rockland", "EESP-CARREFOUR-JEUNESSE", 1],
    ["Le Carrefour", "EA-LE-CARREFOUR", 1],
    ["Rivière Castor", "EEP-RIVIERE-CASTOR", 0.95],
    ["riviere castor", "EEP-RIVIERE-CASTOR", 0.95],
    ["Mille-Îles", "ESP-MILLE-ILES", 1],
    ["mille iles", "ESP-MILLE-ILES", 1],
    ["Le Sommet", "ESP-LE-SOMMET", 1],
    ["Rose-des-Vents", "EEP-ROSE-DES-VENTS", 1],
    ["Maurice Lapointe à Kanata", "EESP-MAURICE-LAPOINTE", 1],
    ["école Kemptville", "EESP-RIVIERE-RIDEAU", 1],
    ["Académie de la Seigneurie", "EP-ACADEMIE-SEIGNEURIE", 1],
    ["Lalonde", "ESP-GISELE-LALONDE", 0.7],
  ])("%s → %s", (text, code, score) => {
    const m = matchSchool(text, schools);
    expect(m).not.toBeNull();
    expect(m!.code).toBe(code);
    expect(m!.score).toBe(score);
    expect(text.slice(...m!.span)).toBe(m!.text);
  });

  it.each([
    "sortie de la salle de classe",
    "au sommet de la pile",
    "des sentiers battus",
    "j'habite à Kanata",
    "l'école à Kanata",
    "l'école élémentaire à Kanata",
    "à Kemptville",
    "mot de passe oublié",
    "bonjour",
  ])("%s → no school", (text) => {
    expect(matchSchool(text, schools)).toBeNull();
  });

  it("« école Carrefour » is ambiguous between two schools, unless the city says which", () => {
    expect(matchSchool("l'école Carrefour", schools)).toBeNull();
    expect(matchSchool("l'école Carrefour à Rockland", schools)?.code).toBe("EESP-CARREFOUR-JEUNESSE");
  });

  it("Kanata as a high school is not the former elementary school Kanata", () => {
    expect(matchSchool("Kanata high school", schools)?.code).toBe("EESP-MAURICE-LAPOINTE");
  });
});

describe("matchSchool — city only", () => {
  it.each([
    ["l'école à Embrun", "EEP-RIVIERE-CASTOR"],
    ["l'école secondaire à Cornwall", "ESP-L-HERITAGE"],
    ["the high school in Cornwall", "ESP-L-HERITAGE"],
    ["l'école élémentaire à Cornwall", "EEP-ROSE-DES-VENTS"],
    ["l'école secondaire à Kanata", "EESP-MAURICE-LAPOINTE"],
  ])("%s → %s at a low score", (text, code) => {
    expect(matchSchool(text, schools)).toMatchObject({ code, score: 0.6 });
  });

  it("a city with several schools and no level stays unresolved", () => {
    expect(matchSchool("l'école à Cornwall", schools)).toBeNull();
    expect(matchSchool("l'école à Ottawa", schools)).toBeNull();
  });
});

describe("matchSchool — bad input", () => {
  it.each(["", "🏫🏫", "<html><body></body></html>", "\u0000\u0001\u0002", "x".repeat(10000)])("%j → null", (text) => {
    expect(matchSchool(text, schools)).toBeNull();
  });

  it("never throws on bad arguments", () => {
    expect(matchSchool(null as unknown as string, schools)).toBeNull();
    expect(matchSchool("Gisèle-Lalonde", [])).toBeNull();
    expect(matchSchool("Gisèle-Lalonde", [{ code: "", name: "" }])).toBeNull();
  });

  it("works on a directory passed in by the caller (no built-in list)", () => {
    const custom = [{ code: "NEW", name: "École élémentaire publique Aurore-Boréale", city: "Ottawa" }];
    expect(matchSchool("aurore boreale", custom)?.code).toBe("NEW");
    expect(matchSchool("Gisèle-Lalonde", custom)).toBeNull();
  });
});
