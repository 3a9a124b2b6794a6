/**
 * Email wrappers for the training corpus: greeting, a line of context, the request, sometimes a second
 * lower-priority request, closing and signature, sometimes a quoted earlier message. The label stays the
 * request's intent — which is exactly what the mail agent must learn to see through.
 */
import { expand, pick, type Rng } from "./augment";

const OPEN = {
  fr: ["Bonjour,", "Bonjour Madame,", "Bonjour à vous,", "Allo,", "Bonsoir,", "Bonjour à l'équipe du portail,", "Madame, Monsieur,", ""],
  en: ["Hello,", "Hi,", "Good morning,", "Dear help desk,", "Hi there,", ""],
};
export const CONTEXT = {
  fr: [
    "Je suis la mère de {child}, {grade} à l'école {school}.",
    "Mon fils {child} est {grade} à {school}.",
    "Je vous écris au sujet de ma fille {child}.",
    "J'ai deux enfants à {school}.",
    "Je suis le père de {child} ({grade}).",
    "Nous sommes arrivés au CEPEO cette année.",
    "J'espère que vous allez bien.",
    "",
    "",
    "",
    "Je suis la mère de {child}, {grade} à {school}, et de son frère qui est {grade}.",
    "Je me permets de vous écrire parce que je suis un peu perdue avec le portail.",
    "Désolée de vous déranger, j'ai essayé de trouver par moi-même mais sans succès.",
    "Mon conjoint et moi avons deux enfants inscrits à l'école {school} depuis septembre.",
    "Je suis le tuteur légal de {child} depuis l'an dernier.",
    "C'est la première fois que j'utilise le Portail Famille.",
  ],
  en: [
    "I'm the mother of {child}, {gradeEn} at {school}.",
    "My son {child} is {gradeEn} at {school}.",
    "I am writing about my daughter {child}.",
    "I hope you are well.",
    "We have two kids at {school}.",
    "",
    "",
    "Sorry to bother you, I tried to figure it out myself but couldn't.",
    "This is my first year using the Family Portal.",
    "I'm {child}'s stepfather and I help with school matters.",
    "My wife usually handles this but she is away.",
  ],
};
const CLOSE = {
  fr: ["Merci,", "Merci beaucoup,", "Merci à l'avance,", "Cordialement,", "Bonne journée,", "Merci de votre aide,", "Salutations,"],
  en: ["Thanks,", "Thank you,", "Regards,", "Best regards,", "Thanks in advance,", "Sincerely,"],
};
const SIG_EXTRA = [
  "",
  "",
  "Envoyé de mon iPhone",
  "Sent from my Samsung Galaxy",
  "--\n{name}\nAgente administrative, Ville d'Ottawa\n{phone}",
  "AVIS DE CONFIDENTIALITÉ : ce courriel est confidentiel et destiné uniquement au destinataire visé.",
];
const QUOTE = {
  fr: [
    "Le {qdate}, Portail Famille <portail.famille@cepeo.on.ca> a écrit :",
    "Le {qdate} à 10:12, Centre d'aide <aide@cepeo.on.ca> a\nécrit :",
  ],
  en: ["On {qdate}, Help Desk <helpdesk@cepeo.on.ca> wrote:", "On {qdate} at 9:41 AM Portail Famille <portail.famille@cepeo.on.ca> wrote:"],
};
const QDATES = ["lun. 3 nov. 2025", "2025-10-14", "Mon, Nov 3, 2025", "12 septembre 2025", "mar. 21 oct. 2025"];

export function wrapEmail(request: string, lang: "fr" | "en", rng: Rng, secondary?: string, quoted?: string): string {
  const l = lang;
  const parts: string[] = [];
  const open = pick(rng, OPEN[l]);
  if (open) parts.push(open);
  const ctx = expand(pick(rng, CONTEXT[l]), rng);
  const body = rng() < 0.5 && ctx ? `${ctx} ${capitalize(request)}` : ctx ? `${ctx}\n\n${capitalize(request)}` : capitalize(request);
  parts.push(endSentence(body));
  if (secondary)
    parts.push(endSentence((l === "fr" ? pick(rng, ["Aussi, ", "De plus, ", "Et "]) : pick(rng, ["Also, ", "And "])) + secondary));
  const sig = `${pick(rng, CLOSE[l])}\n${expand("{name}", rng)}${rng() < 0.5 ? "\n" + expand("{phone}", rng) : ""}`;
  parts.push(sig);
  const extra = expand(pick(rng, SIG_EXTRA), rng);
  if (extra) parts.push(extra);
  if (quoted) {
    const header = pick(rng, QUOTE[l]).replace("{qdate}", pick(rng, QDATES));
    parts.push(
      header +
        "\n" +
        quoted
          .split("\n")
          .map((x) => "> " + x)
          .join("\n"),
    );
  }
  return parts.join("\n\n");
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function endSentence(s: string): string {
  return /[.!?…)]$/.test(s.trim()) ? s : s + ".";
}

const REPLY_SUBJECT = {
  fr: [
    "Objet : Re: Billet {num}",
    "Objet : RE: Demande {num}",
    "Objet : Re: Votre demande no {num}",
    "Objet : Re: Billet {num} - Portail Famille",
    "Objet : RE: {num}",
  ],
  en: [
    "Subject: Re: Ticket {num}",
    "Subject: RE: Request {num}",
    "Subject: Re: Your request #{num}",
    "Subject: Re: Ticket {num} - Family Portal",
  ],
};

/**
 * An emailed reply on a ticket that only thanks or confirms (« Objet : Re: Billet 51022 … j'ai bien reçu le
 * bulletin, merci »): the label stays `thanks` even though a portal word is there.
 */
export function wrapReply(text: string, lang: "fr" | "en", rng: Rng): string {
  const subject = pick(rng, REPLY_SUBJECT[lang]).replace("{num}", String(10000 + Math.floor(rng() * 89999)));
  const open = pick(rng, OPEN[lang]);
  const close = pick(
    rng,
    lang === "fr" ? ["Cordialement,", "Bonne journée,", "Salutations,", ""] : ["Best,", "Regards,", "Have a good day,", ""],
  );
  return [subject, open, endSentence(capitalize(text)), close ? `${close}\n${expand("{name}", rng)}` : expand("{name}", rng)]
    .filter((x) => x)
    .join("\n\n");
}
