// Dates and times for people, in Toronto, fr-CA and en-CA.
import { formatDate, formatTime, torontoDay } from "../../core/records";

describe("formatDate / formatTime", () => {
  it("writes a calendar day in French and English without shifting it", () => {
    expect(formatDate("2026-11-23", "fr")).toBe("lundi 23 novembre 2026");
    expect(formatDate("2026-11-23", "en")).toBe("Monday, November 23, 2026");
    expect(formatDate("2026-11-23", "fr", "weekday")).toBe("lundi 23 novembre");
    expect(formatDate("2026-11-23", "en", "dayMonth")).toBe("November 23");
  });

  it("reads an instant in Toronto (late evening UTC is still the same day there)", () => {
    const instant = new Date("2026-11-24T03:30:00Z"); // 22 h 30 in Toronto on the 23rd
    expect(formatDate(instant, "fr")).toBe("lundi 23 novembre 2026");
    expect(torontoDay(instant)).toBe("2026-11-23");
    expect(formatTime(instant, "fr")).toBe("22 h 30");
  });

  it("writes times the Canadian way", () => {
    expect(formatTime("08:15", "fr")).toBe("8 h 15");
    expect(formatTime("13:00", "fr")).toBe("13 h");
    expect(formatTime("08:15", "en")).toBe("8:15 a.m.");
    expect(formatTime("12:05", "en")).toBe("12:05 p.m.");
    expect(formatTime("00:30", "en")).toBe("12:30 a.m.");
  });
});
