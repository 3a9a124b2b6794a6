/** Training templates: email/address change, unrecognised email, creation mismatches, missing children. */
import type { Templates } from "./types";

export const ACCOUNT_RECORDS: Templates = {
  "account.email_change": {
    fr: [
      "je veux changer mon adresse courriel", "changer mon courriel dans le portail", "j'ai une nouvelle adresse courriel",
      "modifier mon adresse courriel", "mon courriel a changé", "je veux mettre à jour mon courriel",
      "on a déménagé, comment changer l'adresse", "changer mon adresse de domicile", "nouvelle adresse postale",
      "je veux changer mon numéro de téléphone", "mon numéro de cell a changé", "mettre à jour mon adresse et mon téléphone",
      "j'utilise plus mon ancien courriel hotmail, je veux le changer", "remplacer mon courriel par mon nouveau gmail",
      "comment modifier l'adresse de la maison dans le dossier", "on déménage le mois prochain, il faut changer l'adresse",
      "je veux recevoir sur une autre adresse courriel", "changer mon email", "update mon courriel svp",
      "changer le courriel de mon compte", "mon adresse de courriel n'est plus bonne, je veux la changer",
      "nouveau numéro de téléphone à mettre au dossier", "changement d'adresse", "changement de courriel",
      "je veux changer le courriel de connexion", "comment changer mon adresse physique",
      "je veux mettre mon courriel de travail à la place", "j'ai changé de fournisseur internet, nouveau courriel",
    ],
    en: [
      "I want to change my email address", "update my email", "I have a new email", "change the email on my account",
      "we moved, how do I change our address", "change my home address", "new phone number", "update my phone number",
      "my email changed", "I don't use my old hotmail anymore, need to change it", "change of address",
      "how do I update the address on file", "replace my email with my new gmail", "I want to log in with a different email",
    ],
  },
  "account.email_not_recognized": {
    fr: [
      "l'adresse courriel entrée n'existe pas dans nos contacts", "ça dit que mon courriel n'existe pas dans vos contacts",
      "le système ne reconnaît pas mon adresse courriel", "mon courriel n'est pas reconnu", "courriel non reconnu",
      "le portail refuse mon courriel quand je crée mon compte", "mon adresse courriel est pas acceptée",
      "il me dit que l'adresse n'existe pas", "ça marche pas quand je valide le courriel", "valider le courriel donne une erreur",
      "message d'erreur : adresse courriel inexistante", "mon courriel est rejeté", "le système ne trouve pas mon courriel",
      "pourquoi mon adresse courriel n'est pas dans vos contacts", "n'existe pas dans nos contacts, c'est quoi ça",
      "j'entre mon courriel et ça dit introuvable", "mon email est pas reconnu par le portail",
      "l'école a mon courriel mais le portail le reconnaît pas", "erreur courriel inexistant à la création du compte",
      "le système dit courriel invalide alors que c'est le bon",
    ],
    en: [
      "it says the email address entered does not exist in our contacts", "my email is not recognized", "email not recognised",
      "the system doesn't recognize my email address", "the portal rejects my email when I sign up", "email address not found",
      "error: email doesn't exist in contacts", "why is my email not in your contacts", "validate email gives an error",
      "my email isn't accepted", "the school has my email but the portal says it doesn't exist",
    ],
  },
  "account.info_mismatch": {
    fr: [
      "les informations que j'entre ne concordent pas avec le dossier", "ça dit que mes informations ne correspondent pas",
      "la date de naissance est refusée", "le numéro civique est pas accepté", "le système refuse mon nom de famille",
      "mes infos concordent pas", "l'école de mon enfant n'est pas acceptée à la création du compte",
      "j'ai mis la date de naissance de mon plus jeune et ça marche pas", "erreur à la création : informations non concordantes",
      "j'ai déménagé, le numéro civique ne correspond pas", "le nom est mal écrit dans le dossier, ça bloque l'inscription",
      "ça dit que les informations ne correspondent pas à celles de l'école", "impossible de confirmer, les infos sont refusées",
      "quel numéro civique mettre, l'ancien ou le nouveau", "le formulaire de création refuse mes informations",
      "j'entre tout correctement mais ça dit que ça concorde pas", "la date de naissance de {child} ne passe pas",
      "mon nom de famille a un trait d'union et le portail le refuse", "le système dit que l'enfant le plus jeune ne correspond pas",
      "les données ne correspondent pas au dossier de mon enfant",
    ],
    en: [
      "the information I enter doesn't match the records", "it says my info doesn't match", "birth date rejected when creating my account",
      "civic number not accepted", "the system rejects my last name", "the school I pick doesn't match",
      "sign up says the details don't match the school's records", "my youngest child's birthdate doesn't work",
      "info mismatch error on account creation", "which house number do I use, old or new address", "my name is spelled differently in the file",
    ],
  },
  "children.missing": {
    fr: [
      "je ne vois pas tous mes enfants", "un de mes enfants n'apparaît pas", "je vois juste un de mes enfants",
      "{child} n'apparaît pas dans mon compte", "mon deuxième enfant est pas dans le portail", "il manque un enfant dans mon portail",
      "je vois seulement ma fille, pas mon fils", "mon plus jeune n'est pas là", "comment ajouter mon autre enfant",
      "ajouter un enfant à mon compte", "je ne vois pas {child}", "mon fils n'est pas affiché", "il me manque {child} sur le portail",
      "je me suis connecté mais je vois pas d'info pour chacun de mes enfants", "mes deux enfants sont pas dans mon compte",
      "ma fille qui vient de commencer à {school} apparaît pas", "pourquoi je vois juste un enfant",
      "dois-je créer un autre compte pour mon 2e enfant, il apparaît pas", "aucun enfant dans mon compte",
      "mon compte est vide, pas d'enfants", "le nom de {child} est pas dans la liste", "j'ai trois enfants mais j'en vois deux",
      "relier mon enfant à mon compte", "lier {child} à mon compte parent",
    ],
    en: [
      "I can't see all my children", "one of my kids is missing", "{child} doesn't show up in my account", "only one child appears",
      "my second child isn't in the portal", "how do I add my other child", "add a child to my account", "my youngest isn't listed",
      "I only see my daughter, not my son", "no children in my account", "I have three kids but only see two", "link {child} to my account",
    ],
  },
};
