import { extractOen, extractOens, oenCheckDigitValid } from "../../../core/nlu/entities/oen";

describe("extractOen", () => {
  it.each([
    ["123456789", "123456789"],
    ["123 456 789", "123456789"],
    ["123-456-789", "123456789"],
    ["123.456.789", "123456789"],
    ["mon NISO est 123 456 789.", "123456789"],
    ["OEN: 123-456-789", "123456789"],
    ["student number 123456789, thanks", "123456789"],
  ])("%s → %s", (text, oen) => {
    expect(extractOen(text)?.oen).toBe(oen);
  });

  it("reports the text as written and its span", () => {
    const text = "Le NISO de Léa : 123 456 789 merci";
    const m = extractOen(text)!;
    expect(m.text).toBe("123 456 789");
    expect(text.slice(...m.span)).toBe("123 456 789");
  });

  it("context words raise confidence", () => {
    expect(extractOen("123456789")).toMatchObject({ contextual: false, confidence: 0.5 });
    expect(extractOen("NISO 123456789")).toMatchObject({ contextual: true, confidence: 0.9 });
    expect(extractOen("numéro d'élève : 123456789")).toMatchObject({ contextual: true });
    expect(extractOen("my son's OEN is 123456789")).toMatchObject({ contextual: true });
    expect(extractOen("123456789 (son NISO)")).toMatchObject({ contextual: true });
  });

  it("prefers the number with context when there are several", () => {
    const all = extractOens("réf 111222333, NISO 123456789");
    expect(all.map((m) => m.oen)).toEqual(["111222333", "123456789"]);
    expect(extractOen("réf 111222333, NISO 123456789")?.oen).toBe("123456789");
  });

  it.each([
    "appelez le 613-742-8960 poste 3003",
    "1-888-332-3736",
    "(613) 742-8960",
    "+1 613 742 8960",
    "K1N 6N5",
    "le 2026-11-06",
    "06/11/2026",
    "1234567890",
    "12345678",
    "1234 56789",
    "commande A123456789",
    "mon NAS est 046 454 286",
    "SIN 046-454-286",
  ])("%s → no OEN", (text) => {
    expect(extractOen(text)).toBeNull();
  });
});

describe("check digit", () => {
  it("is reported, never used to reject (the Ministry's formula is unconfirmed)", () => {
    expect(oenCheckDigitValid("046454286")).toBe(true);
    expect(oenCheckDigitValid("123456789")).toBe(false);
    expect(oenCheckDigitValid("12345")).toBe(false);
    expect(extractOen("NISO 046454286")).toMatchObject({ checkDigitValid: true, confidence: 0.95 });
    expect(extractOen("NISO 123456789")).toMatchObject({ checkDigitValid: false, confidence: 0.9 });
  });
});

describe("bad input", () => {
  it.each(["", "🔢🔢", "<b>123</b>", "\u0000123\u0000", "9".repeat(10000), "1 ".repeat(5000)])("%j → null", (text) => {
    expect(extractOen(text)).toBeNull();
  });

  it("non-strings never throw", () => {
    expect(extractOen(undefined as unknown as string)).toBeNull();
    expect(extractOens(42 as unknown as string)).toEqual([]);
  });
});
