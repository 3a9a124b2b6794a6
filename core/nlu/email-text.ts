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
const GREETING_ONLY = /^(bonjour|bonsoir|salut|allo|all[ôo]|hello|hi|hey|good (morning|afternoon|evening)|dear|cher|ch[èe]re|madame|monsieur)\b[^.!?]{0,40}[,.!]?\s*$/i;

export function extractRequest(body: string): string {
  let text = cleanText(body).replace(/\r\n?/g, "\n");
  const header = QUOTE_HEADER.exec(text);
  // Only a header after some content is a quoted reply; at position 0 the parent wrote nothing new.
  if (header && header.index > 0) text = text.slice(0, header.index);

  const kept: string[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line.startsWith(">")) continue;
    if (isCut(line, lines[i + 1] ?? "")) break;
    const hasContent = kept.some((l) => l !== "" && !GREETING_ONLY.test(l));
    // A closing formula ends the request only when a request came before it: « Merci! » alone is the message.
    if (hasContent && (CLOSING.test(line) || CLOSING_WITH_NAME.test(line))) break;
    kept.push(line);
  }
  const result = kept.join("\n").trim();
  return result === "" ? cleanText(body).trim().slice(0, 2000) : result;
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
