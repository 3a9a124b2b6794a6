// « était-elle absente lundi? » (one day) or the absences and lates of a period (30 days by default).
import { formatDate, getAttendance, wasAbsentOn, type AttendanceEntry, type ChildSummary, type CoreContext, type Lang } from "../../core";
import { listReply, type Reply } from "../cards/adaptive-card";
import type { Translate } from "./record-topic";

const DEFAULT_DAYS = 30;

function entryLine(e: AttendanceEntry, t: Translate, lang: Lang, withDate: boolean): string {
  const parts = [
    withDate ? formatDate(e.date, lang, "weekday") : null,
    e.wholeDay ? t("records:attendance.wholeDay") : (e.periodLabel ?? e.periodCode),
    t(`records:attendance.status.${e.status}`),
    e.minutes ? t("records:attendance.minutes", { count: e.minutes }) : null,
    t(e.excused ? "records:attendance.excused" : "records:attendance.unexcused"),
    e.reason,
  ];
  return parts.filter(Boolean).join(" · ");
}

export async function attendanceAnswer(
  ctx: CoreContext,
  o: { t: Translate; lang: Lang; accountId: string; child: ChildSummary; range: { start: string; end: string } | null; today: string },
): Promise<Reply> {
  const { t, lang, child } = o;
  const name = child.preferredName ?? child.givenName;
  if (o.range && o.range.start === o.range.end) {
    const day = await wasAbsentOn(ctx, { accountId: o.accountId, childId: child.id, date: o.range.start });
    const date = formatDate(day.date, lang, "weekday");
    const key = day.absentWholeDay ? "absentWholeDay" : day.absent ? "absentPeriods" : day.late ? "late" : "present";
    return listReply(
      t(`bot:records.attendance.${key}`, { child: name, date }),
      day.entries.map((e) => entryLine(e, t, lang, false)),
    );
  }
  const end = o.range?.end ?? o.today;
  const start =
    o.range?.start ?? new Date(new Date(`${end}T12:00:00Z`).getTime() - (DEFAULT_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  const a = await getAttendance(ctx, { accountId: o.accountId, childId: child.id, from: start, to: end });
  const from = formatDate(a.from, lang, "dayMonth");
  const to = formatDate(a.to, lang, "dayMonth");
  if (a.entries.length === 0) return { text: t("bot:records.attendance.none", { child: name, from, to }) };
  return listReply(
    t("bot:records.attendance.title", { child: name, from, to }),
    a.entries.map((e) => entryLine(e, t, lang, true)),
    {
      footer: t("records:attendance.totals", { ...a.totals }),
    },
  );
}
