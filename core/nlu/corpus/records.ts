/** Training templates: schedule, attendance, report cards, credits, enrolment, documents, details. */
import type { Templates } from "./types";

export const RECORDS: Templates = {
  "records.schedule": {
    fr: [
      "où est l'horaire de {rel}", "l'horaire de {rel} [pour|] {day}", "c'est quoi l'horaire de {rel} {day}",
      "{rel} a quoi comme cours {day}", "quel cours a {child} en [première|deuxième|troisième|quatrième] période",
      "à quelle heure finit l'école {day}", "à quelle heure commencent les cours", "dans quel local est le cours de {course}",
      "le schedule de {rel}", "je veux checker l'horaire de {rel}", "emploi du temps de {rel}", "l'emploi du temps du 2e semestre",
      "{child} a-t-il {course} {day}", "c'est quand le cours de {course} de {child}", "quelles journées {child} a {course}",
      "l'horaire du prochain semestre est-il publié", "horaire de la nouvelle année scolaire", "ou est l horaire de ma fille",
      "je trouve pas l'horaire", "les périodes de {rel}", "c'est quoi sa 3e période", "quel prof pour {course}",
      "horaire {child}", "horaire svp", "montre-moi l'horaire de {rel}", "{child} commence à quelle heure {day}",
      "l'heure de fin des cours {day}", "cours de {rel} {day}", "il a quoi {day} mon gars", "quel local pour {course}",
      "grille horaire de {rel}", "l'horaire au deuxième semestre", "les cours de {child} ce semestre",
      "est-ce que {child} a un cours en après-midi {day}", "horaire de {child} à {school}",
    ],
    en: [
      "what's {relEn}'s schedule {dayEn}", "where is the timetable", "show me {relEn}'s schedule", "what class does {child} have {dayEn}",
      "what time does school end {dayEn}", "what time do classes start", "which room is {courseEn} in", "next semester's schedule",
      "what period is {courseEn}", "when is {child}'s {courseEn} class", "which days does {child} have {courseEn}",
      "timetable for {relEn}", "class schedule", "is the new schedule posted", "schedule please", "what does {child} have first period",
      "who teaches {courseEn}", "{child}'s classes this semester", "second semester timetable",
    ],
  },
  "records.attendance": {
    fr: [
      "est-ce que {rel} était absent {day}", "les absences de {rel}", "combien d'absences a {child}", "{child} a-t-il été en retard {day}",
      "les retards de {rel} ce mois-ci", "l'assiduité de {rel}", "voir l'assiduité", "est-ce que l'absence de {day} est motivée",
      "l'absence de {child} {day} est-elle justifiée", "mon fils a séché des cours?", "{child} a manqué combien de cours",
      "est-ce que {child} est allé à l'école {day}", "il était-tu à l'école {day}", "absences non motivées de {rel}",
      "pourquoi {child} est marqué absent {day}", "{child} est marqué absent mais il était là", "historique des absences",
      "relevé des absences de {rel} depuis septembre", "checker les absences de {rel}", "les retards et absences de {child}",
      "est-ce que ma fille était en retard ce matin", "{rel} était absent en {course}?", "combien de jours d'absence cette année",
      "nombre de retards de {child}", "assiduité {child}", "absences svp", "est-ce que l'école a noté son absence de {day}",
      "j'ai appelé pour l'absence de {day}, est-ce motivé maintenant", "il a-tu manqué des périodes", "présence de {child} en classe",
    ],
    en: [
      "was {relEn} absent {dayEn}", "{child}'s absences", "how many absences does {child} have", "was {child} late {dayEn}",
      "attendance for {relEn}", "is the absence on {dayEn} excused", "did {child} skip class", "how many lates this month",
      "{child} is marked absent but was there", "unexcused absences", "attendance record since September", "did {child} go to school {dayEn}",
      "how many days has {child} missed", "check attendance", "did my son miss {courseEn}",
    ],
  },
  "records.report_card": {
    fr: [
      "le bulletin de {rel}", "où est le bulletin", "je trouve pas le bulletin de {rel}", "le bulletin de {child} n'est pas là",
      "je veux voir le bulletin", "télécharger le bulletin de {rel}", "le bulletin est-il sorti", "quand sort le bulletin",
      "le bulletin du premier trimestre", "bulletin de mi-année", "le bulletin de progrès de {child}", "les notes de {rel} au bulletin",
      "quelle note {child} a eu en {course} au bulletin", "le pdf du bulletin s'ouvre pas", "bulletin illisible",
      "le bulletin est vide", "bulletain de {rel}", "mon buletin", "le bulletin de l'an passé", "imprimer le bulletin",
      "{child} a eu combien en {course} dans son bulletin", "bulletin final de juin", "je vois pas le bulletin de juin",
      "le fichier du bulletin a un nom bizarre avec le NISO", "le bulletin de {child} est pour un autre élève",
      "les résultats scolaires de {rel}", "ses notes du semestre", "le relevé de notes de fin d'année", "bulletin scolaire",
      "bulletin {child}", "je veux les notes de {child}", "je n'arrive pas à [trouver|voir|ouvrir] le bulletin [de {rel}|]",
      "j'ai cherché partout dans le portail mais pas de bulletin", "impossible de trouver le bulletin dans l'onglet documents",
    ],
    en: [
      "{relEn}'s report card", "where is the report card", "I can't find the report card", "download the report card",
      "is the report card out", "when are report cards released", "first term report card", "progress report for {child}",
      "what mark did {child} get in {courseEn}", "the report card pdf won't open", "report card is blank", "last year's report card",
      "{child}'s grades", "print the report card", "I can't find the report card anywhere in the portal", "June report card missing", "{child}'s marks this term", "report card",
    ],
  },
  "records.credits": {
    fr: [
      "combien de crédits a {child}", "les crédits de {rel}", "est-ce que {child} a assez de crédits pour son diplôme",
      "il lui manque combien de crédits", "crédits obligatoires manquants", "progression vers le diplôme", "le DESO de {child}",
      "où voir les conditions d'obtention du diplôme", "les heures de bénévolat de {rel}", "combien d'heures de service communautaire",
      "les 40 heures de bénévolat sont-elles enregistrées", "le test de littératie", "est-ce que {child} a réussi le TPCL",
      "exigence de compétences linguistiques", "{child} va-t-il graduer", "est-ce que {child} peut graduer en juin",
      "crédits accumulés", "les 30 crédits", "les 18 crédits obligatoires", "combien de crédits il reste",
      "le relevé des crédits complétés", "diplôme d'études secondaires de l'Ontario", "son cours de {course} compte pour un crédit?",
      "heures communautaires de {child}", "je n'arrive pas à trouver les crédits de {rel} dans le portail", "relevé de notes du secondaire, onglet diplôme", "il a combien de crédits en 11e",
    ],
    en: [
      "how many credits does {child} have", "credits toward the diploma", "is {child} on track to graduate", "OSSD progress",
      "how many credits are missing", "compulsory credits", "community service hours", "are the 40 volunteer hours recorded",
      "literacy test result", "did {child} pass the OSSLT", "can {child} graduate in June", "credits earned so far",
      "graduation requirements", "does {courseEn} count as a credit", "volunteer hours for {relEn}",
    ],
  },
  "records.enrolment": {
    fr: [
      "l'historique d'inscription de {rel}", "l'adhésion de {child}", "l'onglet adhésion", "preuve d'inscription pour {rel}",
      "j'ai besoin d'une attestation de fréquentation scolaire", "lettre confirmant que {child} est inscrit",
      "depuis quand {child} est inscrit au CEPEO", "{child} a changé d'école, ça apparaît où", "historique des écoles de {rel}",
      "changement d'école pour {child}", "transférer {child} à {school}", "il faut une preuve d'inscription pour l'allocation",
      "attestation d'inscription pour les impôts", "date d'inscription de {child}", "{child} est-il toujours inscrit",
      "inscrire {child} à {school} l'an prochain", "réinscription de {rel}", "les écoles fréquentées par {child}",
      "confirmation d'inscription", "preuve que mon enfant fréquente l'école", "inscription de {child} en 9e",
    ],
    en: [
      "enrolment history", "proof of enrolment for {child}", "letter confirming {child} is enrolled", "when did {child} enrol",
      "{child} changed schools, where does it show", "transfer {child} to {school}", "enrollment confirmation", "is {child} still enrolled",
      "proof of attendance letter for benefits", "register {child} for next year", "schools {child} attended",
    ],
  },
  "records.documents": {
    fr: [
      "où trouver le formulaire de sortie", "le formulaire de consentement", "imprimer le formulaire d'autorisation",
      "télécharger les formulaires", "la feuille de permission pour la sortie de {child}", "formulaire de médicament",
      "les documents à signer", "l'onglet documents", "je dois remplir un formulaire pour la sortie éducative",
      "où sont les formulaires parents", "formulaire de consentement photo", "le formulaire pour la sortie scolaire est où",
      "imprimer un document de l'école", "documents de {child}", "formulaire de renseignements médicaux",
      "le formulaire d'autorisation de sortie à pied", "fiche santé à remplir", "formulaire de transport à télécharger",
      "le document que la prof a demandé de signer", "formulaire d'inscription au voyage", "les formulaires de début d'année",
    ],
    en: [
      "where is the permission slip", "consent form", "print the field trip form", "download forms", "documents to sign",
      "the documents tab", "medication form", "photo consent form", "where are the parent forms", "field trip permission for {child}",
      "the form the teacher asked me to sign", "medical information form", "start of year forms",
    ],
  },
  "records.details": {
    fr: [
      "quelle adresse l'école a dans le dossier", "vérifier les contacts d'urgence", "qui sont les contacts d'urgence de {child}",
      "les informations au dossier de {rel}", "voir les détails de {rel}", "l'onglet détails", "les données démographiques",
      "la photo de {child} dans le portail", "quel numéro de téléphone est au dossier", "est-ce que mon numéro est bien au dossier",
      "l'école a-t-elle la bonne adresse", "vérifier les renseignements de {child}", "les infos personnelles de {rel}",
      "le dossier de {child}", "qui est autorisé à venir chercher {child}", "les allergies sont-elles au dossier",
      "la date de naissance de {child} au dossier", "le NISO de {child}", "c'est quoi le numéro d'immatriculation de {child}",
      "voir la fiche de {child}", "les contacts en cas d'urgence", "quel courriel l'école a au dossier de {child}",
    ],
    en: [
      "what address does the school have on file", "check emergency contacts", "who are {child}'s emergency contacts",
      "the details tab", "{child}'s information on file", "demographics", "{child}'s photo in the portal", "what phone number is on file",
      "is my number on file correct", "does the school have the right address", "{child}'s OEN", "who can pick up {child}",
      "are allergies in the file", "view {child}'s profile",
    ],
  },
};
