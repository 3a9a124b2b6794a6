// The queue (/triage): counts per status, filters, a search (sent by POST: what is typed is often a parent's
// or child's name, and must not land in a URL), the table of tickets with their age (ageing ones marked in
// words, not colour alone), and keyset paging.
import type { QueueTicket, TicketQueueFilters, TicketQueuePage } from "../../core";
import { TICKET_CHANNELS, TICKET_STATUSES } from "../../core";
import { html, type Raw } from "../http/html";
import type { TriageContext } from "../http/triage-handler";
import { age, csrfField, intentLabel, intentName, layout, statusBadge } from "./layout";

export interface QueueView {
  page: TicketQueuePage;
  filters: TicketQueueFilters;
  schools: { code: string; name: string }[];
  intents: string[];
  notice?: string;
}

function filterQuery(f: TicketQueueFilters, over: Partial<TicketQueueFilters> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...over })) if (v && k !== "q") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
}

function row(c: TriageContext, tk: QueueTicket, now: Date): Raw {
  const t = c.t;
  return html`<tr class="${tk.ageing ? "ageing" : ""}">
    <td><a href="/triage/tickets/${tk.id}">${tk.reference}</a></td>
    <th scope="row"><a href="/triage/tickets/${tk.id}">${tk.subject}</a></th>
    <td>${statusBadge(c, tk.status)}${tk.ageing ? html` <span class="badge late">${t("triage:queue.ageing")}</span>` : ""}</td>
    <td><time datetime="${tk.createdAt.toISOString()}">${age(c, tk.createdAt, now)}</time></td>
    <td>${t(`tickets:channel.${tk.channel}`)}</td>
    <td>${tk.intent ? intentLabel(c, tk.intent) : t("triage:queue.none")}</td>
    <td>${tk.school?.name ?? t("tickets:queue.CENTRAL")}</td>
    <td>${tk.childName ?? t("triage:queue.none")}</td>
    <td>${tk.requesterName ?? t("triage:queue.none")}</td>
    <td>${tk.assigneeName ?? t("triage:queue.nobody")}</td>
  </tr>`;
}

export function queuePage(c: TriageContext, v: QueueView): Raw {
  const t = c.t;
  const f = v.filters;
  const now = c.deps.ctx.now();
  const central = c.staff!.role !== "SECRETARY";
  const sel = (a: unknown, b: unknown) => (a === b ? html` selected` : "");
  const counts = html`<nav aria-label="${t("triage:queue.countsLabel")}" class="counts">
    <ul>
      <li>
        <a href="/triage${filterQuery(f, { status: null })}" ${!f.status ? html` aria-current="true"` : ""}
          >${t("triage:queue.all")} <span class="n">${v.page.total}</span></a
        >
      </li>
      ${TICKET_STATUSES.map(
        (s) =>
          html`<li>
            <a href="/triage${filterQuery(f, { status: s })}" ${f.status === s ? html` aria-current="true"` : ""}
              >${t(`tickets:status.${s}`)} <span class="n">${v.page.counts[s]}</span></a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
  const filters = html`<form method="get" action="/triage" class="filters" aria-label="${t("triage:queue.filtersLabel")}">
    <div>
      <label for="f-status">${t("triage:queue.status")}</label
      ><select id="f-status" name="status">
        <option value="">${t("triage:queue.any")}</option>
        ${TICKET_STATUSES.map((s) => html`<option value="${s}" ${sel(f.status, s)}>${t(`tickets:status.${s}`)}</option>`)}
      </select>
    </div>
    <div>
      <label for="f-channel">${t("triage:queue.channel")}</label
      ><select id="f-channel" name="channel">
        <option value="">${t("triage:queue.any")}</option>
        ${TICKET_CHANNELS.map((s) => html`<option value="${s}" ${sel(f.channel, s)}>${t(`tickets:channel.${s}`)}</option>`)}
      </select>
    </div>
    <div>
      <label for="f-intent">${t("triage:queue.intent")}</label
      ><select id="f-intent" name="intent">
        <option value="">${t("triage:queue.any")}</option>
        ${v.intents.map((s) => html`<option value="${s}" ${sel(f.intent, s)}>${intentName(c, s)}</option>`)}
      </select>
    </div>
    ${
      central
        ? html`<div>
            <label for="f-queue">${t("triage:queue.queue")}</label
            ><select id="f-queue" name="queue">
              <option value="">${t("triage:queue.any")}</option>
              <option value="CENTRAL" ${sel(f.queue, "CENTRAL")}>${t("tickets:queue.CENTRAL")}</option>
              <option value="SCHOOL" ${sel(f.queue, "SCHOOL")}>${t("triage:queue.schools")}</option>
            </select>
          </div>`
        : ""
    }
    ${
      v.schools.length > 1
        ? html`<div>
            <label for="f-school">${t("triage:queue.school")}</label
            ><select id="f-school" name="schoolCode">
              <option value="">${t("triage:queue.any")}</option>
              ${v.schools.map((s) => html`<option value="${s.code}" ${sel(f.schoolCode, s.code)}>${s.name}</option>`)}
            </select>
          </div>`
        : ""
    }
    <div>
      <label for="f-assigned">${t("triage:queue.assigned")}</label
      ><select id="f-assigned" name="assigned">
        <option value="">${t("triage:queue.any")}</option>
        <option value="me" ${sel(f.assigned, "me")}>${t("triage:queue.mine")}</option>
        <option value="none" ${sel(f.assigned, "none")}>${t("triage:queue.nobody")}</option>
      </select>
    </div>
    <div class="actions"><button type="submit">${t("triage:queue.apply")}</button> <a href="/triage">${t("triage:queue.reset")}</a></div>
  </form>`;
  const hidden = (extra: Record<string, string | null | undefined>) =>
    Object.entries({ ...f, ...extra })
      .filter(([, val]) => val)
      .map(([k, val]) => html`<input type="hidden" name="${k}" value="${String(val)}" />`);
  const search = html`<form method="post" action="/triage/search" class="search" role="search">
    ${csrfField(c)}${hidden({ q: null })}
    <label for="q">${t("triage:queue.search")}</label>
    <input id="q" name="q" type="search" value="${f.q ?? ""}" aria-describedby="q-help" />
    <button type="submit">${t("triage:queue.searchSubmit")}</button>
    <p id="q-help" class="help">${t("triage:queue.searchHelp")}</p>
  </form>`;
  const next = v.page.nextCursor
    ? f.q
      ? html`<form method="post" action="/triage/search">
          ${csrfField(c)}${hidden({ cursor: v.page.nextCursor })}<button type="submit">${t("triage:queue.next")}</button>
        </form>`
      : html`<a class="button" href="/triage${filterQuery(f)}${filterQuery(f) ? "&" : "?"}cursor=${encodeURIComponent(v.page.nextCursor)}"
          >${t("triage:queue.next")}</a
        >`
    : "";
  const table = v.page.tickets.length
    ? html`<table class="queue">
        <caption>
          ${t("triage:queue.caption", { count: v.page.tickets.length })}
        </caption>
        <thead>
          <tr>
            ${["reference", "subject", "status", "age", "channel", "intent", "school", "child", "parent", "assignee"].map((h) => html`<th scope="col">${t(`triage:queue.col.${h}`)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${v.page.tickets.map((tk) => row(c, tk, now))}
        </tbody>
      </table>`
    : html`<p role="status">${t("triage:queue.empty")}</p>`;
  const scope = c.staff!.role === "SECRETARY" ? c.staff!.schools.map((s) => s.name).join(", ") : t("triage:queue.allQueues");
  return layout(c, {
    title: t("triage:queue.title"),
    current: "queue",
    body: html`<h1>${t("triage:queue.title")}</h1>
      <p class="scope">${t("triage:queue.scope", { scope })}</p>
      ${v.notice ? html`<p role="status" class="notice">${v.notice}</p>` : ""} ${counts}
      <div class="toolbar">${filters}${search}</div>
      ${table}
      <div class="pager">${next}</div>`,
  });
}
