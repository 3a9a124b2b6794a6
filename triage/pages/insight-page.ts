// Insight (/triage/insight, agents and admins): charts drawn by Chart.js served from our own server, each
// with its figures as a table beside it (screen readers, keyboard, printing), CSV exports, and the
// questions the assistant could not answer with a form to correct each intent (« teach the assistant »).
import type { Insight } from "../../core";
import { html, raw, type Raw } from "../http/html";
import type { TriageContext } from "../http/triage-handler";
import { csrfField, dateTime, layout } from "./layout";

/** JSON for a data block: `<` escaped so no text can close the script element. */
const dataBlock = (v: unknown) => raw(JSON.stringify(v).replace(/</g, "\\u003c"));

export function insightPage(c: TriageContext, o: { insight: Insight; weeks: number; intents: readonly string[]; notice?: string }): Raw {
  const t = c.t;
  const i = o.insight;
  const chartData = {
    labels: { tickets: t("triage:insight.tickets"), open: t("triage:insight.open") },
    byWeek: i.byWeek,
    byChannel: i.byChannel.map((r) => ({ label: t(`tickets:channel.${r.channel}`), n: r.n })),
    bySchool: i.bySchool.slice(0, 15).map((s) => ({ label: s.name ?? t("tickets:queue.CENTRAL"), tickets: s.tickets, open: s.open })),
  };
  const num = (x: number | null) => (x === null ? "—" : new Intl.NumberFormat(c.lang === "fr" ? "fr-CA" : "en-CA").format(x));
  const csv = (table: string) => `/triage/insight.csv?table=${table}&weeks=${o.weeks}`;
  return layout(c, {
    title: t("triage:insight.title"),
    current: "insight",
    scripts: ["/triage/assets/chart.umd.min.js", "/triage/assets/insight.js"],
    body: html`<h1>${t("triage:insight.title")}</h1>
      <form method="get" action="/triage/insight" class="inline">
        <label for="weeks">${t("triage:insight.period")}</label>
        <select id="weeks" name="weeks">
          ${[4, 8, 13, 26, 52].map((w) => html`<option value="${w}" ${w === o.weeks ? html` selected` : ""}>${t("triage:insight.weeks", { count: w })}</option>`)}
        </select>
        <button type="submit">${t("triage:queue.apply")}</button>
      </form>
      ${o.notice ? html`<p role="status" class="notice">${o.notice}</p>` : ""}
      <script type="application/json" id="insight-data">
        ${dataBlock(chartData)}
      </script>
      <div class="charts">
        <figure>
          <figcaption>${t("triage:insight.byWeek")}</figcaption>
          <div class="chart-box"><canvas id="chart-weeks" role="img" aria-label="${t("triage:insight.byWeek")}"></canvas></div>
        </figure>
        <figure>
          <figcaption>${t("triage:insight.byChannel")}</figcaption>
          <div class="chart-box"><canvas id="chart-channels" role="img" aria-label="${t("triage:insight.byChannel")}"></canvas></div>
        </figure>
        <figure class="wide">
          <figcaption>${t("triage:insight.bySchool")}</figcaption>
          <div class="chart-box"><canvas id="chart-schools" role="img" aria-label="${t("triage:insight.bySchool")}"></canvas></div>
        </figure>
      </div>
      <section aria-labelledby="schools-h">
        <h2 id="schools-h">${t("triage:insight.schoolsTable")}</h2>
        <p><a href="${csv("schools")}" download>${t("triage:insight.csv")}</a></p>
        <table>
          <thead>
            <tr>
              <th scope="col">${t("triage:queue.col.school")}</th>
              <th scope="col">${t("triage:insight.tickets")}</th>
              <th scope="col">${t("triage:insight.open")}</th>
              <th scope="col">${t("triage:insight.openAge")}</th>
              <th scope="col">${t("triage:insight.firstReply")}</th>
            </tr>
          </thead>
          <tbody>
            ${i.bySchool.map(
              (s) =>
                html`<tr>
                  <th scope="row">${s.name ?? t("tickets:queue.CENTRAL")}</th>
                  <td>${num(s.tickets)}</td>
                  <td>${num(s.open)}</td>
                  <td>${num(s.openAgeHours)}</td>
                  <td>${num(s.firstReplyHours)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="intents-h">
        <h2 id="intents-h">${t("triage:insight.intentsTable")}</h2>
        <p>
          <a href="${csv("intents")}" download>${t("triage:insight.csv")}</a> ·
          <a href="${csv("channels")}" download>${t("triage:insight.csvChannels")}</a>
        </p>
        <table>
          <thead>
            <tr>
              <th scope="col">${t("triage:queue.col.intent")}</th>
              <th scope="col">${t("triage:insight.tickets")}</th>
            </tr>
          </thead>
          <tbody>
            ${i.byIntent.map(
              (r) =>
                html`<tr>
                  <th scope="row"><code>${r.intent}</code></th>
                  <td>${num(r.n)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="q-h">
        <h2 id="q-h">${t("triage:insight.unanswered")}</h2>
        <p>${t("triage:insight.unansweredHelp")}</p>
        <p>
          <a href="${csv("questions")}" download>${t("triage:insight.csv")}</a> ·
          <a href="/triage/insight/corrections.jsonl" download>${t("triage:insight.exportCorrections")}</a>
        </p>
        ${
          i.unanswered.length
            ? html`<table class="questions">
                <thead>
                  <tr>
                    <th scope="col">${t("triage:insight.question")}</th>
                    <th scope="col">${t("triage:insight.understood")}</th>
                    <th scope="col">${t("triage:insight.outcome")}</th>
                    <th scope="col">${t("triage:insight.correct")}</th>
                  </tr>
                </thead>
                <tbody>
                  ${i.unanswered.map(
                    (q) =>
                      html`<tr>
                        <th scope="row" lang="${q.lang}">
                          ${q.text}<br /><span class="help"
                            >${t(`tickets:channel.${q.channel}`, { defaultValue: q.channel })} · ${dateTime(c, q.createdAt)}</span
                          >
                        </th>
                        <td><code>${q.intent}</code> (${Math.round(q.confidence * 100)} %)</td>
                        <td>${t(`triage:outcome.${q.outcome}`)}</td>
                        <td>
                          <form method="post" action="/triage/insight/questions/${q.id}/intent" class="inline">
                            ${csrfField(c)}
                            <label for="fix-${q.id}" class="visually-hidden">${t("triage:insight.correctLabel")}</label>
                            <select id="fix-${q.id}" name="intent">
                              ${o.intents.map((it) => html`<option value="${it}" ${it === (q.correctedIntent ?? q.intent) ? html` selected` : ""}>${it}</option>`)}
                            </select>
                            <button type="submit">${t("triage:insight.save")}</button
                            >${q.correctedIntent ? html` <span class="badge ok">${t("triage:insight.corrected")}</span>` : ""}
                          </form>
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
            : html`<p role="status">${t("triage:insight.noQuestions")}</p>`
        }
      </section>`,
  });
}
