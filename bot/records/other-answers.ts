// Report cards (expiring links, never the file), credits and OSSD progress, enrolment history, documents,
// the details on file, and the account's email notifications: one function per topic, each a Reply.
import {
  createReportCardDownloadLink,
  formatDate,
  formatTime,
  getChildDetails,
  getCredits,
  getEnrolmentHistory,
  listDocuments,
  listNotificationSubscriptions,
  listReportCards,
  type ChildSummary,
  type CoreContext,
  type Lang,
} from "../../core";
import { listReply, openUrlAction, submitAction, type Reply } from "../cards/adaptive-card";
import type { Translate } from "./record-topic";

interface ChildAsk {
  t: Translate;
  lang: Lang;
  accountId: string;
  child: ChildSummary;
}

const nameOf = (c: ChildSummary) => c.preferredName ?? c.givenName;
/** Report cards shown with a link at once; older ones are listed. */
const LINKED_REPORT_CARDS = 3;

export async function reportCardsAnswer(ctx: CoreContext, o: ChildAsk): Promise<Reply> {
  const { t, lang, child } = o;
  const cards = await listReportCards(ctx, { accountId: o.accountId, childId: child.id });
  if (cards.length === 0) return { text: t("bot:records.reportCards.none", { child: nameOf(child) }) };
  const linked = await Promise.all(
    cards.slice(0, LINKED_REPORT_CARDS).map(async (c) => ({
      c,
      link: await createReportCardDownloadLink(ctx, { accountId: o.accountId, childId: child.id, reportCardId: c.id }),
    })),
  );
  const expires = formatTime(linked[0].link.expiresAt, lang);
  const lines = linked.map(({ c, link }) => t("bot:records.reportCards.line", { name: c.reportName, year: c.schoolYear, url: link.url }));
  for (const c of cards.slice(LINKED_REPORT_CARDS))
    lines.push(t("bot:records.reportCards.older", { name: c.reportName, year: c.schoolYear }));
  const reply = listReply(t("bot:records.reportCards.title", { child: nameOf(child) }), lines, {
    footer: t("bot:records.reportCards.expires", { time: expires }),
    actions: linked.map(({ c, link }) => openUrlAction(c.reportName, link.url)),
  });
  return reply;
}

export async function creditsAnswer(ctx: CoreContext, o: ChildAsk): Promise<Reply> {
  const { t, child } = o;
  const r = await getCredits(ctx, { accountId: o.accountId, childId: child.id });
  const x = r.totals;
  const summary = t("records:credits.summary", {
    earned: x.earned,
    required: x.required,
    compulsoryEarned: x.compulsoryEarned,
    compulsoryRequired: x.compulsoryRequired,
    hours: x.communityHours,
    hoursRequired: x.communityHoursRequired,
  });
  const missing = r.complete
    ? [t("records:credits.complete")]
    : r.missing.map((m) => t(`records:credits.missing.${m.kind}`, m.kind === "literacy" ? {} : { remaining: m.remaining }));
  return listReply(t("bot:records.credits.title", { child: nameOf(child) }), [
    summary,
    t(`records:literacy.${x.literacyStatus}`),
    ...missing,
  ]);
}

export async function enrolmentAnswer(ctx: CoreContext, o: ChildAsk): Promise<Reply> {
  const { t, lang, child } = o;
  const periods = await getEnrolmentHistory(ctx, { accountId: o.accountId, childId: child.id });
  if (periods.length === 0) return { text: t("bot:records.enrolment.none", { child: nameOf(child) }) };
  const lines = periods.map((p) =>
    t(p.endDate ? "bot:records.enrolment.period" : "bot:records.enrolment.current", {
      school: p.school.name,
      grade: p.grade ?? "—",
      from: formatDate(p.startDate, lang, "dayMonth") + " " + p.startDate.slice(0, 4),
      to: p.endDate ? formatDate(p.endDate, lang, "dayMonth") + " " + p.endDate.slice(0, 4) : "",
    }),
  );
  return listReply(t("bot:records.enrolment.title", { child: nameOf(child) }), lines);
}

export async function documentsAnswer(ctx: CoreContext, o: ChildAsk): Promise<Reply> {
  const { t, lang, child } = o;
  const docs = await listDocuments(ctx, { accountId: o.accountId, childId: child.id });
  if (docs.length === 0) return { text: t("bot:records.documents.none", { child: nameOf(child) }) };
  const lines = docs.map((d) =>
    [
      t(`records:documentKind.${d.kind}`),
      d.title,
      d.dueDate ? t("bot:records.documents.due", { date: formatDate(d.dueDate, lang, "dayMonth") }) : null,
    ]
      .filter(Boolean)
      .join(" · "),
  );
  return listReply(t("bot:records.documents.title", { child: nameOf(child) }), lines, { footer: t("bot:records.documents.where") });
}

export async function detailsAnswer(ctx: CoreContext, o: ChildAsk): Promise<Reply> {
  const { t, lang, child } = o;
  const d = await getChildDetails(ctx, { accountId: o.accountId, childId: child.id });
  const dash = "—";
  const facts = [
    { title: t("bot:records.details.birthDate"), value: d.birthDate ? formatDate(d.birthDate, lang, "long") : dash },
    { title: t("bot:records.details.school"), value: d.school?.name ?? dash },
    {
      title: t("bot:records.details.address"),
      value: [d.address.streetAddress, d.address.city, d.address.postalCode].filter(Boolean).join(", ") || dash,
    },
    { title: t("bot:records.details.homePhone"), value: d.homePhone ?? dash },
    {
      title: t("bot:records.details.emergency"),
      value: d.emergencyContacts.map((c) => [c.name, c.relationship, c.phone].filter(Boolean).join(" · ")).join(" ; ") || dash,
    },
  ];
  const lines = [
    t(d.photoOnFile ? "records:details.photoOnFile" : "records:details.noPhoto"),
    t(d.demographicsOnFile ? "records:details.demographicsOnFile" : "records:details.noDemographics"),
  ];
  return listReply(t("bot:records.details.title", { child: `${d.givenName} ${d.familyName}` }), lines, {
    facts,
    footer: t("records:details.changeInPerson"),
  });
}

export async function notificationsAnswer(ctx: CoreContext, o: Omit<ChildAsk, "child">): Promise<Reply> {
  const { t } = o;
  const subs = await listNotificationSubscriptions(ctx, { accountId: o.accountId });
  const lines = subs.map(
    (s) => `${t(`records:topics.${s.topic}`)} : ${t(s.enabled ? "bot:records.notifications.on" : "bot:records.notifications.off")}`,
  );
  return listReply(t("bot:records.notifications.title"), lines, {
    footer: t("bot:records.notifications.how"),
    actions: subs.map((s) =>
      submitAction(
        t(s.enabled ? "bot:records.notifications.turnOff" : "bot:records.notifications.turnOn", { topic: t(`records:topics.${s.topic}`) }),
        { ap: "notify", topic: s.topic, enabled: !s.enabled },
      ),
    ),
  });
}
