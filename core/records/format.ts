// Dates and times as people read them, in the school's zone (America/Toronto), with date-fns' fr-CA and
// en-CA locales: « lundi 23 novembre 2026 », "Monday, November 23, 2026", « 8 h 15 », "8:15 a.m.".
// A "yyyy-MM-dd" string is a calendar day and is never shifted; a Date is an instant, shown in Toronto.
import { format } from "date-fns";
import { enCA, frCA } from "date-fns/locale";
import { TZDate } from "@date-fns/tz";
import type { Lang } from "../i18n";
import { SCHOOL_TZ } from "./dates";

export type DateStyle = "long" | "weekday" | "dayMonth" | "short" | "monthYear";

const PATTERNS: Record<Lang, Record<DateStyle, string>> = {
  fr: { long: "EEEE d MMMM yyyy", weekday: "EEEE d MMMM", dayMonth: "d MMMM", short: "yyyy-MM-dd", monthYear: "MMMM yyyy" },
  en: { long: "EEEE, MMMM d, yyyy", weekday: "EEEE, MMMM d", dayMonth: "MMMM d", short: "yyyy-MM-dd", monthYear: "MMMM yyyy" },
};

function toZoned(date: Date | string): TZDate {
  if (typeof date === "string") {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
    if (!m) throw new RangeError(`not a yyyy-MM-dd day: ${date}`);
    return new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), SCHOOL_TZ);
  }
  return new TZDate(date.getTime(), SCHOOL_TZ);
}

export function formatDate(date: Date | string, lang: Lang, style: DateStyle = "long"): string {
  return format(toZoned(date), PATTERNS[lang][style], { locale: lang === "fr" ? frCA : enCA });
}

/** "08:15" (bell schedule) or a Date → « 8 h 15 » / "8:15 a.m."; on the hour « 8 h » / "8:00 a.m.". */
export function formatTime(time: string | Date, lang: Lang): string {
  let h: number;
  let m: number;
  if (typeof time === "string") {
    const mm = /^(\d{1,2}):(\d{2})/.exec(time.trim());
    if (!mm) throw new RangeError(`not an HH:mm time: ${time}`);
    h = Number(mm[1]);
    m = Number(mm[2]);
  } else {
    const z = toZoned(time);
    h = z.getHours();
    m = z.getMinutes();
  }
  const mins = String(m).padStart(2, "0");
  if (lang === "fr") return m === 0 ? `${h} h` : `${h} h ${mins}`;
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}:${mins} ${h < 12 ? "a.m." : "p.m."}`;
}
