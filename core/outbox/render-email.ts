// Renders one email (subject, plain text, HTML) from i18n keys and the layout in templates/layouts/.
// The layout holds markup only; every sentence, greeting and signature comes from the i18n resources.
import fs from "node:fs";
import path from "node:path";
import type { TFunction } from "i18next";
import { TEMPLATES_DIR } from "../i18n";

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

let layoutCache: string | undefined;
function layout(): string {
  layoutCache ??= fs.readFileSync(path.join(TEMPLATES_DIR, "layouts", "email.html"), "utf8");
  return layoutCache;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Plain text → HTML paragraphs; bare URLs become links. */
function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((para) => {
      const escaped = escapeHtml(para).replace(/https?:\/\/[^\s<]+/g, (u) => `<a href="${u}">${u}</a>`);
      return `<p>${escaped.replace(/\n/g, "<br>\n")}</p>`;
    })
    .join("\n");
}

/**
 * The footer says what the reader may do: « reply » on ticket mail (a reply threads into the request: the
 * parent's, a secretary's), « noReply » on the automatic notices (codes, passwords, account links).
 */
export type EmailFooter = "reply" | "noReply";

export function renderEmail(
  t: TFunction,
  template: string,
  params: Record<string, string | number>,
  opts: { footer?: EmailFooter } = {},
): RenderedEmail {
  const subjectKey = `${template}.subject`;
  const bodyKey = `${template}.body`;
  const subject = t(subjectKey, params);
  const body = t(bodyKey, params);
  if (subject === subjectKey || body === bodyKey) throw new Error(`missing email template ${template} (subject/body)`);
  const closing = t("common:email.closing", params);
  const footer = t(`common:email.footer.${opts.footer ?? "noReply"}`, params);
  const text = `${body}\n\n${closing}\n\n-- \n${footer}\n`;
  const html = layout()
    .replace("{{lang}}", escapeHtml(t("common:lang")))
    .replace("{{title}}", escapeHtml(subject))
    .replace("{{body}}", textToHtml(body))
    .replace("{{closing}}", textToHtml(closing))
    .replace("{{footer}}", textToHtml(footer));
  return { subject, text, html };
}
