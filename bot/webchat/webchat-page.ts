// GET / — the Web Chat page: French first (?lang=en for English), the board's name, what the assistant can do and
// the help centre's contact, then Microsoft's Web Chat talking to our own Direct Line endpoint. Every sentence
// comes from templates/<lang>/webchat.json; the HTML escapes each one. `?transport=polling` forces polling
// (WebSocket by default); `?embed=1` is the compact page the embeddable iframe shows.
import zlib from "node:zlib";
import type { Request, Response, Server } from "restify";
import { translator, type CoreContext, type Lang } from "../../core";
import { newNonce, setPageSecurityHeaders } from "./security-headers";
import type { StaticAssets } from "./static-assets";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Web Chat's own UI strings are in its bundle (fr-FR, en-US); the bot gets the Canadian locale. */
const LOCALES: Record<Lang, { webChat: string; bot: string }> = {
  fr: { webChat: "fr-FR", bot: "fr-CA" },
  en: { webChat: "en-US", bot: "en-CA" },
};

export interface PageOptions {
  lang: Lang;
  nonce: string;
  assets: StaticAssets["urls"];
  helpdesk: string;
  webSocket: boolean;
  embed: boolean;
}

export function renderWebChatPage(o: PageOptions): string {
  const t = translator(o.lang);
  const s = (key: string, params?: Record<string, string>) => escapeHtml(String(t(`webchat:page.${key}`, params)));
  const other: Lang = o.lang === "fr" ? "en" : "fr";
  const query = (lang: Lang) => `?lang=${lang}${o.webSocket ? "" : "&amp;transport=polling"}${o.embed ? "&amp;embed=1" : ""}`;
  const config = JSON.stringify({
    lang: o.lang,
    locale: LOCALES[o.lang].webChat,
    botLocale: LOCALES[o.lang].bot,
    webSocket: o.webSocket,
    nonce: o.nonce,
    strings: { failed: String(t("webchat:page.failed")) },
  }).replace(/</g, "\\u003c");
  const mail = escapeHtml(o.helpdesk);
  const intro = o.embed
    ? ""
    : `
    <section class="intro" aria-labelledby="heading">
      <h1 id="heading">${s("heading")}</h1>
      <p class="privacy">${s("privacy")}</p>
      <details id="can" class="can">
        <summary>${s("canSummary")}</summary>
        <p>${s("welcome")}</p>
        <ul>
          <li>${s("can.password")}</li>
          <li>${s("can.records")}</li>
          <li>${s("can.account")}</li>
          <li>${s("can.ticket")}</li>
        </ul>
      </details>
    </section>`;
  return `<!doctype html>
<html lang="${o.lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${s("title")}</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${o.assets.style}">
  <link rel="alternate" hreflang="${other}" href="/${query(other)}">
</head>
<body${o.embed ? ' class="embed"' : ""}>
  <header class="banner">
    <p class="brand"><span class="board">${s("board")}</span> <span class="portal">${s("portal")}</span></p>
    <a class="lang-switch" href="/${query(other)}" lang="${other}" hreflang="${other}" title="${s("switchLangLabel")}">${s("switchLang")}</a>
  </header>
  <main>${intro}
    <section class="chat" aria-label="${s("chatLabel")}">
      <div id="webchat" class="webchat"></div>
      <p id="webchat-status" class="status" role="status">${s("loading")}</p>
      <noscript><p class="status">${s("noScript")}</p></noscript>
      <button type="button" id="new-conversation" class="new-conversation">${s("newConversation")}</button>
    </section>
  </main>
  <footer class="contact">
    <p>${s("contact")} <a href="mailto:${mail}">${mail}</a> · <a href="tel:+16137428960,3003">${s("contactPhone")}</a></p>
  </footer>
  <script type="application/json" id="webchat-config">${config}</script>
  <script src="${o.assets.webchat}" defer></script>
  <script src="${o.assets.script}" defer></script>
</body>
</html>
`;
}

export function registerWebChatPage(server: Server, opts: { ctx: CoreContext; assets: StaticAssets }): void {
  const { ctx } = opts;
  const https = ctx.config.publicUrl.startsWith("https://");
  server.get("/", (req: Request, res: Response, next: () => void) => {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const lang: Lang = q.lang === "en" ? "en" : "fr";
    const nonce = newNonce();
    const html = renderWebChatPage({
      lang,
      nonce,
      assets: opts.assets.urls,
      helpdesk: ctx.config.HELPDESK_ADDRESS,
      webSocket: q.transport !== "polling",
      embed: q.embed === "1",
    });
    setPageSecurityHeaders(res, { nonce, frameAncestors: ctx.config.WEBCHAT_ORIGINS ?? [], https });
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Cache-Control", "no-store"); // a fresh nonce each time
    res.setHeader("Content-Language", lang);
    res.setHeader("Vary", "Accept-Encoding");
    if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      res.setHeader("Content-Encoding", "gzip");
      res.sendRaw(200, zlib.gzipSync(html));
    } else {
      res.sendRaw(200, html);
    }
    next();
  });
}
