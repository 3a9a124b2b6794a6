/**
 * Issue 13: what is not ours, written wide — all the other things a parent asks a school board, a city, a
 * bank or a phone, especially with the portal's words in another sense (the object decides: a bus
 * « horaire », a weather « bulletin », a Gmail « mot de passe », tax « crédits », a Hydro « compte », a
 * YMCA receipt). Also the portal's own near-misses seen in external batches 1–2 (failure classes, not
 * their sentences): reset vs change when both words appear, create vs a missing child, the teacher about
 * results (a person), late arrivals (attendance), which days a course is (schedule), a polite « je ne
 * souhaite plus poursuivre » (cancel). Written fresh for this file.
 */
import type { Templates } from "./types";

const ACCOUNT_FR =
  "[Gmail|Hotmail|Outlook|Yahoo|Facebook|Instagram|Apple|iCloud|Netflix|Hydro Ottawa|Hydro One|Bell|Rogers|Vidéotron|Desjardins|ma banque|RBC|Santé Ontario|Mon dossier de l'ARC|la Ville d'Ottawa|Service Ontario|Amazon|WhatsApp|TikTok]";
const ACCOUNT_EN =
  "[Gmail|Hotmail|Outlook|Yahoo|Facebook|Instagram|Apple ID|iCloud|Netflix|Hydro Ottawa|Hydro One|Bell|Rogers|bank|TD|RBC|CRA My Account|City of Ottawa|ServiceOntario|Amazon|WhatsApp|Uber|Costco]";
const STUDENT_TOOL_FR =
  "[Office 365|Microsoft Teams|Teams|Google Classroom|Brightspace|Chromebook|Microsoft|courriel étudiant|compte Minecraft|iPad de l'école]";
const STUDENT_TOOL_EN =
  "[Office 365|Microsoft Teams|Teams|Google Classroom|Brightspace|Chromebook|Microsoft|student email|Minecraft|school iPad]";
const ACTIVITY_FR =
  "[la ligue de soccer|l'équipe de hockey|le club de natation|les cours de natation|les cours de piano|la piscine municipale|la bibliothèque publique|l'aréna|le centre communautaire|le cours de karaté|les scouts|la ligue de basketball|l'autobus OC Transpo|la route 57|le train VIA Rail|les cours de danse|la patinoire]";
const ACTIVITY_EN =
  "[the soccer league|the hockey team|the swim club|swimming lessons|piano lessons|the city pool|the public library|the arena|the community centre|karate class|the scouts|the basketball league|OC Transpo|route 57|the VIA train|dance classes|the skating rink]";
const UNI_FR =
  "[l'Université d'Ottawa|l'Université Laurentienne|McGill|Carleton|La Cité collégiale|le Collège Algonquin|l'université|le cégep|son université]";
const UNI_EN = "[the University of Ottawa|Carleton|McGill|Algonquin College|Laurentian|the university|her college|his university]";
const BILL_FR =
  "[ma facture d'Hydro|mon compte d'électricité|ma facture de cellulaire|mes taxes municipales|mon loyer|ma contravention de stationnement|ma facture de gaz|la garderie privée|le camp du YMCA|mon abonnement Netflix|ma facture Bell|l'assurance auto]";
const BILL_EN =
  "[my hydro bill|my phone bill|my property taxes|my rent|a parking ticket|my gas bill|the private daycare|the YMCA camp|my Netflix subscription|my Bell bill|my car insurance]";

/** Portal requests that name another organisation or service on the way: the object is still ours. */
const OURS_DESPITE_OTHER_WORDS: Templates = {
  "records.report_card": {
    fr: [
      "j'ai besoin du bulletin [de l'an passé|de 11e|de {child}|] pour [son application|sa demande d'admission|son inscription] [au collège|à l'université|au cégep|à La Cité]",
      "[l'université|le collège|son employeur] demande le [dernier |]bulletin de {rel}, où je le trouve dans le portail",
    ],
    en: [
      "I need [last year's|her grade 11|his] report card for [her|his] [college|university] application",
      "the university is asking for {relEn}'s report card, where do I find it in the portal",
    ],
  },
  payments: {
    fr: [
      "ma carte de crédit a été [débitée|chargée] [2 fois|deux fois] [pour la sortie|pour l'album|par l'école|]",
      "[rembourser|un remboursement pour] [la sortie annulée|le voyage annulé|l'activité annulée] de {rel}",
      "je cherche le reçu du paiement [pour la sortie|de l'école], j'en ai besoin pour mes impôts",
    ],
    en: [
      "can I get a refund for the [cancelled trip|cancelled activity]",
      "my credit card was charged twice for the [field trip|yearbook]",
      "I need the receipt of my school payment for my taxes",
    ],
  },
  "account.email_change": {
    fr: [
      "je veux plus utiliser mon [hotmail|adresse du travail|yahoo], je veux mettre mon [gmail|nouveau courriel] [dans le portail|au dossier|]",
      "mon adresse courriel [du travail|professionnelle] [ne sera plus valide|va fermer], [mettez|changez pour] mon [gmail|courriel personnel]",
    ],
    en: ["I don't want to use my [hotmail|work email] anymore, please put my [gmail|personal email] on the portal"],
  },
  "account.password_change": {
    fr: [
      "[suite à|après] une fraude sur mon [compte Facebook|courriel|Gmail], je change tous mes mots de passe, [je suis capable de me connecter au portail|je connais celui du portail]",
      "j'ai le même mot de passe partout, [faut que je le change|je veux le changer] dans le portail",
    ],
    en: [
      "my [Facebook|email] got hacked so I'm changing all my passwords, I can still log in to the portal",
      "I use the same password everywhere, I want to change the portal one",
    ],
  },
  "records.attendance": {
    fr: [
      "[nous sommes|on est] partis [en voyage|en Haïti|au Mexique|en France] [deux semaines|en janvier], les absences de {rel} sont-elles [motivées|justifiées]",
    ],
    en: ["we travelled to [Jamaica|India|Mexico] for two weeks, were {relEn}'s absences recorded as excused"],
  },
  "records.enrolment": {
    fr: ["depuis quand {child} est [inscrite|inscrit] au conseil[?|]", "{child} est au CEPEO depuis quelle année"],
    en: ["since when has {child} been enrolled with the board"],
  },
  "records.schedule": {
    fr: ["{rel} a perdu [son horaire|la feuille de son horaire], [c'est quoi ses cours et ses locaux|pouvez-vous me donner ses cours]"],
    en: ["{relEn} lost the paper with [her|his] timetable, can you tell me [her|his] classes and rooms"],
  },
};

export const OUT_OF_SCOPE_ONLY: Templates = {
  none: {
    fr: [
      // other accounts and passwords
      "j'ai oublié mon mot de passe " + ACCOUNT_FR + "[, comment le récupérer| pis je sais pas quoi faire|, pouvez-vous m'aider|]",
      "mon compte " + ACCOUNT_FR + " est [bloqué|verrouillé|piraté|suspendu][, aidez-moi| svp|, quoi faire|]",
      "[je n'arrive pas à|chu pas capable de|comment] [me connecter à|ouvrir|récupérer] mon compte " + ACCOUNT_FR,
      "[comment|je veux] créer un compte [sur le site de|chez|avec] " + ACCOUNT_FR + "[, ça marche pas|?|]",
      "mon compte " + ACCOUNT_FR + " dit que mon adresse [existe pas|est invalide|est déjà utilisée]",
      "[le|mon] mot de passe " +
        STUDENT_TOOL_FR +
        " de {rel} [marche pu|ne fonctionne plus|est expiré][, il peut pas faire ses devoirs|, elle peut pas remettre ses travaux|]",
      "{rel} [peut pas|n'arrive pas à] se connecter à " +
        STUDENT_TOOL_FR +
        " pour [ses cours en ligne|remettre ses travaux|sa classe virtuelle]",
      "qui s'occupe des comptes " + STUDENT_TOOL_FR + " des élèves",
      "mon courriel " + ACCOUNT_FR + " reçoit plus rien depuis [hier|lundi|une semaine]",
      "comment changer le mot de passe de mon [wifi|routeur|cellulaire|ordinateur|iPad]",
      // bills and payments that are not the school's
      "comment [payer|je paye] " + BILL_FR + " en ligne",
      "[je comprends pas|pouvez-vous m'expliquer] " + BILL_FR + "[, le montant est trop élevé|, il y a un solde impayé|]",
      BILL_FR + " m'a [chargé|facturé] deux fois, [je peux avoir un remboursement|comment me faire rembourser|quoi faire]",
      "ma carte de crédit a été refusée [chez Costco|à l'épicerie|au dépanneur|en ligne sur Amazon]",
      "comment activer ma [nouvelle |]carte de crédit [Desjardins|Visa|Mastercard|]",
      "[ai-je droit à|est-ce que j'ai droit à] des crédits d'impôt pour [les frais de garde|le camp d'été|les fournitures scolaires|les activités sportives]",
      "un reçu [pour les impôts|aux fins d'impôt] pour " + BILL_FR,
      "la prestation canadienne pour enfants [est pas arrivée|a baissé|c'est combien]",
      // schedules that are not a child's school timetable
      "[c'est quoi|où trouver|je cherche] l'horaire [de|des] " + ACTIVITY_FR + "[ cet été| pour la saison| cet hiver|]",
      "l'horaire [des examens|des cours|de la session] [à|de] " + UNI_FR + "[ pour mon plus vieux| pour ma grande|]",
      "[où sont offerts|y a-t-il] des cours du soir [pour adultes|en français pour adultes|d'anglais langue seconde] [à Cornwall|à Ottawa|à Hawkesbury|]",
      "je veux [finir mon secondaire|retourner aux études] comme adulte, [c'est où|comment faire]",
      "à quelle heure [ouvre|ferme] [la bibliothèque|l'hôtel de ville|la pharmacie|le bureau de poste|la clinique]",
      "[l'horaire|les heures] de [la collecte des ordures|du recyclage|la déneigement|l'écocentre] [dans mon quartier|]",
      // « bulletin », « notes », « diplôme » in another sense
      "[le bulletin météo|la météo] [de demain|pour la fin de semaine|annonce-t-elle une tempête]",
      "où lire [le bulletin d'information|l'infolettre|le journal] du conseil [de décembre|du mois|]",
      "[je veux m'abonner|comment s'inscrire] à l'infolettre [du conseil|du CEPEO|mensuelle]",
      "{rel} veut apprendre [ses notes de musique|à lire les notes|le solfège] [pour la flûte|au piano|à la guitare]",
      "[le relevé de notes|les notes] de {rel} à " + UNI_FR + ", à qui s'adresser",
      "le diplôme [universitaire|d'ingénieur|d'infirmière] de mon [mari|conjoint|épouse] vient [du Maroc|d'Haïti|de France|de l'Inde|du Liban], comment le faire reconnaître",
      "[est-ce que le conseil reconnaît|vous reconnaissez] les diplômes étrangers pour [enseigner|travailler comme enseignant]",
      // volunteering places, not the hours on file
      "[où|dans quel organisme] {rel} peut faire ses heures de bénévolat[, genre une banque alimentaire|, il aime les animaux|, elle aime le sport|]",
      "[pouvez-vous me suggérer|connaissez-vous] des organismes [à Orléans|à Cornwall|à Rockland|près de chez nous] pour le bénévolat",
      // letters, compliments, city and phone things
      "[pouvez-vous|peux-tu] m'aider à [écrire|rédiger] une lettre [à l'enseignante|au directeur|à mon propriétaire|pour mon employeur][ au sujet de l'intimidation|]",
      "[traduire|traduisez] cette lettre en anglais [svp|]",
      "[juste dire que|je tiens à souligner que|je voulais dire que] la secrétaire de [l'école|{school}] est [vraiment fine|extraordinaire|d'une aide remarquable][ avec les enfants|]",
      "[bravo|félicitations] à [l'équipe de l'école|la secrétaire|la direction] pour [le spectacle|leur travail|leur accueil]",
      "où signaler [un lampadaire brisé|un nid-de-poule|un trottoir glacé] près de l'école",
      "[un formulaire de|comment faire une] demande de [passeport|carte santé|permis de conduire|logement] pour [mon enfant|moi]",
      "[le guide|les exigences] du gouvernement [sur la vaccination|pour l'immunisation] à l'école",
      "quelle application [installer|télécharger] pour [pratiquer le français|recevoir les alertes de fermeture|suivre l'autobus]",
      "[vous avez|une] application pour apprendre le français à la maison[?|, on parle pas français|]",
      "[je cherche|connaissez-vous] un [pédiatre|dentiste|psychologue|orthophoniste] pour {rel}",
      "{rel} [veut un emploi d'été|cherche une job|veut travailler], [des idées|où chercher]",
    ],
    en: [
      "I forgot my " + ACCOUNT_EN + " password[, how do I get it back|, help|]",
      "my " + ACCOUNT_EN + " account is [locked|hacked|suspended|blocked][, what do I do|, help|]",
      "[I can't|how do I] [log in to|get into|recover] my " + ACCOUNT_EN + " account",
      "how do I [create|open|set up] an account [with|on] " + ACCOUNT_EN,
      "I'd like to open a [bank account|savings account|youth account] for [my teenager|{relEn}]",
      "my " + ACCOUNT_EN + " email [stopped receiving mail|is not working|says my address doesn't exist]",
      "[my daughter|my son|{relEn}] can't [sign in to|log into] [her|his] " +
        STUDENT_TOOL_EN +
        " account[ for online class| to hand in homework|]",
      "who looks after the students' " + STUDENT_TOOL_EN + " accounts",
      "the " + STUDENT_TOOL_EN + " password of {relEn} [expired|doesn't work]",
      "how do I change my [wifi|router|phone|laptop] password",
      "how do I pay " + BILL_EN + " online",
      BILL_EN + " charged me twice, [can I get a refund|what do I do]",
      "I don't understand " + BILL_EN + "[, there's an unpaid balance|, it's too high|]",
      "my credit card was declined at [the grocery store|Costco|the gas station]",
      "how do I activate my new credit card",
      "are [school supplies|daycare fees|summer camps|sports fees] eligible for [tax credits|a tax credit] in Ontario",
      "a receipt for taxes for " + BILL_EN,
      "[where is|what time is|can I get] the [schedule|timetable] [of|for] " + ACTIVITY_EN + "[ this summer| this season|]",
      "where can [she|he|my son|my daughter] see [her|his] [exam timetable|course schedule|class schedule] at " + UNI_EN,
      "[are there|do you offer] evening [ESL classes|courses|French classes] for adults[? I'm new to Canada|]",
      "I want to finish high school as an adult, where do I go",
      "what time does [the library|city hall|the pharmacy|the post office|the clinic] [open|close]",
      "[garbage|recycling|snow removal] schedule [in my area|for my street|]",
      "[the weather bulletin|the weather forecast] for [tomorrow|the weekend]",
      "I would like to subscribe to the board's [monthly |]newsletter[, where can I sign up|]",
      "where can I read the board's [newsletter|news bulletin]",
      "{relEn} is learning [to read music notes|piano notes|the flute], any resources",
      "how does {relEn} get [her|his] transcript from " + UNI_EN,
      "my husband's [degree|diploma] is from a university in [India|Morocco|France|Lebanon], [how do I get it recognized|does the board recognize foreign diplomas]",
      "where can {relEn} volunteer for [his|her] 40 hours[? he likes animals|? she likes sports|]",
      "[can you suggest|do you know] organisations in [Orleans|Cornwall|Ottawa] where students can volunteer",
      "[can you help me|help me] write a letter to [the teacher|my landlord|the principal][ about bullying|]",
      "[just wanted to say|I want to say] the school secretary is [wonderful|amazing|so kind with the kids]",
      "where can I report a [broken streetlight|pothole|icy sidewalk] near the school",
      "how do I get a [passport|health card|driver's licence] for [my child|my minor child|myself]",
      "the government's guide on [immunization|vaccination] requirements for school",
      "[is there|which] app [would you recommend|should I install] for [practising French|school closure alerts|tracking the bus]",
      "I'm looking for a [pediatrician|dentist|speech therapist] for {relEn}",
      "[my teenager|{relEn}] wants a summer job, any ideas",
    ],
  },
  cancel: {
    fr: [
      "je ne souhaite plus poursuivre[, merci|]",
      "[non non|non|bof] oublie ça[, je vais regarder ce soir|, je regarderai plus tard|, c'est pas urgent]",
      "[finalement|en fait] [je préfère arrêter ici|ce n'est plus nécessaire|je n'en ai plus besoin], merci",
      "[laisse faire|pas grave], je vais [appeler l'école|regarder moi-même|voir ça plus tard]",
    ],
    en: [
      "I no longer wish to continue[, thank you|]",
      "[no|nah] forget it[, I'll look tonight|, I'll check later|]",
      "actually [I don't need it anymore|let's stop here], thanks",
    ],
  },
  human: {
    fr: [
      "[j'aimerais|je voudrais] [m'entretenir|parler|avoir une rencontre] avec [l'enseignante|l'enseignant|la titulaire|le prof] de {rel} au sujet de [ses résultats|ses notes|son comportement]",
      "[je veux|j'aimerais] prendre rendez-vous avec [la direction|le directeur|l'orienteur] [au sujet de|pour parler de] {rel}",
    ],
    en: [
      "I'd like to [speak|meet] with {relEn}'s teacher about [her|his] [results|marks|behaviour]",
      "can I book a meeting with the [principal|guidance counsellor] about {relEn}",
    ],
  },
  "account.password_reset": {
    fr: [
      "[je veux|j'aimerais|je dois] changer mon mot de passe parce que je [m'en souviens pu|l'ai oublié|me rappelle plus]",
      "changer mon mot de passe? je [le connais même pas|l'ai perdu|m'en rappelle pas]",
    ],
    en: ["I need to change my password because I [forgot it|can't remember it]", "change my password? I don't even remember it"],
  },
  "account.password_change": {
    fr: [
      "j'ai [réinitialisé|reseté] mon mot de passe [pis ça a marché|tantôt], [là|maintenant] je veux en [mettre un nouveau|choisir un] à moi",
      "le mot de passe temporaire a marché, [maintenant|là] je veux le remplacer par [le mien|un que je vais retenir]",
    ],
    en: [
      "I reset my password and it worked, now I want to pick my own",
      "the temporary password worked, now I want to replace it with one of mine",
    ],
  },
  "children.missing": {
    fr: [
      "[faut-il|faut tu|dois-je] [que je crée|créer] un compte pour chaque enfant? je vois pas [mon gars|ma fille|{child}|mon deuxième]",
    ],
    en: ["do I need a separate account for each child? I can't see [my son|my daughter|{child}]"],
  },
  "records.attendance": {
    fr: ["où [voir|consulter] les [retards|arrivées tardives|absences] de {rel}"],
    en: ["where can I [view|see] [my daughter's|my son's|{child}'s] [late arrivals|lates|tardies]"],
  },
  "records.schedule": {
    fr: ["quels jours {rel} a [éduc|éducation physique|son cours de {course}] [ce semestre|cette étape|]"],
    en: ["which days does {relEn} have [physical education|gym|{courseEn}] this [term|semester]"],
  },
  "records.credits": {
    fr: [
      "[quels|les] cours obligatoires [qui restent|qu'il reste|manquent] à {rel}[?|]",
      "il [lui |]reste combien de cours obligatoires à {child}",
    ],
    en: ["which compulsory courses does {relEn} still need", "what mandatory courses are left for {child}"],
  },
};

export const OUT_OF_SCOPE: Templates = { ...OUT_OF_SCOPE_ONLY };
for (const [intent, t] of Object.entries(OURS_DESPITE_OTHER_WORDS) as [keyof Templates, { fr: string[]; en: string[] }][]) {
  const cur = OUT_OF_SCOPE[intent] ?? { fr: [], en: [] };
  OUT_OF_SCOPE[intent] = { fr: [...cur.fr, ...t.fr], en: [...cur.en, ...t.en] };
}
