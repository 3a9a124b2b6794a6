/**
 * Templates that teach the model what the parent ASKS rather than which portal word they use: a thank-you
 * or goodbye that names the report card or the schedule, out-of-scope questions that contain « courriel »,
 * « inscrire » or « retard » (the teacher's address, registering at a school, a late bus), link errors
 * during activation, seeing vs changing what is on file, capability questions, call-back requests, and the
 * Québec/Franco-Ontarian oral French parents type (« chu pas capable », « ça marche pu », « faque »,
 * « pantoute », « foxer », « kossé »). Written fresh, not copied from any evaluation set.
 */
import type { Templates } from "./types";

const THING_FR =
  "[le bulletin|le bulletin de {child}|le bulletin de {rel}|l'horaire|l'horaire de {child}|l'horaire de {rel}|le formulaire|le formulaire de sortie|le reçu|le reçu de paiement|les absences de {child}|le lien|le courriel d'activation|mon nouveau mot de passe|le dossier de {child}|les crédits|la preuve d'inscription|mon identifiant]";
const THING_EN =
  "[the report card|{child}'s report card|the schedule|{child}'s schedule|the timetable|the form|the permission slip|the receipt|the attendance report|the activation email|the link|my new password|{child}'s file|the credits summary|the enrolment letter|my user name]";

/** Something the parent had asked for, now done (a success report: thanks, not a new request). */
const DONE_FR =
  "[mon compte est activé|le lien d'activation a marché|le lien a fonctionné|j'ai pu changer mon mot de passe|j'ai pu me connecter|les absences de {child} sont corrigées|l'absence de {child} est corrigée|l'adresse est corrigée|le numéro de téléphone est changé|le reçu est arrivé|j'ai reçu le code|le bulletin de {child} est là|{child} apparaît dans mon compte|le code a marché]";
const DONE_EN =
  "[my account is active now|the activation link worked|I was able to change my password|I could log in|{child}'s absences are fixed|the absence is corrected|the address is fixed|the receipt came through|I got the code|{child}'s report card is there|{child} shows up in my account now|the code worked]";

export const INTENT_NOT_KEYWORD: Templates = {
  thanks: {
    fr: [
      "[merci|merci ben|ah ben merci|ok merci|parfait merci|super merci|merci beaucoup], [j'ai trouvé|j'ai reçu|je vois|j'ai vu|j'ai enfin] " +
        THING_FR,
      "[j'ai trouvé|j'ai reçu|je vois maintenant|j'ai bien reçu] " +
        THING_FR +
        "[, merci| merci!| merci beaucoup| merci à vous|, merci ben]",
      "je confirme [avoir reçu|que j'ai bien reçu|que j'ai] " + THING_FR + "[, merci| merci à la secrétaire| merci pour votre patience|]",
      "merci à [la secrétaire|la dame du bureau|l'équipe|la direction|vous], [j'ai eu|j'ai reçu|c'est réglé pour] " + THING_FR,
      THING_FR + " [est là|est visible|apparaît|fonctionne|marche] [maintenant|astheure|enfin], merci",
      "[ça a marché|ça marche|c'est correct|c'est beau] pour " + THING_FR + "[, merci| merci ben| merci!]",
      "[merci|mrc] [pour|de] [l'aide|votre aide|la réponse] [avec|pour] " + THING_FR,
      "mon compte est [activé|correct] [maintenant|astheure], merci [beaucoup|ben|]",
      "j'ai pu [changer mon mot de passe|me connecter|payer la sortie|imprimer le formulaire|voir les absences], merci!",
      // A success report that names what it took (« le mot de passe temporaire », « le code »): thanks, not a new request.
      "[bonjour, |allo |]finalement j'ai [réussi à me connecter|pu me connecter|réussi à entrer|réussi] avec [le mot de passe temporaire|le nouveau mot de passe|le code|le lien|mon nouveau mot de passe][. merci!|, merci beaucoup|, merci ben|. merci pour votre aide]",
      "[ça a marché|ça a fonctionné|c'est réglé] avec [le mot de passe temporaire|le code reçu|le lien du courriel|le nouveau mot de passe][, merci!|. merci beaucoup|, merci ben]",
      "[je suis rentrée|je suis entré|je suis dans mon compte|je me suis connectée] avec [le mot de passe temporaire|le code], [merci|merci beaucoup|merci ben]",
      // What the school or the portal fixed, reported with thanks: the thing named is done, nothing is asked.
      "[merci|merci beaucoup|super merci|parfait merci|merci ben], " + DONE_FR,
      DONE_FR + "[, merci!|, merci beaucoup| merci ben|. merci à vous]",
      "merci à [la secrétaire|la dame du secrétariat|l'école|la direction|vous autres], " + DONE_FR,
      "[merci ben|merci|ok merci|parfait merci|ah merci], j'ai [trouvé|vu|eu] [l'horaire|le bulletin|les absences|le dossier|les crédits] de {rel}",
      "[c'est beau|ok|parfait], j'ai [trouvé|vu] [l'horaire|le bulletin|les notes] de {rel}, merci [ben|beaucoup|]",
    ],
    en: [
      "[thanks|thank you|ok thanks|great thanks|perfect thanks|thx|ah thanks], [I found|I got|I can see|I received] " + THING_EN,
      "[found|got|received] " + THING_EN + "[, thanks| thank you| thx|, much appreciated]",
      "just confirming I [received|got] " + THING_EN + "[, thanks| thanks to the office| thank you for your patience|]",
      "thanks to [the secretary|the office staff|the team|you], I [got|received|can see] " + THING_EN,
      THING_EN + " [is there|shows up|works|came through] now, [thanks|thank you|ty]",
      "[that worked|it worked|all good] for " + THING_EN + ", [thanks|thank you]",
      "I was able to [change my password|log in|pay the trip|print the form|see the absences], thank you!",
      "[hi, |]I finally [managed to log in|got in|logged in] with [the temporary password|the new password|the code|the link][, thanks!|. thank you|, thanks a lot]",
      "[it worked|that did it|all sorted] with [the temporary password|the code|the link in the email][, thanks|. thank you!]",
      "[thanks|thank you|thx|great, thanks|perfect, thank you], " + DONE_EN,
      DONE_EN + "[, thanks!|. thank you so much|, thx]",
      "my account is [activated|working] now, [thanks|thank you|appreciate it]",
    ],
  },
  goodbye: {
    fr: [
      "[ok|parfait|bon ben|correct] [j'ai ce qu'il me faut|c'est tout|c'est réglé] pour " +
        THING_FR +
        ", [bye|bonne soirée|à la prochaine|bonne journée]",
      "[bon|ok] [c'est tout|ça fait le tour] pour [aujourd'hui|moi], [bye|bonne soirée|à plus]",
    ],
    en: [
      "[ok|great|alright] [that's all I needed|I'm all set] [about|for] " + THING_EN + ", [bye|have a good evening|see you]",
      "[ok|alright] that's it for [today|me], [bye|take care]",
    ],
  },
  none: {
    fr: [
      "c'est quoi [le courriel|l'adresse courriel|l'email|l'adresse email|le mail] [de l'enseignante|du prof|de la prof de {course}|du prof d'éduc|de la titulaire] de [ma fille|mon fils|{child}|3e année]",
      "[c quoi|c'est quoi|vous avez] l'adresse courriel [de l'enseignante|du professeur|de la bibliothécaire|de l'entraîneur]",
      "[je veux|j'aimerais|comment] inscrire [ma fille|mon fils|mon enfant|{child}|mes enfants] [à l'école|à la nouvelle école|à la maternelle|au secondaire|à {school}|dans une autre école]",
      "inscription [à la maternelle|au jardin|au secondaire|dans une nouvelle école] [pour l'an prochain|pour septembre|], c'est quoi les étapes",
      "on déménage, comment [inscrire|transférer] [mes enfants|{child}] [dans une autre école|à {school}]",
      "[le bus|l'autobus|le chauffeur d'autobus|le bus driver] [est en retard|a du retard|est pas passé|est encore en retard] [ce matin|aujourd'hui|encore|]",
      "[le bus|l'autobus] de {child} [a 20 minutes de retard|passe à quelle heure|est où]",
      "[mon fils|ma fille|{child}] a besoin de quoi pour [la sortie de ski|la journée plein air|le camp|la classe verte][, des bottes?|, un casque?|?|]",
      "qu'est-ce qu'il faut apporter pour [la sortie de ski|le voyage|la journée sportive]",
      "[c'est quoi le dîner|il y a-tu un programme de dîner chaud|le lunch est-tu fourni|menu du midi] [cette semaine|à la cafétéria|]",
      "[la garderie|le service de garde|le club des devoirs] [finit|ouvre|commence] à quelle heure",
      "[l'école est-tu fermée|les écoles sont fermées] [demain|aujourd'hui] [à cause de la neige|à cause de la tempête|]",
      "[c'est quand|quand est] [la rencontre de parents|la photo scolaire|le spectacle|la journée pédagogique]",
    ],
    en: [
      "what is the [email address|email|e-mail] of [my son's|my daughter's|{child}'s] [teacher|math teacher|gym teacher|homeroom teacher]",
      "[can I get|do you have] the [teacher's|principal's|coach's] email address",
      "how do I [register|enrol|sign up] [my daughter|my son|my kid|{child}] [for kindergarten|at the new school|for high school|at {school}]",
      "[we're moving|we moved], how do I register [my kids|{child}] at another school",
      "the [school bus|bus] is [late|running late|late again|not here yet] [this morning|today|]",
      "what [does|should] [my son|my daughter|my kid] [need|bring] for the [ski trip|field trip|outdoor day][, a helmet?|?|]",
      "[is there a hot lunch program|what's for lunch|is lunch provided] [this year|this week|]",
      "[is the school closed|are schools closed] [today|tomorrow] [because of the snow|due to the storm|]",
      "[when is|what time is] [the parent-teacher interview|picture day|the winter concert|after-school daycare]",
    ],
  },
  help: {
    fr: [
      "est-ce que [tu peux|vous pouvez|ce service peut] répondre [pour|aux questions sur] [l'horaire|les absences|les bulletins|les paiements] [pis|et] [les absences|les bulletins|les paiements|l'horaire] [ou pas|?|]",
      "[est-ce que|tu peux-tu] m'aider avec [les bulletins|les absences|les paiements|l'horaire] [pis|et] [les paiements|les bulletins|les absences] ou [non|pas]",
      "[quel genre de|quelles sortes de|quels types de] [demandes|questions] [vous traitez|tu traites|vous répondez] [par courriel|ici|par clavardage|]",
      "avant de vous écrire pour rien, j'aimerais savoir [ce que vous faites|quel genre de demandes vous traitez|sur quoi vous pouvez m'aider]",
      "est-ce que [ce service|le robot|vous] [répond|répondez] aux questions sur [les absences|les bulletins|le portail|les paiements]",
    ],
    en: [
      "can you [answer|help with] questions about [schedules|attendance|report cards|payments] [and|or] [attendance|payments|report cards] [or not|?|]",
      "what [kind of|types of|sort of] [requests|questions] do you [handle|answer|deal with] [by email|here|in this chat|]",
      "before I write for nothing, [what do you handle|what can you help with|what kind of requests do you take]",
      "does this [service|bot|assistant] [answer|handle] questions about [absences|report cards|the portal|payments]",
    ],
  },
  human: {
    fr: [
      "[pouvez-vous|peux-tu|est-ce que quelqu'un peut|qqn peut-tu] me rappeler, c'est [compliqué|trop long|difficile|trop compliqué] à expliquer [par chat|par écrit|ici|par clavardage]",
      "[j'aimerais mieux|je préfère] qu'une [personne|vraie personne] me [téléphone|rappelle], c'est [compliqué|long à expliquer]",
      "can you call me back, c'est [compliqué|difficile] à expliquer [par chat|par écrit]",
    ],
    en: [
      "[can you|could someone|can somebody] call me back, it's [complicated|hard to explain|too long to explain] [over chat|in writing|here]",
      "I'd rather [talk to|have] a person [call me|on the phone], it's [complicated|a long story]",
    ],
  },
  "account.activate": {
    fr: [
      "le [lien|link] [d'activation|de validation|de confirmation|dans le courriel] [me donne|affiche|mène à|ouvre] [une erreur|une page introuvable|erreur 404|un message d'erreur|une page blanche]",
      "quand je clique sur le [lien|link] [d'activation|de validation] [ça dit|j'ai] [page introuvable|erreur|lien invalide|page not found]",
      "j'ai rien reçu [pantoute|du tout|encore] [pour activer mon compte|comme courriel d'activation|], même [pas |]dans [les pourriels|mes indésirables|mes spams|le courrier indésirable]",
      "[chu allée|je suis allé|j'ai regardé] dans [mes pourriels|les indésirables|mes spams] pis [ya rien|y'a rien|rien] pour [l'activation|activer le compte|la validation]",
      "le courriel de validation [est jamais arrivé|arrive pas|a jamais rentré], [faque|pis là] mon compte est pas actif",
    ],
    en: [
      "the [activation|verification|confirmation] link [gives me|shows|goes to|opens] [an error|a page not found error|a 404|an error page|a blank page]",
      "when I click the [activation|verification] link it says [page not found|error|invalid link]",
      "nothing [came|arrived|came through] to activate [the|my] account, not even in [junk|spam|the junk folder]",
    ],
  },
  "account.info_mismatch": {
    fr: [
      "création [de|du] compte[ :|,|] [données invalides|informations invalides|ça dit erreur|erreur de validation]",
      "[ma date de naissance|la date de naissance de {child}|mon nom de famille|mon numéro civique|le nom de l'école|le nom de ma fille] ça dit erreur [quand je crée le compte|à l'inscription au portail|]",
      "[il refuse|ça refuse|le portail accepte pas] [ma date de naissance|mon numéro civique|le nom de {child}|mon nom avec le trait d'union] [quand je crée mon compte|à la création du compte]",
    ],
    en: [
      "account creation says [invalid data|invalid information|the data doesn't match|error]",
      "it keeps rejecting [my birth date|my street number|my child's name|the school name] when I [create the account|sign up]",
      "sign up fails, says [the school|the birth date|the name] doesn't match",
    ],
  },
  "records.details": {
    fr: [
      "[ils ont-tu|ils ont tu|vous avez-tu|avez-vous] [mon cell|mon numéro de cell|mon numéro du travail|mon courriel|ma nouvelle adresse|le bon numéro] [au dossier|dans le dossier|dans le dossier de {child}]",
      "[c'est quoi|c'est quel|quel] [numéro|numéro de téléphone|adresse|courriel] [que l'école a|que vous avez|qui est] [au dossier|pour nous|pour {child}]",
      "[qui sont|c'est qui] les contacts d'urgence [de {child}|au dossier|inscrits pour mon fils]",
      "je veux [voir|vérifier|checker] [quel numéro|quelle adresse|les contacts d'urgence] [est au dossier|sont au dossier|vous avez]",
    ],
    en: [
      "what [phone|phone number|address|email|cell number] do you have [for us|on file|for {child}]",
      "is my [cell|work number|new address|email] on file [for {child}|]",
      "[who are|which are] the emergency contacts [on file|listed for {child}|you have]",
      "which [phone number|address] [is on file|does the school have] [for us|for our family]",
    ],
  },
  "account.email_change": {
    fr: [
      "je veux [mettre|ajouter|changer pour] mon nouveau [numéro de cell|numéro|courriel|adresse] [au dossier|dans le portail]",
      "[on a déménagé|j'ai déménagé], [il faut|je dois|comment] changer l'adresse [au dossier|]",
    ],
    en: ["I need to [update|change] my [phone number|address|cell number] on file", "we moved, how do I change our address"],
  },
  "account.email_not_recognized": {
    fr: [
      "[mon adresse courriel a changé|j'ai changé d'adresse courriel|j'ai un nouveau courriel] [l'an passé|cet été|] [pis|et] [le portail la reconnaît pas|le portail la trouve pas|ça dit qu'elle existe pas]",
      "[le portail|le site] [reconnaît pas|trouve pas] mon [nouveau courriel|adresse courriel] [depuis que je l'ai changé|]",
    ],
    en: [
      "I [changed my email|got a new email address] [last year|recently|] and [the portal doesn't recognize it|it says it doesn't exist]",
      "the portal doesn't recognize my [new email|email address] [since I changed it|anymore]",
    ],
  },
  "children.missing": {
    fr: [
      "depuis que {child} a changé d'école [il|elle] [a disparu de|apparaît plus dans|est pu dans|est plus dans] mon compte",
      "[mon plus jeune|ma fille|mon gars] [a changé d'école|est rendu au secondaire|a déménagé d'école] pis je [le|la] vois pu dans [le portail|mon compte]",
    ],
    en: [
      "since {child} [changed|switched] schools [he's|she's] [gone from|missing from|not showing in] my account",
      "[my son|my daughter] moved to [high school|another school] and disappeared from my account",
    ],
  },
  "records.attendance": {
    fr: [
      "[il|elle|mon gars|ma fille] a [foxé|foxer|skippé] [ses cours|l'école|la période 2|son cours de {course}] [hier|{day}|], [je peux voir ça où|c'est-tu marqué|je peux vérifier]",
      "[je pense|j'ai l'impression] qu'[il|elle] a foxé [l'école|ses cours] [{day}|], [est-ce que c'est marqué|je peux vérifier]",
      "[il|elle] dit qu'[il|elle] était en classe [hier|{day}] mais je pense qu'[il|elle] a foxé",
    ],
    en: ["I think [he|she] skipped [class|school] [{dayEn}|], [can I check|is it marked]"],
  },
  "records.enrolment": {
    fr: [
      "[pouvez-vous|pourriez-vous|est-ce que vous pouvez] confirmer que [ma fille|mon fils|{child}] est [bien |]inscrit[e|] à {school} [cette année|pour l'an prochain|]",
      "est-ce que [ma fille|mon fils|{child}] est [encore|toujours|bien] inscrit[e|] à {school} [cette année|selon le dossier|]",
      "depuis quand {child} est [inscrit|à cette école] selon [le dossier|vos dossiers]",
      "j'ai besoin d'une [preuve|lettre] que [mes enfants sont inscrits|{child} fréquente l'école] [pour les impôts|pour les prestations|]",
    ],
    en: [
      "can you confirm [my daughter|my son|{child}] is [registered|enrolled] at {school} [this year|for next year|]",
      "is [my daughter|my son|{child}] still [registered|enrolled] at {school} [this year|according to the records|]",
      "when did [my daughter|my son|{child}] start at this school according to [the records|your records]",
      "I need a letter proving [my kids attend|{child} is enrolled at] the school",
    ],
  },
  // Québec / Franco-Ontarian oral French on the main requests.
  "account.password_reset": {
    fr: [
      "chu pas capable de [rentrer dans|me connecter au|ouvrir le] portail [faque|pis là] chu [bloquée|bloqué|pognée]",
      "mon [mot de passe|mdp|mo de pass] marche pu [pantoute|]",
      "[kossé|qu'est-ce] que je fais, j'ai oublié mon [mot de passe|mdp]",
      "pis là ça dit que mon mot de passe est pu bon",
    ],
    en: ["my password [doesn't work anymore|stopped working], I'm locked out"],
  },
  "records.report_card": {
    fr: [
      "le [bultin|bulletin] de [mon gars|ma fille|{child}] est pas là [pantoute|]",
      "kossé qui se passe avec le bulletin de {child}, ça [load|charge] pas",
    ],
    en: ["{child}'s report card won't load"],
  },
  "records.schedule": {
    fr: [
      "[où c'est que|où est-ce que] je vois [lorraire|l'horaire] de [mon gars|ma fille|{child}]",
      "faque [lorraire|l'horaire] du [deuxième|prochain] semestre [y'é où|il est où|c'est quand]",
    ],
    en: ["where do I see {child}'s timetable"],
  },
};
