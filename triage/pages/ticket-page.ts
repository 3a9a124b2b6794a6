// One ticket (/triage/tickets/:id): the thread with quoted parts folded, attachments, the reply form (canned
// answers are inserted by a plain GET, so it works without script and with the keyboard alone), internal
// note, status, assignment, re-routing with a reason, merge; beside it the context, what the assistant
// understood, and the audit trail.
import type { TicketWorkspace } from "../../core";
import { TICKET_STATUSES } from "../../core";
import { html, type Raw } from "../http/html";
import type { TriageContext } from "../http/triage-handler";
import { csrfField, dateTime, intentLabel, layout, statusBadge } from "./layout";

/** Where a reply's quoted history starts: « > », « Le … a écrit : », « On … wrote: », Outlook's « De : ». */
const QUOTE_START = /^(>|-{2,}\s*(Original Message|Message d'origine)|Le .{3,120} a écrit\s?:|On .{3,120} wrote:|De\s?: .+|From: .+)/im;

export function splitQuoted(body: string): { own: string; quoted: string | null } {
  const m = QUOTE_START.exec(body);
  if (!m || m.index === 0) return { own: body, quoted: null };
  return { own: body.slice(0, m.index).trimEnd(), quoted: body.slice(m.index) };
}

function message(c: TriageContext, w: TicketWorkspace, m: TicketWorkspace["ticket"]["messages"][number]): Raw {
  const t = c.t;
  const { own, quoted } = splitQuoted(m.body);
  const who =
    m.author === "STAFF"
      ? (m.staffName ?? t("tickets:author.STAFF"))
      : m.author === "PARENT"
        ? (w.context.parent.name ?? t("tickets:author.PARENT"))
        : t(`tickets:author.${m.author}`);
  const files = w.attachments.filter((a) => a.messageId === m.id);
  return html`<article class="msg author-${m.author.toLowerCase()}${m.internal ? " internal" : ""}" aria-labelledby="m-${m.id}">
    <h3 id="m-${m.id}">
      ${who}${m.internal ? html` <span class="badge note">${t("triage:ticket.internal")}</span>` : ""}
      <time datetime="${m.createdAt.toISOString()}">${dateTime(c, m.createdAt)}</time>
    </h3>
    <div class="body">${own}</div>
    ${
      quoted
        ? html`<details>
            <summary>${t("triage:ticket.quoted")}</summary>
            <div class="body quoted">${quoted}</div>
          </details>`
        : ""
    }
    ${
      files.length
        ? html`<ul class="files">
            ${files.map((a) => html`<li><a href="/triage/tickets/${w.ticket.id}/attachments/${a.id}" download>${a.fileName}</a> (${Math.ceil(a.size / 1024)} Ko)</li>`)}
          </ul>`
        : ""
    }
  </article>`;
}

export function ticketPage(c: TriageContext, w: TicketWorkspace, o: { draft?: string; notice?: string; error?: string } = {}): Raw {
  const t = c.t;
  const tk = w.ticket;
  const u = w.understanding;
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  const orphanFiles = w.attachments.filter((a) => !a.messageId || !tk.messages.some((m) => m.id === a.messageId));
  const action = (name: string) => `/triage/tickets/${tk.id}/${name}`;
  const thread = html`<section aria-labelledby="thread-h">
    <h2 id="thread-h">${t("triage:ticket.thread")}</h2>
    ${tk.messages.map((m) => message(c, w, m))}
    ${
      orphanFiles.length
        ? html`<h3>${t("triage:ticket.attachments")}</h3>
            <ul class="files">
              ${orphanFiles.map((a) => html`<li><a href="/triage/tickets/${tk.id}/attachments/${a.id}" download>${a.fileName}</a></li>`)}
            </ul>`
        : ""
    }
  </section>`;
  const canned = html`<form method="get" action="/triage/tickets/${tk.id}" class="inline" aria-label="${t("triage:ticket.cannedLabel")}">
    <label for="canned">${t("triage:ticket.canned")}</label>
    <select id="canned" name="canned">
      ${w.canned.map((a) => html`<option value="${a.id}">${a.title}</option>`)}
    </select>
    <button type="submit">${t("triage:ticket.insert")}</button>
  </form>`;
  const reply = html`<section aria-labelledby="reply-h" class="card">
    <h2 id="reply-h">${t("triage:ticket.reply")}</h2>
    ${canned}
    <form method="post" action="${action("reply")}" class="stack">
      ${csrfField(c)}
      <label for="reply-body">${t("triage:ticket.replyLabel", { to: w.context.parent.email ?? t(`tickets:channel.${tk.channel}`) })}</label>
      <textarea id="reply-body" name="body" rows="9" required>${o.draft ?? ""}</textarea>
      <label for="reply-status">${t("triage:ticket.afterReply")}</label>
      <select id="reply-status" name="status">
        <option value="">${t("triage:ticket.keepStatus")}</option>
        <option value="WAITING_PARENT">${t("tickets:status.WAITING_PARENT")}</option>
        <option value="RESOLVED">${t("tickets:status.RESOLVED")}</option>
      </select>
      <button type="submit">${t("triage:ticket.send")}</button>
    </form>
    <form method="post" action="${action("note")}" class="stack">
      ${csrfField(c)}
      <label for="note-body">${t("triage:ticket.note")}</label>
      <textarea id="note-body" name="body" rows="3" required></textarea>
      <button type="submit" class="secondary">${t("triage:ticket.addNote")}</button>
    </form>
  </section>`;
  const manage = html`<section aria-labelledby="manage-h" class="card">
    <h2 id="manage-h">${t("triage:ticket.manage")}</h2>
    <form method="post" action="${action("status")}" class="inline">
      ${csrfField(c)}
      <label for="status">${t("triage:ticket.status")}</label>
      <select id="status" name="status">
        ${TICKET_STATUSES.map((s) => html`<option value="${s}" ${s === tk.status ? html` selected` : ""}>${t(`tickets:status.${s}`)}</option>`)}
      </select>
      <button type="submit">${t("triage:ticket.change")}</button>
    </form>
    <form method="post" action="${action("assign")}" class="inline">
      ${csrfField(c)}
      <label for="assignee">${t("triage:ticket.assignee")}</label>
      <select id="assignee" name="assigneeId">
        <option value="">${t("triage:queue.nobody")}</option>
        ${w.colleagues.map((p) => html`<option value="${p.id}" ${p.id === w.assignee?.id ? html` selected` : ""}>${p.name ?? p.id}${p.id === c.staff!.id ? ` (${t("triage:ticket.me")})` : ""}</option>`)}
      </select>
      <button type="submit">${t("triage:ticket.assign")}</button>
    </form>
    <form method="post" action="${action("reroute")}" class="stack">
      ${csrfField(c)}
      <label for="target">${t("triage:ticket.rerouteTo")}</label>
      <select id="target" name="target">
        <option value="CENTRAL">${t("tickets:queue.CENTRAL")}</option>
        ${w.schools.map((s) => html`<option value="${s.code}" ${s.code === tk.school?.code ? html` selected` : ""}>${s.name}</option>`)}
      </select>
      <label for="reason">${t("triage:ticket.reason")}</label><input id="reason" name="reason" type="text" maxlength="500" required />
      <button type="submit">${t("triage:ticket.reroute")}</button>
    </form>
    <form method="post" action="${action("merge")}" class="inline">
      ${csrfField(c)} <label for="into">${t("triage:ticket.mergeInto")}</label
      ><input id="into" name="into" type="text" placeholder="AP-000123" aria-describedby="into-help" required />
      <button type="submit">${t("triage:ticket.merge")}</button>
      <p id="into-help" class="help">${t("triage:ticket.mergeHelp")}</p>
    </form>
  </section>`;
  const p = w.context.parent;
  const ch = w.context.child;
  const aside = html`<aside aria-labelledby="ctx-h">
    <h2 id="ctx-h">${t("triage:ticket.context")}</h2>
    <dl>
      <dt>${t("triage:ticket.parent")}</dt>
      <dd>${p.name ?? "—"}</dd>
      <dt>${t("triage:ticket.email")}</dt>
      <dd>${p.email ?? "—"}</dd>
      <dt>${t("triage:ticket.phone")}</dt>
      <dd>${p.phone ?? "—"}</dd>
      <dt>${t("triage:ticket.account")}</dt>
      <dd>${p.accountStatus ? t(`triage:accountStatus.${p.accountStatus}`) : t("triage:ticket.noAccount")}</dd>
      <dt>${t("triage:ticket.lang")}</dt>
      <dd>${t(`tickets:lang.${p.lang === "en" ? "en" : "fr"}`)}</dd>
      <dt>${t("triage:ticket.child")}</dt>
      <dd>
        ${ch ? html`${ch.name ?? "—"}${ch.grade ? html`, ${t("triage:ticket.grade", { grade: ch.grade.replace(/^0(?=\d)/, "") })}` : ""}${ch.school ? html`, ${ch.school}` : ""} <span class="help">(${t(ch.fromRecord ? "triage:ticket.fromRecord" : "triage:ticket.fromParent")})</span>` : "—"}
      </dd>
    </dl>
    <h2>${t("triage:ticket.understanding")}</h2>
    <dl>
      <dt>${t("triage:ticket.intent")}</dt>
      <dd>${u.intent ? intentLabel(c, u.intent) : "—"}</dd>
      ${
        u.detected
          ? html`<dt>${t("triage:ticket.detected")}</dt>
              <dd>
                ${intentLabel(c, u.detected.intent)} (${pct(u.detected.confidence)}); ${t("triage:ticket.runnerUp")}
                ${intentLabel(c, u.detected.runnerUp.intent)} (${pct(u.detected.runnerUp.confidence)})
              </dd>`
          : ""
      }
      <dt>${t("triage:ticket.routing")}</dt>
      <dd>${u.routing ? t(`triage:routing.${u.routing}`) : "—"}</dd>
      <dt>${t("triage:ticket.entities")}</dt>
      <dd>
        ${[u.entities.child && t("triage:ticket.entityChild", { name: u.entities.child }), u.entities.school && t("triage:ticket.entitySchool", { name: u.entities.school }), u.entities.dates.length && t("triage:ticket.entityDates", { dates: u.entities.dates.join(", ") }), u.entities.oen && t("triage:ticket.entityOen")].filter(Boolean).join(" · ") || "—"}
      </dd>
    </dl>
    <h2>${t("triage:ticket.history")}</h2>
    <ol class="history">
      ${w.history.map((h) => html`<li><time datetime="${h.at.toISOString()}">${dateTime(c, h.at)}</time> — ${t(`triage:audit.${h.action.replace(/\./g, "_")}`, { defaultValue: h.action })}${h.actor ? html` (${h.actor})` : ""}</li>`)}
    </ol>
  </aside>`;
  return layout(c, {
    title: `${tk.reference} — ${tk.subject}`,
    current: "queue",
    body: html`<p><a href="/triage">${t("triage:ticket.back")}</a></p>
      <h1><span class="ref">${tk.reference}</span> ${tk.subject}</h1>
      <p class="meta">
        ${statusBadge(c, tk.status)} · ${t(`tickets:channel.${tk.channel}`)} · ${tk.school?.name ?? t("tickets:queue.CENTRAL")} ·
        ${t("triage:ticket.opened", { when: dateTime(c, tk.createdAt) })}${w.assignee ? html` · ${t("triage:ticket.assignedTo", { name: w.assignee.name ?? "" })}` : ""}${w.mergedInto ? html` · <a href="/triage/tickets/${w.mergedInto.id}">${t("triage:ticket.mergedInto", { reference: w.mergedInto.reference })}</a>` : ""}
      </p>
      ${o.notice ? html`<p role="status" class="notice">${o.notice}</p>` : ""}${o.error ? html`<p role="alert" class="error">${o.error}</p>` : ""}
      <div class="ticket">${html`<div class="main-col">${thread}${reply}${manage}</div>`}${aside}</div>`,
  });
}
