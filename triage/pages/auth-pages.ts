// Sign-in and the one-time set-password page.
import { html, type Raw } from "../http/html";
import type { TriageContext } from "../http/triage-handler";
import { layout } from "./layout";

export function signInPage(c: TriageContext, o: { preToken: string; email?: string; error?: string }): Raw {
  const t = c.t;
  return layout(c, {
    title: t("triage:signIn.title"),
    body: html`<section class="narrow">
      <h1>${t("triage:signIn.title")}</h1>
      <p>${t("triage:signIn.intro")}</p>
      ${o.error ? html`<p class="error" role="alert" id="signin-error">${o.error}</p>` : ""}
      <form method="post" action="/triage/sign-in" class="stack">
        <input type="hidden" name="_pre" value="${o.preToken}" />
        <label for="email">${t("triage:signIn.email")}</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          required
          value="${o.email ?? ""}"
          ${o.error ? html` aria-describedby="signin-error"` : ""}
        />
        <label for="password">${t("triage:signIn.password")}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit">${t("triage:signIn.submit")}</button>
      </form>
    </section>`,
  });
}

export function setPasswordPage(c: TriageContext, o: { code: string; valid: boolean; error?: string; done?: boolean }): Raw {
  const t = c.t;
  let body: Raw;
  if (o.done)
    body = html`<p role="status">${t("triage:setPassword.done")}</p>
      <p><a href="/triage/sign-in">${t("triage:signIn.title")}</a></p>`;
  else if (!o.valid) body = html`<p role="alert">${t("triage:errors.link_invalid")}</p>`;
  else {
    body = html`${o.error ? html`<p class="error" role="alert" id="pw-error">${o.error}</p>` : ""}
      <form method="post" action="/triage/set-password" class="stack">
        <input type="hidden" name="code" value="${o.code}" />
        <label for="password">${t("triage:setPassword.password")}</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="new-password"
          required
          minlength="12"
          aria-describedby="pw-help${o.error ? " pw-error" : ""}"
        />
        <p id="pw-help" class="help">${t("triage:setPassword.help")}</p>
        <label for="confirm">${t("triage:setPassword.confirm")}</label>
        <input id="confirm" name="confirm" type="password" autocomplete="new-password" required />
        <button type="submit">${t("triage:setPassword.submit")}</button>
      </form>`;
  }
  return layout(c, {
    title: t("triage:setPassword.title"),
    body: html`<section class="narrow">
      <h1>${t("triage:setPassword.title")}</h1>
      ${body}
    </section>`,
  });
}
