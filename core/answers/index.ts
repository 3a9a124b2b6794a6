// The answer catalog (issue 8): one self-service answer per intent, in French and English, shared by the bot
// and the mail agent. Text in templates/<lang>/answers.json; personalised with the parent's own data only.
export { ANSWER_OFFERS, type AnswerOffer } from "./answer-catalog";
export { answerFor, answerPlainText, type Answer, type AnswerForOptions } from "./answer-for";
export { helpCentreContact, type HelpCentreContact } from "./help-centre-contact";
