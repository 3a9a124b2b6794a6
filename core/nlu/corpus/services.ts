/** Training templates: notifications, payments, and out-of-scope messages (`none`). */
import type { Templates } from "./types";

export const SERVICES: Templates = {
  "notifications.manage": {
    fr: [
      "je reçois trop de courriels du portail", "arrêter les notifications", "me désabonner des notifications",
      "je veux plus recevoir de courriels du portail", "comment s'abonner aux notifications", "activer les notifications par courriel",
      "recevoir un courriel quand {child} est absent", "recevoir une alerte pour les notes", "limiter les courriels",
      "désactiver les alertes", "l'onglet notification", "je reçois pas de notifications", "notifications pour les absences",
      "stop les courriels automatiques", "je veux être avisé quand le bulletin sort", "gérer mes notifications",
      "trop de notifs", "moins de courriels svp", "m'abonner aux avis de l'école", "ne plus recevoir les avis",
      "mon conjoint veut recevoir les notifications aussi", "changer la fréquence des notifications",
    ],
    en: [
      "too many emails from the portal", "stop notifications", "unsubscribe from notifications", "how do I subscribe to notifications",
      "turn on email alerts", "get an email when {child} is absent", "notify me when grades are posted", "turn off alerts",
      "manage notifications", "fewer emails please", "I don't get any notifications", "notification settings",
    ],
  },
  payments: {
    fr: [
      "payer en ligne", "comment payer la sortie", "paiement en ligne", "j'ai été facturé deux fois", "double paiement",
      "un reçu pour le paiement", "remboursement", "je veux me faire rembourser", "payer l'album de finissants",
      "payer le chandail de l'école", "le paiement ne passe pas", "ma carte est refusée", "frais scolaires à payer",
      "combien je dois à l'école", "services en ligne pour payer", "payer les frais de la sortie de {child}", "reçu d'impôt",
      "j'ai payé mais ça dit impayé", "paiement de la photo scolaire", "acheter un article de l'école", "payer par carte de crédit",
      "facture de l'école", "chargé 2 fois pour la sortie", "rembourser le voyage annulé",
    ],
    en: [
      "pay online", "how do I pay for the field trip", "I was charged twice", "double charge", "receipt for my payment",
      "refund", "I want a refund", "pay for the yearbook", "payment not going through", "card declined", "school fees",
      "how much do I owe the school", "pay by credit card", "I paid but it says unpaid",
    ],
  },
  none: {
    fr: [
      "à quelle heure passe l'autobus", "l'autobus est en retard", "est-ce que l'école est fermée à cause de la tempête",
      "fermeture d'école aujourd'hui", "les autobus sont-ils annulés", "c'est quoi le menu du dîner", "menu de la cafétéria",
      "quand est la soirée de parents", "le concert de Noël c'est quand", "il y a-tu de l'école {day}", "journée pédagogique quand",
      "calendrier scolaire", "les dates des vacances", "le service de garde", "tutorat en maths", "aide aux devoirs",
      "je cherche un tuteur pour {child}", "le camp d'été", "le club de robotique", "les photos scolaires c'est quand",
      "objets perdus", "{child} a perdu sa tuque", "il fait beau aujourd'hui", "quelle température demain", "quelle heure est-il",
      "raconte une blague", "t'aimes quoi comme film", "la recette de pâté chinois", "le prix de l'essence",
      "mon wifi marche pas", "mon ordinateur est lent", "comment installer Teams", "les inscriptions au hockey",
      "allo-prof", "la piscine municipale est ouverte?", "le transport scolaire", "la route du bus 12",
      "les élections scolaires", "réunion du conseil d'école", "où acheter les fournitures scolaires", "liste de fournitures",
      "le code vestimentaire", "la remise des diplômes c'est quand", "asdfgh", "test", "bla bla", "ok", "oui", "non",
      "la cantine est ouverte?", "vaccins à l'école", "l'infirmière scolaire", "covid", "les poux dans la classe",
      "vente de garage", "stationnement de l'école", "le gymnase est-il ouvert le soir", "location de salle",
    ],
    en: [
      "what time is the bus", "the bus is late", "is school closed because of the snow", "are buses cancelled today",
      "what's for lunch", "cafeteria menu", "when is the parent teacher night", "school calendar", "PD day",
      "when is the Christmas concert", "I need a tutor for {child}", "homework help", "summer camp", "lost and found",
      "what's the weather tomorrow", "tell me a joke", "my wifi doesn't work", "how to install Teams", "hockey registration",
      "school supplies list", "dress code", "when is graduation", "ok", "yes", "no", "test", "lol", "bus route 12",
      "daycare", "school photos day", "vaccination at school", "lice in the classroom", "parking at the school",
    ],
  },
};
