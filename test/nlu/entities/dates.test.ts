import { resolveDate, resolveDates, ResolveDatesOptions } from "../../../core/nlu/entities/dates";

/** Monday 23 November 2026, noon in Toronto. */
const ref = new Date("2026-11-23T12:00:00-05:00");
const fr: ResolveDatesOptions = { ref, lang: "fr" };
const en: ResolveDatesOptions = { ref, lang: "en" };

function one(text: string, opts: ResolveDatesOptions = fr) {
  const all = resolveDates(text, opts);
  expect(all).toHaveLength(1);
  return all[0];
}

describe("relative days", () => {
  it.each([
    ["aujourd'hui", "2026-11-23"],
    ["aujourdhui", "2026-11-23"],
    ["auj", "2026-11-23"],
    ["demain", "2026-11-24"],
    ["hier", "2026-11-22"],
    ["après-demain", "2026-11-25"],
    ["apres demain", "2026-11-25"],
    ["avant-hier", "2026-11-21"],
    ["today", "2026-11-23"],
    ["tomorrow", "2026-11-24"],
    ["tomorow", "2026-11-24"],
    ["yesterday", "2026-11-22"],
    ["the day after tomorrow", "2026-11-25"],
    ["il y a 3 jours", "2026-11-20"],
    ["3 days ago", "2026-11-20"],
    ["dans 2 jours", "2026-11-25"],
  ])("%s → %s", (text, day) => {
    expect(one(text)).toMatchObject({ kind: "day", start: day, end: day });
  });

  it("part of the day", () => {
    expect(one("il était absent hier après-midi")).toMatchObject({
      start: "2026-11-22",
      partOfDay: "afternoon",
      text: "hier après-midi",
      direction: "past",
    });
    expect(one("ce matin")).toMatchObject({ start: "2026-11-23", partOfDay: "morning", direction: "present" });
    expect(one("cet apres-midi")).toMatchObject({ start: "2026-11-23", partOfDay: "afternoon" });
    expect(one("demain matin")).toMatchObject({ start: "2026-11-24", partOfDay: "morning", direction: "future" });
    expect(one("was he absent yesterday afternoon?", en)).toMatchObject({ start: "2026-11-22", partOfDay: "afternoon" });
    expect(one("this morning", en)).toMatchObject({ start: "2026-11-23", partOfDay: "morning" });
    expect(one("Monday morning", en)).toMatchObject({ start: "2026-11-23", partOfDay: "morning" });
  });
});

describe("the reference day is taken in Toronto, not UTC", () => {
  it("02:30 UTC on the 24th is still Monday the 23rd in Toronto", () => {
    const late = new Date("2026-11-24T03:30:00Z");
    expect(one("aujourd'hui", { ref: late })).toMatchObject({ start: "2026-11-23" });
    expect(one("demain", { ref: late })).toMatchObject({ start: "2026-11-24" });
    expect(one("lundi prochain", { ref: late })).toMatchObject({ start: "2026-11-30" });
  });

  it("honours another time zone when asked", () => {
    expect(one("aujourd'hui", { ref: new Date("2026-11-24T03:30:00Z"), timeZone: "UTC" })).toMatchObject({ start: "2026-11-24" });
  });
});

describe("weekdays", () => {
  it("a bare weekday is that day of the current week, flagged inferred", () => {
    expect(one("lundi")).toMatchObject({ start: "2026-11-23", inferred: true, direction: "present" });
    expect(one("vendredi")).toMatchObject({ start: "2026-11-27", inferred: true, direction: "future" });
    expect(one("vendredie")).toMatchObject({ start: "2026-11-27" });
  });

  it("prefer past / future moves a bare weekday out of the wrong side of today", () => {
    expect(one("était-il absent vendredi ?", { ref, prefer: "past" })).toMatchObject({ start: "2026-11-20" });
    expect(one("l'horaire de mercredi", { ref, prefer: "future" })).toMatchObject({ start: "2026-11-25" });
    const wednesday = new Date("2026-11-25T12:00:00-05:00");
    expect(one("lundi", { ref: wednesday, prefer: "future" })).toMatchObject({ start: "2026-11-30" });
    expect(one("lundi", { ref: wednesday, prefer: "past" })).toMatchObject({ start: "2026-11-23" });
  });

  it.each([
    ["lundi prochain", "2026-11-30"],
    ["lundi dernier", "2026-11-16"],
    ["lundi passé", "2026-11-16"],
    ["ce lundi", "2026-11-23"],
    ["vendredi dernier", "2026-11-20"],
    ["mardi de la semaine prochaine", "2026-12-01"],
  ])("%s → %s", (text, day) => {
    const d = one(text);
    expect(d).toMatchObject({ kind: "day", start: day });
    expect(d.inferred).toBeUndefined();
  });

  it.each([
    ["next Monday", "2026-11-30"],
    ["last Monday", "2026-11-16"],
    ["on Friday", "2026-11-27"],
    ["next wed", "2026-11-25"],
  ])("%s → %s", (text, day) => {
    expect(one(text, en)).toMatchObject({ kind: "day", start: day });
  });
});

describe("weeks, months, school years", () => {
  it.each([
    ["la semaine passée", "2026-11-16", "2026-11-20"],
    ["la semaine derniere", "2026-11-16", "2026-11-20"],
    ["cette semaine", "2026-11-23", "2026-11-27"],
    ["la semaine prochaine", "2026-11-30", "2026-12-04"],
    ["la semaine du 2 novembre", "2026-11-02", "2026-11-06"],
    ["le mois dernier", "2026-10-01", "2026-10-31"],
    ["ce mois-ci", "2026-11-01", "2026-11-30"],
    ["en novembre", "2026-11-01", "2026-11-30"],
    ["novembre dernier", "2025-11-01", "2025-11-30"],
    ["last week", "2026-11-16", "2026-11-20"],
    ["this week", "2026-11-23", "2026-11-27"],
    ["next month", "2026-12-01", "2026-12-31"],
  ])("%s → %s … %s", (text, start, end) => {
    expect(one(text)).toMatchObject({ kind: "range", start, end });
  });

  it("keeps the article in the matched text", () => {
    expect(one("les absences de la semaine passée").text).toBe("la semaine passée");
    expect(one("le bulletin de l'an dernier").text).toBe("l'an dernier");
  });

  it.each([
    ["cette année", "2026-09-01", "2027-06-30", "present"],
    ["l'an dernier", "2025-09-01", "2026-06-30", "past"],
    ["l'année passée", "2025-09-01", "2026-06-30", "past"],
    ["l'année prochaine", "2027-09-01", "2028-06-30", "future"],
    ["this school year", "2026-09-01", "2027-06-30", "present"],
    ["last year", "2025-09-01", "2026-06-30", "past"],
    ["2025-2026", "2025-09-01", "2026-06-30", "past"],
  ])("%s is a school year", (text, start, end, direction) => {
    expect(one(text)).toMatchObject({ kind: "schoolYear", start, end, direction });
  });
});

describe("semesters", () => {
  it.each([
    ["au deuxième semestre", 2, "2027-02-01", "2027-06-30"],
    ["au deuxieme semestre", 2, "2027-02-01", "2027-06-30"],
    ["2e semestre", 2, "2027-02-01", "2027-06-30"],
    ["le 2ème semestre", 2, "2027-02-01", "2027-06-30"],
    ["premier semestre", 1, "2026-09-01", "2027-01-31"],
    ["1er semestre", 1, "2026-09-01", "2027-01-31"],
    ["second semester", 2, "2027-02-01", "2027-06-30"],
    ["semester 1", 1, "2026-09-01", "2027-01-31"],
  ])("%s → semester %s", (text, n, start, end) => {
    expect(one(text)).toMatchObject({ kind: "semester", semester: n, start, end });
  });

  it("this / next / last semester", () => {
    expect(one("ce semestre")).toMatchObject({ start: "2026-09-01", end: "2027-01-31" });
    expect(one("next semester", en)).toMatchObject({ start: "2027-02-01", end: "2027-06-30" });
    expect(one("le semestre dernier")).toMatchObject({ start: "2026-02-01", end: "2026-06-30" });
  });

  it("uses the academic sessions passed in instead of the defaults", () => {
    const terms = {
      schoolYears: [{ start: "2026-08-31", end: "2027-06-25" }],
      semesters: [
        { start: "2026-08-31", end: "2027-01-29" },
        { start: "2027-02-01", end: "2027-06-25" },
      ],
    };
    expect(one("2e semestre", { ref, terms })).toMatchObject({ start: "2027-02-01", end: "2027-06-25" });
    expect(one("cette année", { ref, terms })).toMatchObject({ start: "2026-08-31", end: "2027-06-25" });
  });

  it("in summer, the coming school year's semester", () => {
    const july = new Date("2026-07-15T12:00:00-04:00");
    expect(one("premier semestre", { ref: july })).toMatchObject({ start: "2026-09-01", end: "2027-01-31" });
    expect(one("le semestre dernier", { ref: july })).toMatchObject({ start: "2026-02-01", end: "2026-06-30" });
  });
});

describe("calendar dates", () => {
  it.each([
    ["le 6 novembre", "2026-11-06"],
    ["6 nov", "2026-11-06"],
    ["le 6", "2026-11-06"],
    ["06/11", "2026-11-06"],
    ["06/11/2026", "2026-11-06"],
    ["2026-11-06", "2026-11-06"],
    ["le 6 novembre 2025", "2025-11-06"],
    ["le 1er décembre", "2026-12-01"],
    ["lundi 2 novembre", "2026-11-02"],
    ["le 6 fevrier", "2027-02-06"],
    ["le 6 septembre", "2026-09-06"],
    ["novmbre 6", "2026-11-06"],
  ])("%s → %s (fr)", (text, day) => {
    expect(one(text)).toMatchObject({ kind: "day", start: day });
  });

  it.each([
    ["on Nov 6", "2026-11-06"],
    ["November 6th", "2026-11-06"],
    ["the 6th", "2026-11-06"],
    ["11/06", "2026-11-06"],
    ["13/11", "2026-11-13"],
    ["2026-11-06", "2026-11-06"],
  ])("%s → %s (en)", (text, day) => {
    expect(one(text, en)).toMatchObject({ kind: "day", start: day });
  });

  it("dd/mm vs mm/dd: flagged inferred when both readings exist, not when one part is over 12", () => {
    expect(one("06/11").inferred).toBe(true);
    expect(one("06/11", en)).toMatchObject({ start: "2027-06-11", inferred: true });
    expect(one("25/11", en)).toMatchObject({ start: "2026-11-25" });
    expect(one("2026-11-06").inferred).toBeUndefined();
  });

  it("year inference: school year by default, past or future when preferred", () => {
    expect(one("le 6 novembre")).toMatchObject({ start: "2026-11-06", inferred: true });
    expect(one("le 6 décembre", { ref, prefer: "past" })).toMatchObject({ start: "2025-12-06" });
    expect(one("le 6 novembre", { ref, prefer: "future" })).toMatchObject({ start: "2027-11-06" });
    expect(one("le 30", { ref, prefer: "past" })).toMatchObject({ start: "2026-10-30" });
    expect(one("le 2", { ref, prefer: "future" })).toMatchObject({ start: "2026-12-02" });
    const july = new Date("2026-07-10T12:00:00-04:00");
    expect(one("le 6 juin", { ref: july })).toMatchObject({ start: "2026-06-06" });
  });

  it("a day that does not exist is not a date", () => {
    expect(resolveDates("le 31 novembre", fr)).toEqual([]);
    expect(resolveDates("le 30 février", fr)).toEqual([]);
  });
});

describe("ranges", () => {
  it.each([
    ["du 3 au 7 novembre", "2026-11-03", "2026-11-07"],
    ["entre le 3 et le 7 novembre", "2026-11-03", "2026-11-07"],
    ["du 28 décembre au 3 janvier", "2026-12-28", "2027-01-03"],
    ["depuis le 1er novembre", "2026-11-01", "2026-11-23"],
    ["depuis lundi dernier", "2026-11-16", "2026-11-23"],
    ["jusqu'au 6 décembre", "2026-11-23", "2026-12-06"],
    ["du lundi au mercredi", "2026-11-23", "2026-11-25"],
  ])("%s → %s … %s", (text, start, end) => {
    expect(one(text)).toMatchObject({ kind: "range", start, end });
  });

  it.each([
    ["from Nov 3 to Nov 7", "2026-11-03", "2026-11-07"],
    ["Nov 3-7", "2026-11-03", "2026-11-07"],
    ["since November 1st", "2026-11-01", "2026-11-23"],
  ])("%s → %s … %s (en)", (text, start, end) => {
    expect(one(text, en)).toMatchObject({ kind: "range", start, end });
  });
});

describe("several expressions and non-dates", () => {
  it("lists every expression in order", () => {
    const all = resolveDates("Il était absent hier et il le sera demain matin", fr);
    expect(all.map((d) => [d.start, d.partOfDay])).toEqual([
      ["2026-11-22", undefined],
      ["2026-11-24", "morning"],
    ]);
    expect(resolveDate("hier et demain", fr)?.start).toBe("2026-11-22");
  });

  it.each([
    "ma fille est en 6e année",
    "mot de passe oublié",
    "the 6th grade schedule",
    "appelez le 613-742-8960 poste 3003",
    "le cours commence à 8h30",
    "j'ai 3-4 questions",
    "I may be late",
    "mon code postal est K1N 6N5",
    "mon numéro est 123 456 789",
  ])("%s → no date", (text) => {
    expect(resolveDates(text, fr)).toEqual([]);
  });
});

describe("bad input", () => {
  it.each([
    ["empty", ""],
    ["emoji", "📅📅"],
    ["html", "<p>&nbsp;</p>"],
    ["control characters", "\u0000\u0008\u001f"],
    ["10,000 characters", "blah ".repeat(2000)],
  ])("%s → []", (_l, text) => {
    expect(resolveDates(text, fr)).toEqual([]);
  });

  it("finds a date in HTML and ignores text past 5,000 characters", () => {
    expect(one("<p>absent <b>demain</b></p>").start).toBe("2026-11-24");
    expect(resolveDates("x ".repeat(2600) + "demain", fr)).toEqual([]);
  });

  it("an invalid reference date or time zone gives [] rather than an exception", () => {
    expect(resolveDates("demain", { ref: new Date("nope") })).toEqual([]);
    expect(resolveDates("demain", { ref, timeZone: "Mars/Olympus" })).toEqual([]);
    expect(resolveDates("demain", undefined as unknown as ResolveDatesOptions)).toEqual([]);
  });
});
