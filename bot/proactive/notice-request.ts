// « avertis-moi si Léa est absente », « préviens-moi quand on répond à ma demande », « arrête les avis » (and
// English): a request about proactive notices, recognised by its words — to be told, or to stop — and what it is
// about. Not the NLU's job: the classifier reads « avertis-moi si Léa est absente » as an attendance question.
import { foldText, type NoticeKind } from "../../core";

export interface NoticeRequest {
  action: "subscribe" | "unsubscribe";
  /** Empty: not said (subscribe asks; unsubscribe stops them all). */
  kinds: NoticeKind[];
}

const TELL_ME =
  /\b(avertis|avertissez|avertir|previens|prevenez|prevenir|notifie|notifiez|alerte[sz]?|dis moi quand|dites moi quand|let me know|tell me when|notify me|alert me|warn me|message me when)\b/;
const STOP =
  /\b(arrete[sz]?|arreter|cesse[sz]?|cesser|desactive[sz]?|plus d avis|ne m avertis plus|stop|stopping|unsubscribe|no more|turn off)\b/;
const NOTICE_WORDS =
  /\b(avis|avertir|avertis|avertissements?|alertes?|prevenir|notices?|notifications?|alerts?|notify|notifying|messages?)\b/;
const KINDS: [NoticeKind, RegExp][] = [
  ["absence", /\b(absente?s?|absences?|absent)\b/],
  ["report_card", /\b(bulletins?|report cards?)\b/],
  ["ticket_reply", /\b(repond\w*|reponses?|demandes?|billets?|tickets?|repl\w+|answer\w*|respond\w*|requests?)\b/],
];

export function noticeRequestOf(text: string): NoticeRequest | null {
  if (!text || text.length > 300) return null;
  const f = foldText(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  const kinds = KINDS.filter(([, re]) => re.test(f)).map(([k]) => k);
  if (STOP.test(f) && NOTICE_WORDS.test(f)) return { action: "unsubscribe", kinds };
  if (TELL_ME.test(f)) return { action: "subscribe", kinds };
  return null;
}
