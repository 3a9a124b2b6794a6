// Quarantined mail (/triage/quarantine, agents and admins): what the mail agent could not process, why,
// the raw message to download, and a replay request the mail agent carries out.
import type { QuarantinedMailSummary } from "../../core";
import { html, type Raw } from "../http/html";
import type { TriageContext } from "../http/triage-handler";
import { csrfField, dateTime, layout } from "./layout";

export function quarantinePage(c: TriageContext, o: { mails: QuarantinedMailSummary[]; notice?: string }): Raw {
  const t = c.t;
  const state = (m: QuarantinedMailSummary) =>
    m.replayedAt
      ? t("triage:quarantine.replayed", { outcome: m.replayOutcome ?? "" })
      : m.replayRequestedAt
        ? t("triage:quarantine.requested")
        : t("triage:quarantine.waiting");
  return layout(c, {
    title: t("triage:quarantine.title"),
    current: "quarantine",
    body: html`<h1>${t("triage:quarantine.title")}</h1>
      <p>${t("triage:quarantine.intro")}</p>
      ${o.notice ? html`<p role="status" class="notice">${o.notice}</p>` : ""}
      ${
        o.mails.length
          ? html`<table>
              <thead>
                <tr>
                  <th scope="col">${t("triage:quarantine.received")}</th>
                  <th scope="col">${t("triage:quarantine.subject")}</th>
                  <th scope="col">${t("triage:quarantine.from")}</th>
                  <th scope="col">${t("triage:quarantine.reason")}</th>
                  <th scope="col">${t("triage:quarantine.state")}</th>
                  <th scope="col">${t("triage:quarantine.actions")}</th>
                </tr>
              </thead>
              <tbody>
                ${o.mails.map(
                  (m) =>
                    html`<tr>
                      <td>${dateTime(c, m.receivedAt)}</td>
                      <th scope="row">${m.subject ?? "—"}</th>
                      <td>${m.fromAddress ?? "—"}</td>
                      <td><code>${m.reason}</code></td>
                      <td>${state(m)}</td>
                      <td>
                        <a href="/triage/quarantine/${m.id}/raw" download>${t("triage:quarantine.download")}</a>
                        <form method="post" action="/triage/quarantine/${m.id}/replay" class="inline">
                          ${csrfField(c)}<button type="submit">${t("triage:quarantine.replay")}</button>
                        </form>
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p role="status">${t("triage:quarantine.empty")}</p>`
      }`,
  });
}
