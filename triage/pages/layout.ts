// The frame of every console page: language, title, skip link, header with navigation by role, main region.
// Styles and scripts come from /triage/assets (the CSP allows no inline code).
import { html, type Raw } from "../http/html";
import type { TriageContext } from "../http/triage-handler";

export function csrfField(c: TriageContext): Raw {
  return html`<input type="hidden" name="_csrf" value="${c.csrf ?? ""}" />`;
}

export function layout(
  c: TriageContext,
  o: { title: string; body: Raw; scripts?: string[]; current?: "queue" | "quarantine" | "insight" },
): Raw {
  const t = c.t;
  const central = c.staff && c.staff.role !== "SECRETARY";
  const nav = c.staff
    ? html`<nav aria-label="${t("triage:nav.label")}">
          <ul>
            <li><a href="/triage" ${o.current === "queue" ? html` aria-current="page"` : ""}>${t("triage:nav.queue")}</a></li>
            ${
              central
                ? html`<li>
                      <a href="/triage/quarantine" ${o.current === "quarantine" ? html` aria-current="page"` : ""}
                        >${t("triage:nav.quarantine")}</a
                      >
                    </li>
                    <li>
                      <a href="/triage/insight" ${o.current === "insight" ? html` aria-current="page"` : ""}>${t("triage:nav.insight")}</a>
                    </li>`
                : ""
            }
          </ul>
        </nav>
        <div class="who">
          <span>${t("triage:nav.signedInAs", { name: c.staff.name ?? c.staff.email, role: t(`triage:role.${c.staff.role}`) })}</span>
          <form method="post" action="/triage/sign-out">
            ${csrfField(c)}<button type="submit" class="link">${t("triage:nav.signOut")}</button>
          </form>
        </div>`
    : "";
  const other = c.lang === "fr" ? "en" : "fr";
  return html`<html lang="${c.lang === "fr" ? "fr-CA" : "en-CA"}">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${o.title} — ${t("triage:app")}</title>
      <link rel="icon" href="data:," />
      <link rel="stylesheet" href="/triage/assets/triage.css" />
      ${c.csrf ? html`<meta name="csrf-token" content="${c.csrf}" />` : ""}
      ${(o.scripts ?? []).map((s) => html`<script src="${s}" defer></script>`)}
    </head>
    <body>
      <a class="skip" href="#main">${t("triage:nav.skip")}</a>
      <header class="top">
        <p class="brand"><a href="/triage">${t("triage:app")}</a></p>
        ${nav}
        <p class="lang"><a href="/triage/lang/${other}" lang="${other}">${t("triage:nav.otherLanguage")}</a></p>
      </header>
      <main id="main" tabindex="-1">${o.body}</main>
    </body>
  </html>`;
}

export function errorPage(c: TriageContext, status: number, message: string): Raw {
  return layout(c, {
    title: c.t("triage:errors.title"),
    body: html`<h1>${c.t("triage:errors.title")}</h1>
      <p role="alert">${message}</p>
      <p><a href="/triage">${c.t("triage:errors.back")}</a></p>`,
  });
}

/** « 5 min », « 3 h », « 2 j » since a date. */
export function age(c: TriageContext, from: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return c.t("triage:age.minutes", { count: minutes });
  if (minutes < 48 * 60) return c.t("triage:age.hours", { count: Math.floor(minutes / 60) });
  return c.t("triage:age.days", { count: Math.floor(minutes / 1440) });
}

export function dateTime(c: TriageContext, d: Date): string {
  return new Intl.DateTimeFormat(c.lang === "fr" ? "fr-CA" : "en-CA", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "America/Toronto",
  }).format(d);
}

export function statusBadge(c: TriageContext, status: string): Raw {
  return html`<span class="badge status-${status.toLowerCase()}">${c.t(`tickets:status.${status}`)}</span>`;
}

/** What the parent asked about, in the secretary's words (the same labels the bot offers parents). */
export function intentName(c: TriageContext, intent: string): string {
  return c.t(`common:intents.${intent.replace(/\./g, "_")}`);
}

/** The same, with the intent id in the tooltip for the help centre. */
export function intentLabel(c: TriageContext, intent: string): Raw {
  return html`<span title="${intent}">${intentName(c, intent)}</span>`;
}
