/**
 * Extra training templates for the phenomena a first model got wrong on messages it had never seen:
 * out-of-scope questions phrased like requests to the assistant (« est-ce que vous offrez… », "can you…"),
 * « voir » vs « changer » the address on file, children not linked to the account, alerts about absences
 * vs the absences themselves, « les notes de mon gars », printing forms, a balance owed, skipped classes,
 * Québec/Ontario chat French and English–French mixes. Written fresh (not copied from any evaluation set);
 * merged with the other templates by corpus/index.ts.
 */
import type { Templates } from "./types";

export const PARENTS_STYLE: Templates = {
  greeting: {
    fr: [
      "[allo|salut|bonjour] [tout le monde|la compagnie|l'équipe|]",
      "[bon matin|bonjour bonjour|allô allô]",
      "[hey|yo] [bonjour|salut]",
    ],
    en: ["[hey there|hiya|good day|yo]", "[hi|hello] [folks|team|everyone]", "morning!"],
  },
  thanks: {
    fr: [
      "[merci ben|merci bin|merci en masse|merci gros|un gros merci] [là|!|]",
      "[parfait|super|génial|nickel] merci [pour l'info|du coup de main|]",
      "c'est [réglé|beau|correct] merci",
    ],
    en: [
      "[thx|ty|tysm|thanks a bunch|cheers] [for that|for the help|]",
      "[awesome|perfect|great] thank you [so much|]",
      "that [worked|helped], [thanks|ty]",
    ],
  },
  goodbye: {
    fr: [
      "[bon ben|bon|ok] [bye|à plus|à la prochaine|bonne journée]",
      "[je te laisse|je vous laisse|on se reparle] [bonne soirée|bye|]",
      "[ciao|salut|bye bye] [là|!|]",
    ],
    en: ["[ok|alright] [bye|see you|later|gotta go]", "[have a good one|take care|cya]", "[good night|night] [all|]"],
  },
  help: {
    fr: [
      "[qu'est-ce que|kessé que|c quoi que] tu peux faire [pour moi|au juste|]",
      "[c quoi|c'est quoi] [tes options|tes choix|ton menu]",
      "comment [ça marche|ça fonctionne] [ton affaire|ce clavardage|le robot|]",
      "[aide|à l'aide|help] [svp|stp|]",
      "tu sers à quoi [exactement|au juste|]",
      "[je sais pas|jsp] quoi te demander",
    ],
    en: [
      "what [can you do|are my options|can I ask you]",
      "how does [this|the] [chat thing|bot thing|assistant] work [exactly|]",
      "[help|menu|options] [please|pls|]",
      "what [kind of things|stuff] [can you help with|do you handle]",
      "[I'm|im] not sure what to ask you",
    ],
  },
  cancel: {
    fr: [
      "[laisse faire|oublie ça|annule ça|non finalement] [c'est correct|pas grave|]",
      "[je veux pu|je veux plus|j'veux pu] continuer",
      "[stop|arrête|arrête ça] [la demande|]",
      "[cancelle|annule] [toute|ma demande] [là|]",
    ],
    en: ["[never mind|nvm|forget it|cancel that]", "[stop|quit|abort] [this|the request|]", "I don't want to [continue|go on] [anymore|]"],
  },
  human: {
    fr: [
      "[je veux|j'aimerais|jveux] parler à [une vraie personne|quelqu'un de l'école|la secrétaire|la direction|le prof de {child}]",
      "[appelez-moi|pouvez-vous m'appeler|rappelez-moi] [au {phone}|svp|aujourd'hui|]",
      "[t'es|tu es|ce robot est] [inutile|pas bon|nul], [je veux un humain|passe-moi quelqu'un]",
      "[comment|où] [rejoindre|joindre|contacter] [le secrétariat|la direction|l'enseignante de {child}|le centre d'aide]",
    ],
    en: [
      "[I want|I need|can I] [to talk to|to speak with|get] [a real human being|somebody at the school|the front office|the principal|{child}'s teacher]",
      "[call me|can someone call me|please call me back] [at {phone}|today|]",
      "this bot is [useless|not helping] [I want a staff member|put me through to staff]",
      "how do I [reach|contact] [the office|the principal|the teacher]",
    ],
  },
  "account.create": {
    fr: [
      "[comment|où] [je fais pour|on fait pour] [m'inscrire|créer un compte|ouvrir un compte] [sur le portail|au portail parent|]",
      "[chu|je suis] [un nouveau parent|nouveau au conseil] [pis|et] j'ai pas de compte",
      "[mon chum|ma blonde|mon ex|mon conjoint] veut [son propre compte|son accès au portail]",
    ],
    en: [
      "how do I [sign up|register|create an account] [for the parent portal|on the portal|]",
      "[we're|I'm] new to the board, [need|want] a parent account",
      "can [my husband|my wife|my ex|the other parent] [get|have] [their own|a separate] [account|login]",
    ],
  },
  "account.activate": {
    fr: [
      "[j'ai jamais reçu|pas reçu|toujours pas reçu] le courriel [d'activation|de validation|de confirmation] [même dans mes spams|]",
      "le lien [d'activation|de validation] [est expiré|marche pu|fonctionne pas]",
      "mon compte est [pas encore actif|toujours inactif|pas activé]",
    ],
    en: [
      "[never got|didn't receive|still no] [the activation email|the verification email|the confirmation link]",
      "the activation link [expired|is expired|doesn't work]",
      "my account [is still inactive|isn't activated yet|shows pending]",
    ],
  },
  "account.login_id": {
    fr: [
      "c'est quoi [mon nom d'usager|mon identifiant|mon login] [pour le portail|]",
      "je me connecte avec quel [courriel|email|identifiant]",
      "[mon identifiant|mon login] c'est [mon courriel|quoi]",
    ],
    en: ["what is my [username|user name|login id]", "which email do I [log in|sign in] with", "what do I put as [username|login]"],
  },
  "account.password_reset": {
    fr: [
      "[j'ai oublié|jme rappelle pu|je me souviens plus de] mon [mot de passe|mdp]",
      "[compte bloqué|je suis bloqué|chu barré] [après trop d'essais|]",
      "le mot de passe temporaire [marche pas|fonctionne pas]",
    ],
    en: [
      "[forgot|can't remember|lost] my [password|pw]",
      "[locked out|I got locked out] [of the portal|after too many tries]",
      "the temporary password [doesn't work|isn't working]",
    ],
  },
  "account.password_change": {
    fr: [
      "[je veux|comment] [changer|modifier] mon [mot de passe|mdp] [je le connais|pour un plus sécuritaire|]",
      "mettre un nouveau mot de passe [sur mon compte|]",
    ],
    en: ["[how do I|I want to] [change|update] my password [I know the current one|]", "set a new password [for my account|]"],
  },
  "account.email_change": {
    fr: [
      "[on a déménagé|on déménage|j'ai déménagé] [faut|il faut|je dois] [changer|mettre à jour|modifier] [l'adresse|notre adresse|mon adresse]",
      "[changer|modifier|corriger] [mon numéro de cell|mon numéro de téléphone|mon adresse postale|mon adresse courriel] [au dossier|dans le portail|]",
      "[ma nouvelle adresse|mon nouveau numéro] [c'est|est] [le 12 rue Principale|{phone}], [comment le mettre à jour|pouvez-vous le changer|]",
      "[je veux|comment] [changer|updater] [l'adresse|le téléphone|le courriel] [dans le dossier de {child}|de la famille]",
    ],
    en: [
      "we [moved|are moving], [need to|how do I] [change|update] [the address|our address]",
      "[change|update|fix] my [cell number|phone number|home address|email] [on file|in the portal|]",
      "[my new address is|our new number is] [12 Main St|{phone}], [please update it|how do I change it|]",
    ],
  },
  "account.email_not_recognized": {
    fr: [
      "[ça dit|le portail dit|il est écrit] que mon courriel [existe pas|est pas dans vos contacts|est inconnu]",
      "mon [courriel|email] est [pas reconnu|refusé] [quand je crée le compte|à la validation|]",
    ],
    en: [
      "it says my email [doesn't exist in your contacts|isn't found|is not recognized]",
      "the portal [won't take|keeps rejecting] my email [when I sign up|]",
    ],
  },
  "account.info_mismatch": {
    fr: [
      "[l'école de {child}|notre école|l'école] [apparaît pas|est pas] dans la liste [quand je crée mon compte|à l'inscription|du formulaire de compte]",
      "[le numéro civique|mon adresse|la date de naissance|le nom de {child}] [est refusé|marche pas|dit pas bon|est invalide] [quand je crée le compte|à la création du compte|à l'inscription]",
      "[j'ai mis|j'entre] [notre numéro civique|la date de fête de {child}|le nom de famille] [mais|pis] [ça dit que c'est pas bon|ça passe pas|il le refuse]",
      "la création du compte [bloque|refuse] [sur l'école|sur la date de naissance|sur le numéro civique|sur le nom]",
    ],
    en: [
      "[my kid's school|our school|the school] [isn't in the list|doesn't show up] when I [create|set up] my account",
      "[the civic number|our street number|the birth date|my child's name] [is rejected|doesn't match|isn't accepted] [when I sign up|at account creation]",
      "I [typed|entered] [our house number|{child}'s birthday|the last name] but it says [it's wrong|no match]",
    ],
  },
  "children.missing": {
    fr: [
      "[{child}|mon fils|ma fille|mon plus jeune] [apparaît nulle part|est pas lié à mon compte|est pas liée à mon compte|s'affiche pas] [dans le portail|dans mon compte|]",
      "[je suis connecté|je suis connectée|jsuis connecté] mais [je vois pas|il manque] [{child}|mon deuxième enfant|ma plus vieille]",
      "[son frère|sa soeur|mon autre enfant] [apparaît|est là] mais pas [lui|elle|{child}]",
      "[comment|où] [lier|associer|rattacher] [{child}|mon autre enfant] à mon compte",
      "[le dossier de {child}|mon enfant] [est introuvable|est absent] [de mon compte|du portail]",
      "pourquoi [{child}|mon enfant] est pas [relié|lié|associé] à mon compte [parent|]",
    ],
    en: [
      "[{child}|my son|my daughter|my youngest] [isn't linked to my account|doesn't appear anywhere|is nowhere in the portal]",
      "I'm logged in but [I can't see|there's no] [{child}|my second kid|my other child]",
      "[his sister|her brother|my other kid] shows up but not [him|her|{child}]",
      "how do I [link|connect|attach] [{child}|my other child] to my account",
    ],
  },
  "records.schedule": {
    fr: [
      "c'est quoi [la cédule|l'horraire|l'horaire|le schedule] de [{rel}|mon gars] [{day}|cette semaine|]",
      "[quelle heure|à quelle heure] [finit|commence|sort] [l'école|{child}] [{day}|le vendredi|]",
      "[{child}|mon gars|ma fille] a [quel cours|quelle période|quel local] [{day}|en après-midi|à la 3e période]",
    ],
    en: [
      "what's [{relEn}'s|the] [schedule|timetable] [{dayEn}|this week|]",
      "what time does school [end|start|let out] [{dayEn}|on Fridays|]",
      "which [room|period] is [{relEn}'s|her|his] {courseEn} class",
    ],
  },
  "records.attendance": {
    fr: [
      "[est-ce que|esque|ya tu moyen de voir si] [{rel}|mon gars] a [skippé|foxé|manqué|séché] [des cours|l'école|la 3e période] [{day}|cette semaine|]",
      "[{child}|mon gars|ma fille] [était tu|était-il|était-elle] [à l'école|présent|présente|en classe] [{day}|ce matin]",
      "[combien|le nombre] d'[absences|absense|retards] de [{rel}|mon gars] [ce mois-ci|cette étape|depuis septembre|]",
      "[l'absence|le retard] de [{child}|mon fils] [{day}|] est [tu motivé|motivée|justifiée]",
    ],
    en: [
      "did [{relEn}|he|she] [skip|miss|cut] [class|classes|school|period 2] [{dayEn}|this week|]",
      "was [{relEn}|he|she] [at school|in class|marked present|marked late] [{dayEn}|this morning]",
      "how many [absences|lates] does [{relEn}|he|she] have [this term|so far|]",
      "is [his|her] absence [{dayEn}|] excused",
    ],
  },
  "records.report_card": {
    fr: [
      "c [quoi|koi] les notes de [mon gars|ma fille|{child}|mon ado] [ce semestre|cette étape|en {course}|]",
      "[je veux voir|où voir|comment voir] [les notes|les résultats|le bulletin] de [{rel}|mon gars] [de la 1re étape|de fin d'année|]",
      "[{child}|mon gars] a eu [combien|quoi] en {course} [sur son bulletin|à l'étape|]",
      "le [bulltin|buletin|bulletin] de [{rel}|mon gars] [est pas là|s'ouvre pas|est vide|est illisible]",
    ],
    en: [
      "what are [{relEn}'s|his|her] [marks|grades] [this term|this semester|in {courseEn}|]",
      "[where|how] do I see [{relEn}'s|the] [report card|marks|grades]",
      "[his|her|{child}'s] report card [is missing|won't open|is blank]",
    ],
  },
  "records.credits": {
    fr: [
      "[combien de crédits|les crédits] [il|elle|{child}] [a|lui manque|doit avoir] [pour son diplôme|pour le DESO|]",
      "[ses heures de bénévolat|ses 40 heures|le test de littératie] [sont complétées|est fait|c'est où]",
    ],
    en: [
      "how many credits [does {relEn} have|is he missing|does she need] [to graduate|for the OSSD|]",
      "[has she|has he|did {child}] [done her volunteer hours|finished his community hours|passed the literacy test]",
    ],
  },
  "records.enrolment": {
    fr: [
      "[une preuve|une attestation|une lettre] [d'inscription|de fréquentation] pour [{rel}|mon gars] [pour l'impôt|pour la garderie|]",
      "[l'historique|la liste] des écoles [fréquentées|de {child}]",
      "[{child}|mon gars] [a changé d'école|change d'école] [en janvier|], [ça paraît où|où le voir]",
    ],
    en: [
      "[proof|a letter] of enrolment for [{relEn}|my kid] [for taxes|]",
      "[enrolment history|which schools] [{child} attended|for my son]",
      "where do I see that [he|she] changed schools",
    ],
  },
  "records.documents": {
    fr: [
      "[comment|où] [imprimer|printer|télécharger] [les formulaires|le formulaire de sortie|la fiche santé|le formulaire de consentement] [du portail|de {child}|]",
      "[où est|je trouve pas] [le formulaire|le papier|la feuille d'autorisation] [à signer|pour la sortie|pour les photos]",
      "[j'arrive pas à|je peux pas] [imprimer|ouvrir] [les formulaires|le document] [dans le portail|]",
    ],
    en: [
      "how do I [print|download] the [forms|permission slip|consent form|medical form] [from the portal|for the trip|]",
      "where [is|are] the [form|forms|slip] I [need to sign|have to print]",
      "[can't|I can't] [print|open] the [forms|documents] [on the portal|]",
    ],
  },
  "records.details": {
    fr: [
      "[je veux voir|où voir|je veux vérifier|comment voir] [l'adresse|mon adresse|les numéros de téléphone|les contacts d'urgence] [qui est|qu'il y a|] au dossier [de {child}|à l'école|]",
      "[l'école a tu|est-ce que l'école a] [la bonne adresse|mon bon numéro|le bon courriel] [pour moi|au dossier|]",
      "[qui est|qui sont] [inscrit comme|les] contacts d'urgence de [{child}|mon gars]",
      "[voir|consulter] [les infos|les renseignements|la fiche] de [{rel}|mon enfant] [au dossier|dans le portail]",
    ],
    en: [
      "[I want to see|where can I see|can I check] [the address|my address|the phone numbers|the emergency contacts] [on file|the school has|]",
      "does the school have [the right|my current] [address|phone number] [on file|]",
      "who [is|are] listed as [{relEn}'s|the] emergency contacts",
    ],
  },
  "notifications.manage": {
    fr: [
      "[je veux|j'aimerais|jveux] [recevoir un courriel|être avisé|être averti|avoir une alerte] [à chaque fois que|chaque fois que|quand] [{rel}|mon gars|il|elle] [est absent|est absente|est en retard|manque l'école]",
      "[m'envoyer|envoyez-moi] [un courriel|une alerte|un avis] [à chaque absence|quand le bulletin sort|quand il y a un retard]",
      "[arrêter|désactiver|limiter] les [courriels|avis|notifs] [du portail|automatiques|]",
    ],
    en: [
      "[email me|send me an email|notify me|alert me] [every time|whenever|when] [{relEn}|she|he] [is absent|is marked absent|is late|misses school]",
      "[I want|I'd like] to get [an email|an alert|a notification] [every time|whenever] [{relEn}|she|he] is [absent|late|marked absent]",
      "[stop|turn off|limit] the [emails|alerts|notifications] [from the portal|]",
      "[ping|message] me [as soon as|once] [report cards are|new marks are] [online|up]",
    ],
  },
  payments: {
    fr: [
      "[pourquoi|pk|pk ya] [un solde|une balance|un montant] de [35|20|12,50] $ [dans mon compte|à payer|impayé]",
      "[j'ai|il me reste] un solde [à payer|impayé] [pour {child}|à l'école|]",
      "[combien|qu'est-ce que] [je dois|il reste à payer] [pour la sortie|pour le chandail|à l'école]",
      "[j'ai été chargé|on m'a chargé|j'ai payé] [deux fois|2 fois|en double] [pour la sortie|pour l'agenda|]",
    ],
    en: [
      "why [is there|do I have] a [balance|$35 balance|charge] [on my account|owing]",
      "how much do I still owe [for the trip|for the yearbook|the school]",
      "I [was charged|paid] [twice|double] for [the trip|the agenda|]",
    ],
  },
  none: {
    fr: [
      "[est-ce que|esque|ya tu] [l'école offre|vous offrez|il y a] [un service de garde|du service de garde avant et après l'école|une garderie|un programme parascolaire]",
      "[{child}|mon gars|ma fille] se fait [intimider|écœurer|taxer|niaiser] [à l'école|dans l'autobus|à la récré]",
      "[jveux|je veux|on peut tu] commander [une pizza|du poulet|des sushis|un lunch]",
      "[c'est|c] quand [la journée photo|la photo scolaire|la reprise des photos|la journée pédagogique|le congé de mars]",
      "[quel temps|la météo|il va tu neiger] [demain|aujourd'hui|cette semaine]",
      "[je veux|comment] inscrire [{rel}|mon gars] à [l'école|la maternelle|{school}] [il arrive du Québec|on vient d'arriver au Canada|pour l'an prochain|]",
      "[le menu|le programme] [du dîner|des lunchs|de la cafétéria] [cette semaine|{day}|]",
      "[vous vendez|où acheter] [des billets|le chandail de l'équipe|les uniformes]",
      "[l'école|la classe de {child}] [fait tu|organise] [une sortie|un spectacle|une levée de fonds] [bientôt|cette année|]",
      "[mon gars|{child}] a [des poux|la grippe|une allergie aux noix], [quoi faire|je fais quoi|]",
      "[c'est quoi|quel est] [le numéro de la police|le prix du gaz|la capitale du Canada]",
    ],
    en: [
      "do you [offer|have] [before and after school care|daycare|an after-school program]",
      "[my son|my daughter|{child}] is being bullied [at school|on the bus|at recess]",
      "[I want to|can I|can you] order [a pizza|pizza|food|sushi]",
      "when is [picture day|photo day|the next PD day|march break]",
      "[what's the weather|is it going to snow|will it rain] [tomorrow|today|this week]",
      "how do I register [my son|my daughter|my kid] for [school|kindergarten|next year] [we just moved here|]",
      "[is there|do you have] [a lunch program|hot lunch|a breakfast club]",
      "[do you|can you] [offer|help with|do] [tutoring|homework help|swimming lessons]",
    ],
  },
};
