import { matchChildName, matchChildren } from "../../../core/nlu/entities/child-name";

const kids = [
  { id: "z", givenName: "Zoé" },
  { id: "m", givenName: "Mathéo" },
  { id: "l", givenName: "Léa" },
  { id: "me", givenName: "Marie-Ève" },
  { id: "e", givenName: "Émile" },
  { id: "n", givenName: "Noah" },
];

describe("matchChildName — accents, case, typos", () => {
  it.each([
    ["zoe est absente aujourd'hui", "z", 1],
    ["ZOÉ", "z", 1],
    ["l'horaire de mathéo", "m", 1],
    ["l'horaire de matheo", "m", 1],
    ["l'horaire de matteo svp", "m", 0.9],
    ["mahteo", "m", 0.9],
    ["lea a un retard", "l", 1],
    ["le bulletin de marie eve", "me", 1],
    ["Marie-Ève", "me", 1],
    ["marie-eve", "me", 1],
    ["marieeve", "me", 1],
    ["le bulletin d'Émile", "e", 1],
    ["le bulletin d'emile", "e", 1],
    ["l'horaire de Noah", "n", 1],
    ["Noah's report card", "n", 1],
    ["noahs schedule", "n", 0.9],
  ])("%s → %s (%s)", (text, id, score) => {
    const m = matchChildName(text, kids);
    expect(m).not.toBeNull();
    expect(m!.id).toBe(id);
    expect(m!.score).toBe(score);
  });

  it("reports the words matched and their span in the original text", () => {
    const m = matchChildName("Bonjour, l'horaire de Mathéo svp", kids)!;
    expect(m.text).toBe("Mathéo");
    expect("Bonjour, l'horaire de Mathéo svp".slice(...m.span)).toBe("Mathéo");
    expect(m.givenName).toBe("Mathéo");
  });

  it("the first part of a compound name alone matches at a lower score", () => {
    expect(matchChildName("Marie est malade", kids)).toMatchObject({ id: "me", score: 0.7 });
  });

  it("matches the preferred name too", () => {
    const m = matchChildName("le bulletin de Alex", [{ id: "x", givenName: "Alexandre", preferredName: "Alex" }]);
    expect(m?.id).toBe("x");
  });
});

describe("matchChildName — no false positives", () => {
  const tricky = [
    { id: "max", givenName: "Max" },
    { id: "eve", givenName: "Ève" },
    { id: "paul", givenName: "Paul" },
    { id: "rose", givenName: "Rose" },
    { id: "ella", givenName: "Ella" },
    { id: "will", givenName: "Will" },
  ];
  it.each([
    "le maximum de points",
    "j'ai fait un rêve",
    "il se lève tôt",
    "c'est pour demain",
    "une rose rouge",
    "elle est absente",
    "the password does not work",
    "will you check the schedule",
    "les roses du jardin",
  ])("%s → nothing", (text) => {
    expect(matchChildren(text, tricky)).toEqual([]);
  });

  it("no typo tolerance for names of three letters or less", () => {
    expect(matchChildName("mac est absent", tricky)).toBeNull();
    expect(matchChildName("eva", tricky)).toBeNull();
  });

  it.each([
    ["ma fille rose est absente", "rose"],
    ["Rose est malade", "rose"],
    ["rose", "rose"],
    ["Max a eu un retard", "max"],
    ["l'horaire de max", "max"],
    ["paul", "paul"],
    ["Ève", "eve"],
    ["the schedule of will", "will"],
    ["can you check rose's report card", "rose"],
  ])("a name that is also a word matches with evidence: %s", (text, id) => {
    expect(matchChildName(text, tricky)?.id).toBe(id);
  });

  it("ignores capitals in a message written all in capitals", () => {
    expect(matchChildName("JE VEUX UNE ROSE ROUGE", tricky)).toBeNull();
  });
});

describe("several children", () => {
  it("lists every child mentioned, in order", () => {
    expect(matchChildren("Léa et Zoé sont absentes", kids).map((m) => m.id)).toEqual(["l", "z"]);
  });

  it("matchChildName returns null when two children tie (the caller asks which)", () => {
    expect(matchChildName("Léa et Zoé sont absentes", kids)).toBeNull();
  });

  it("prefers the exact name over the fuzzy one", () => {
    const twins = [
      { id: "a", givenName: "Mathéo" },
      { id: "b", givenName: "Matteo" },
    ];
    expect(matchChildName("matteo", twins)?.id).toBe("b");
    expect(matchChildName("matheo", twins)?.id).toBe("a");
  });

  it("a typo equally close to two children is ambiguous", () => {
    const pair = [
      { id: "a", givenName: "Léane" },
      { id: "b", givenName: "Léana" },
    ];
    expect(matchChildren("leanx", pair)).toEqual([]);
    expect(matchChildName("leane", pair)?.id).toBe("a");
  });

  it("a full compound name beats a sibling named after its first part", () => {
    const sibs = [
      { id: "me", givenName: "Marie-Ève" },
      { id: "m", givenName: "Marie" },
    ];
    expect(matchChildName("marie-eve", sibs)?.id).toBe("me");
    expect(matchChildName("marie", sibs)?.id).toBe("m");
  });
});

describe("bad input", () => {
  it.each([
    ["empty", ""],
    ["emoji", "😀😀🎉"],
    ["punctuation", "?!?!..."],
    ["html", "<p><b>bonjour</b></p>"],
    ["control characters", "\u0000\u0007\u001b[31m"],
  ])("%s → null", (_label, text) => {
    expect(matchChildName(text, kids)).toBeNull();
  });

  it("non-strings and empty child lists never throw", () => {
    expect(matchChildName(undefined as unknown as string, kids)).toBeNull();
    expect(matchChildName("zoe", [])).toBeNull();
    expect(matchChildren("zoe", null as unknown as [])).toEqual([]);
  });

  it("finds a name in HTML and only scans the first 5,000 characters", () => {
    expect(matchChildName("<div>l'horaire de <b>Zoé</b></div>", kids)?.id).toBe("z");
    expect(matchChildName("bla ".repeat(2500) + "zoe", kids)).toBeNull();
  });
});
