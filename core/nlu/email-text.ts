/**
 * Keeps the parent's own request out of a whole email body: drops quoted replies (« Le … a écrit : »,
 * "On … wrote:", Outlook headers, `>` lines), signatures ("-- ", "Envoyé de mon iPhone", closings such
 * as « Merci, Marie Tremblay 613-… »), and legal disclaimers. What remains is what the classifier reads;
 * it weights the first paragraphs itself (see features.ts), because that is where parents ask.
 */
import { cleanText } from "./normalize";

// A reply header may wrap over two lines in Gmail (« Le lun. 3 nov. 2025 à 10:12, X <x@y> a\nécrit : »).
// It always carries a date or time, which tells it apart from « le prof m'a écrit : ».
const QUOTE_HEADER = /(^|\n)[ \t>]*(le|on)\s[^\n]{0,120}?\d[^\n]{0,160}?(\n[^\n]{0,80}?)?(a\s+[ée]crit|wrote)\s*:/i;
const CUT_LINES: RegExp[] = [
  /^-{2,}\s*(original message|message d'origine|message original|forwarded message|message transf[ée]r[ée])/i,
  /^_{8,}\s*$/,
  /^(from|de)\s*:\s.+$/i, // Outlook header block of a quoted message; only cut when followed by Sent/Envoyé
  /^--\s*$/,
  /^(envoy[ée] de mon|sent from my|obtenir outlook|get outlook)/i,
  /(confidential|confidentiel|destinataire (vis[ée]|pr[ée]vu)|intended recipient|avis de non-responsabilit|disclaimer)/i,
];
const CLOSING =
  /^(merci( (beaucoup|bien|encore))?( (a|à) l'avance| d'avance| de votre (aide|temps|compr[ée]hension))?|cordialement|salutations( distingu[ée]es)?|bien (a|à) vous|sinc[eè]rement|bonne (journ[ée]e|soir[ée]e|fin de semaine)|au plaisir|thanks?( you)?( (so much|in advance|for your help))?|(best |kind |warm )?regards|best|sincerely|cheers)[\s,.!]*$/i;
const CLOSING_WITH_NAME =
  /^([Mm]erci|[Tt]hanks?|[Tt]hank you|[Cc]ordialement|[Rr]egards)[\s,.!-]+\p{Lu}[\p{L}'-]+(\s+\p{Lu}[\p{L}'-]+)*[\s,.-]*([+\d][\d\s().-]{6,}(\s*(poste|ext\.?|x)\s*\d+)?)?\s*$/u;
const GREETING_ONLY =
  /^(bonjour|bonsoir|salut|allo|all[ôo]|hello|hi|hey|good (morning|afternoon|evening)|dear|cher|ch[èe]re|madame|monsieur)\b[^.!?]{0,40}[,.!]?\s*$/i;

/**
 * A forwarded message starts with one of these lines. What the parent wrote above it is the request; the
 * forwarded part only speaks when the parent wrote (almost) nothing of their own.
 */
const FORWARD_HEADER =
  /(^|\n)[ \t>]*(-{2,}\s*(forwarded message|message transf[ée]r[ée]|original message|message d'origine|message original)\s*-*|d[ée]but du message (r[ée]exp[ée]di[ée]|transf[ée]r[ée])\s*:?|begin forwarded message\s*:?)[ \t]*(?=\n|$)/i;
/** Header fields of a forwarded or quoted message (never the parent's words). */
const HEADER_FIELD = /^(de|from|date|envoy[ée]|sent|[àa]|to|cc|objet|subject|r[ée]pondre [àa]|reply-to)\s*:/i;
/** The parent's own text shorter than this many words (« voir plus bas », "FYI") lets the forwarded part speak. */
const OWN_TEXT_MIN_WORDS = 4;
/** A subject line of the parent's own email (« Objet : Re: Billet 51022 »): kept without its label and reply marks. */
const SUBJECT_LINE = /^(objet|subject)\s*:\s*((re|tr|fwd?|r[ée]f)\s*:\s*)*/i;

const TICKET_REF = /\b(billet|ticket|demande|request|dossier|case)\s*(n[o°º]\.?\s*|#\s*)?\d+\b/gi;

export function extractRequest(body: string): string {
  const text = cleanText(body).replace(/\r\n?/g, "\n");
  const fwd = FORWARD_HEADER.exec(text);
  if (fwd) {
    const own = extractOwn(text.slice(0, fwd.index));
    const forwarded = extractOwn(dropHeaderFields(text.slice(fwd.index + fwd[0].length)));
    const words = (own.match(/[\p{L}\d]+/gu) ?? []).length;
    if (words >= OWN_TEXT_MIN_WORDS || forwarded === "") return own !== "" ? own : text.trim().slice(0, 2000);
    // The parent wrote little: their words first (they weigh most), then the forwarded message.
    return (own === "" ? forwarded : own + "\n" + forwarded.slice(0, 1000)).trim();
  }
  const own = extractOwn(text);
  return own === "" ? text.trim().slice(0, 2000) : own;
}

/** Header lines at the top of a forwarded block, then its body. */
function dropHeaderFields(block: string): string {
  const lines = block.split("\n");
  let i = 0;
  while (i < lines.length && (lines[i].trim() === "" || HEADER_FIELD.test(lines[i].trim()))) i++;
  return lines.slice(i).join("\n");
}

/** The request in the parent's own part of an email (no quoted reply, signature or disclaimer), or "". */
function extractOwn(raw: string): string {
  let text = raw;
  const header = QUOTE_HEADER.exec(text);
  if (header && header.index > 0 && /[\p{L}\d]/u.test(text.slice(0, header.index))) text = text.slice(0, header.index);
  // At the very top, a reply header is followed by the quoted lines and then (bottom-posting) the parent's words.
  else if (header) text = text.slice(0, header.index) + "\n" + text.slice(header.index + header[0].length);

  const kept: string[] = [];
  const subjects = new Set<number>();
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].trim();
    if (line.startsWith(">")) continue;
    if (isCut(line, lines[i + 1] ?? "")) break;
    const subject = SUBJECT_LINE.exec(line);
    if (subject) {
      // A ticket number says nothing of the intent; a subject is not yet a request that a « Merci » closes.
      line = line.slice(subject[0].length).replace(TICKET_REF, "").trim();
      subjects.add(kept.length);
    }
    const hasContent = kept.some((l, j) => l !== "" && !subjects.has(j) && !GREETING_ONLY.test(l));
    // A closing formula ends the request only when a request came before it: « Merci! » alone is the message.
    if (hasContent && (CLOSING.test(line) || CLOSING_WITH_NAME.test(line))) break;
    kept.push(line);
  }
  return kept.join("\n").trim();
}

function isCut(line: string, next: string): boolean {
  if (line === "") return false;
  for (const re of CUT_LINES) {
    if (!re.test(line)) continue;
    if (re === CUT_LINES[2]) return /^(sent|envoy[ée]|date|to|[àa])\s*:/i.test(next.trim());
    return true;
  }
  return false;
}
