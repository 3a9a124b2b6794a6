/**
 * Issue 13, second round: the failure classes of external batches 3–6 (described there, written fresh
 * here — none of their sentences). Out of scope: the rest of school life that the portal does not hold
 * (pedagogical days, outings, photos, buses, strikes, fundraisers, a substitute teacher, rules in class,
 * admission from abroad), a thank-you or a compliment that asks nothing, other institutions' files and
 * portals (a college's marks, a clinic, the CRA, an employer's portal, a GED), bills and forms of other
 * bodies. In scope: the portal's own near-misses (a refund for a cancelled outing is a payment, a person
 * named at the office is a request for a person, the school of a past year is enrolment, a dentist's
 * appointment is an absence).
 */
import type { Templates } from "./types";

const SCHOOL_LIFE_FR =
  "[la journée pédagogique|la prochaine journée pédagogique|la reprise des photos|la photo scolaire|la sortie au musée|la sortie aux pommes|le voyage à Québec|le spectacle de Noël|la soirée portes ouvertes|la levée de fonds|la vente de chocolat|la campagne de financement|le dîner pizza|la grève des enseignants|la semaine de relâche|la remise des diplômes|le bal des finissants]";
const SCHOOL_LIFE_EN =
  "[the PD day|the next PA day|picture retake day|school photo day|the museum trip|the apple picking trip|the Quebec City trip|the Christmas concert|the open house|the fundraiser|the chocolate sale|the teachers' strike|March break|graduation|prom|the book fair]";
const OTHER_FILE_FR =
  "[mon dossier à la clinique|mon dossier à l'hôpital|mon dossier chez le médecin|mon dossier à l'ARC|mon dossier de Service Canada|mon dossier d'assurance|mon dossier à la banque|mon permis de conduire|ma carte santé]";
const OTHER_FILE_EN =
  "[my clinic file|my hospital record|my doctor's file|my CRA account|my Service Canada file|my insurance file|my bank profile|my driver's licence|my health card]";
const OTHER_PORTAL_FR =
  "[le portail de mon employeur|le portail de ma compagnie|le portail de la banque|le portail de l'hôpital|MaSantéOntario|le portail de l'ARC|le portail du collège|Moodle|le site de la ville|l'intranet de la job]";
const OTHER_PORTAL_EN =
  "[my company portal|my employer's portal|the bank's portal|the hospital portal|MyChart|CRA My Account|the college portal|Moodle|the city website|the work intranet]";

export const SCHOOL_LIFE: Templates = {
  none: {
    fr: [
      // school life the portal does not hold
      "c'est [quand|quelle date] " + SCHOOL_LIFE_FR + "[ cette année| en novembre| ce mois-ci|?|]",
      SCHOOL_LIFE_FR + " est [tu |][annulée|annulé|reportée|reporté] [à cause de la pluie|à cause de la tempête|avec la grève|]",
      "est-ce qu'il y a " + SCHOOL_LIFE_FR + " [cette semaine|ce mois-ci|lundi|bientôt]",
      "l'[enseignante|enseignant|éducatrice|prof] de {rel} est [absente|absent|malade|en congé] [cette semaine|depuis lundi|], qui [la|le] remplace",
      "{rel} [était absente|était absent|était malade] [le jour de la photo|pour la photo], [y a tu|est-ce qu'il y a] une reprise",
      "le [brigadier|brigadier scolaire|surveillant de traverse] [était pas là|n'était pas au coin] ce matin",
      "le transport scolaire passe tu [sur ma rue|sur la rue {school}|dans mon nouveau quartier] [cette année|]",
      "on déménage [en juillet|cet été|le mois prochain], {rel} va tu encore avoir droit à l'autobus scolaire",
      "[l'autobus|le bus] de {rel} est [encore en retard|pas passé|en retard tous les matins], qui appeler",
      "[les cellulaires|les téléphones] sont [tu |]permis en classe",
      "c'est quoi le code vestimentaire [à l'école|au secondaire]",
      "ma [mère|belle-mère|voisine|gardienne] peut tu venir chercher {rel} à la sortie des classes",
      "mon [petit-fils|neveu|fils] a [fini son secondaire|son diplôme] [au Liban|au Maroc|en Haïti|au Cameroun|à l'étranger], il peut tu être admis [en 11e|au secondaire] chez vous",
      "[je veux|j'aimerais] remercier [Mme|M.|madame|monsieur] [Poirier|Gagnon|Tremblay|Côté] pour [sa patience avec|tout ce qu'elle fait pour|son aide avec] {rel}[, pas besoin de répondre|]",
      "dites à [Mme|madame] [Ginette|Lise|Sylvie] [au secrétariat|à la réception] qu'elle est [un ange|super|formidable][, elle a retrouvé la tuque de mon fils|]",
      "le prof de {rel} [m'a envoyé|a envoyé] [ses notes de cours|le document] par courriel [mais je peux pas l'ouvrir|en pièce jointe, ça ouvre pas]",
      "le conseil offre tu des cours [de français|d'anglais|d'informatique] pour les parents le soir",
      // other institutions' files, portals, bills and forms
      OTHER_FILE_FR + " a [la mauvaise date de naissance|une erreur dans mon nom|la mauvaise adresse], qui appeler",
      "comment changer mon adresse [avec l'ARC|à Service Ontario|sur mon permis|à la banque]",
      "[je peux pas|j'arrive pas à] me connecter [à|sur] " + OTHER_PORTAL_FR,
      "les notes de mon cours [d'anglais|de comptabilité|du soir] [au collège|à La Cité|à l'université] sont pas sur [Moodle|le portail du collège]",
      "[le bulletin paroissial|le bulletin de la paroisse|le bulletin municipal|le bulletin du club] sort quand",
      "[le formulaire|la demande] pour l'allocation canadienne pour enfants, [c'est où|je le trouve où]",
      "j'ai pas reçu mon [T4|relevé d'emploi|relevé 1] de mon employeur",
      "ma facture [d'Hydro|d'électricité|de cellulaire|d'internet] est [trop haute|élevée] ce mois-ci, c'est normal",
      "[une facture de l'ambulance|la facture du dentiste|ma facture de physio], est-ce couvert par [l'OHIP|mes assurances]",
      "il y a un [montant|prélèvement] que je reconnais pas sur mon [relevé de banque|relevé de carte]",
      "combien de crédits il me faut pour finir [mon secondaire aux adultes|mon GED|mon DES]",
      "[j'ai oublié|j'ai perdu|je me rappelle pu de] mon mot de passe [gmail|hotmail|facebook|yahoo|outlook|icloud|netflix]",
      "mot de passe [gmail|hotmail|facebook|yahoo|outlook] oublié",
      "[j'ai besoin d'|il me faut] un billet du médecin pour [mon travail|mon employeur|mes assurances]",
    ],
    en: [
      "when is " + SCHOOL_LIFE_EN + "[ this year| in November| this month|?|]",
      "is " + SCHOOL_LIFE_EN + " [cancelled|postponed|still on] [because of the rain|with the strike|because of the storm|]",
      "is there " + SCHOOL_LIFE_EN + " [this week|this month|on Monday|soon]",
      "{relEn}'s teacher is [away|sick|on leave] this week, who is replacing [her|him]",
      "{relEn} was absent on picture day, is there a retake",
      "the crossing guard [wasn't there|was missing] this morning[ at the corner|]",
      "does the school bus go [down my street|to our new address|through our new neighbourhood] [this year|]",
      "we're moving [in July|this summer], will {relEn} still get school bus service",
      "are kids allowed [phones|cell phones] in class",
      "what's the dress code at [the school|high school]",
      "can my [mom|mother-in-law|neighbour|babysitter] pick up {relEn} at dismissal",
      "my [grandson|nephew] finished high school [in Lebanon|abroad|in India], can he be admitted [to grade 11|to one of your schools]",
      "I just wanted to say thank you to [Mrs.|Mr.|Ms.] [Poirier|Smith|Patel] for [her patience with|everything she did for] {relEn}[ this year|][, no need to reply|]",
      "the teacher sent [her course notes|the handout] by email but I can't open the attachment",
      "does the board offer [French|English|computer] classes for parents in the evening",
      OTHER_FILE_EN + " has [the wrong birth date|a mistake in my name|my old address], who do I call",
      "how do I update my address with [CRA|ServiceOntario|my bank|the passport office]",
      OTHER_PORTAL_EN + " won't let me [log in|sign in]",
      "my marks for [my English course|my night class] at [college|Algonquin|university] aren't on [Moodle|the college portal]",
      "how do I get my [report card|transcript] from my [college|old high school in Toronto|university], I graduated in [2009|2012|the 90s]",
      "[the parish bulletin|the church bulletin|the city bulletin] comes out when",
      "I need a form for the Canada Child Benefit",
      "I didn't get my [T4|record of employment] from my employer",
      "I got a bill from [the ambulance|the dentist|physio], is that covered by [OHIP|my insurance]",
      "my [bank statement|credit card statement] shows a charge I don't recognize",
      "how many credits do I need to finish my [own GED|adult high school diploma]",
      "I need a doctor's note for [missing work|my employer]",
      "is there a [teacher strike|bus strike|snow day] [Monday|tomorrow|this week]",
    ],
  },
  payments: {
    fr: [
      "la sortie a été annulée, je vais [tu |]être [remboursée|remboursé][?|]",
      "[j'ai pas de carte de crédit|j'ai pas de carte], je peux tu payer [le dîner pizza|la sortie|l'album] en argent comptant",
    ],
    en: [
      "the trip was cancelled, will I get my money back",
      "I don't have a credit card, can I pay for [the pizza lunch|the trip] in cash",
    ],
  },
  human: {
    fr: [
      "[pouvez-vous|pourriez-vous] me passer [madame|Mme|monsieur] [Lise|Sylvie|Roy|Gagnon] au [secrétariat|bureau][, c'est urgent|]",
      "[demandez à|dites à] la secrétaire de {school} de m'écrire[, ça fait une semaine que j'essaie|]",
      "y a tu un numéro [pour parler à quelqu'un|du soutien du portail|pour le centre d'aide]",
    ],
    en: [
      "can you get the secretary at {school} to email me[? I've been trying for a week|]",
      "is there a [phone number|number] for [the portal help desk|someone at the help centre]",
      "can you put me through to [Mrs.|Mr.] [Lise|Roy|Smith] at the office",
    ],
  },
  "records.enrolment": {
    fr: [
      "{rel} était à [l'école {school}|une autre école] l'an passé, [ça apparaît tu|est-ce que ça paraît] dans son historique",
      "[il|elle] a été à quelle école en [3e|5e|7e] année? je me rappelle pu",
    ],
    en: ["{relEn} was at another school last year, does that show in [her|his] history", "which school was {relEn} at in grade [3|5|7]"],
  },
  "account.password_reset": {
    fr: [
      "j'ai oublié mon mot de passe [du portail|] pis l'école est fermée[, je fais quoi|]",
      "mot de passe oublié [pis personne répond à l'école|, le secrétariat est fermé]",
    ],
    en: ["I forgot my password and the school is closed", "forgot my password, the office is closed"],
  },
  "records.attendance": {
    fr: [
      "l'absence [du 12|de lundi|d'hier] est [tu |]encore non motivée? [j'ai envoyé un mot|j'ai appelé][. pis en passant on a un nouveau numéro|]",
      "{rel} avait un rendez-vous [chez le dentiste|chez le médecin] [mardi matin|hier], je veux voir si c'est [justifié|motivé]",
    ],
    en: ["{relEn} had a [dentist|doctor's] appointment [Tuesday morning|yesterday], I want to see if it shows as excused"],
  },
  greeting: { fr: ["salut là", "allo là", "bonjour là"], en: ["hi there", "hey there"] },
  goodbye: { fr: ["ok a+", "a+", "ok bye là", "à la prochaine"], en: ["ok cya", "ttyl"] },
};
