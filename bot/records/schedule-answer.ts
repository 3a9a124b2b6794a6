// « horaire de Léa demain »: the asked day's periods, or « pas d'école » and the next school day with its periods.
import { formatDate, formatTime, getSchedule, type ChildSummary, type CoreContext, type Lang, type ScheduleDay } from "../../core";
import { scheduleCard } from "../cards/schedule-card";
import type { Reply } from "../cards/adaptive-card";
import type { Translate } from "./record-topic";

/** How far ahead the next school day is looked for (a winter break is two weeks). */
const LOOKAHEAD_DAYS = 20;

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function periodsOf(day: ScheduleDay, t: Translate, lang: Lang) {
  return day.periods.map((p) => ({
    label: p.periodLabel,
    time:
      p.startTime && p.endTime
        ? t("bot:records.schedule.time", { start: formatTime(p.startTime, lang), end: formatTime(p.endTime, lang) })
        : "",
    course: p.courseTitle,
    where: [p.room ? t("bot:records.schedule.room", { room: p.room }) : null, p.teacherName].filter(Boolean).join(" · "),
  }));
}

export async function scheduleAnswer(
  ctx: CoreContext,
  o: { t: Translate; lang: Lang; accountId: string; child: ChildSummary; day: string },
): Promise<Reply> {
  const { t, lang, child } = o;
  const schedule = await getSchedule(ctx, { accountId: o.accountId, childId: child.id, from: o.day, to: o.day });
  const day = schedule.days[0];
  const name = child.preferredName ?? child.givenName;
  if (day?.schoolDay) {
    return scheduleCard({
      title: t("bot:records.schedule.title", { child: name, date: formatDate(day.date, lang, "weekday") }),
      subtitle: [day.cycleDay ? t("records:schedule.cycleDay", { day: day.cycleDay }) : null, day.note].filter(Boolean).join(" · ") || null,
      periods: periodsOf(day, t, lang),
      empty: day.periods.length ? null : t("records:schedule.noClasses"),
      footer: schedule.school ? schedule.school.name : null,
    });
  }
  const reason = day?.note ?? t(day?.noSchoolReason === "weekend" ? "records:schedule.weekend" : "records:schedule.noSchool");
  const ahead = await getSchedule(ctx, {
    accountId: o.accountId,
    childId: child.id,
    from: addDays(o.day, 1),
    to: addDays(o.day, LOOKAHEAD_DAYS),
  });
  const next = ahead.days.find((d) => d.schoolDay);
  const noSchool = t("bot:records.schedule.noSchool", { child: name, date: formatDate(o.day, lang, "weekday"), reason });
  if (!next) return { text: `${noSchool}\n${t("bot:records.schedule.noNextDay")}` };
  return scheduleCard({
    title: noSchool,
    subtitle: t("bot:records.schedule.nextDay", { date: formatDate(next.date, lang, "weekday") }),
    periods: periodsOf(next, t, lang),
    empty: next.periods.length ? null : t("records:schedule.noClasses"),
    footer: schedule.school ? schedule.school.name : null,
  });
}
