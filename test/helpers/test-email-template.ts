// A throwaway email template for the outbox's tests (French and English, the placeholders {{name}} and {{url}}),
// registered under its own i18next namespace so that the product's templates stay what they are.
import { getI18n } from "../../core";

/** Registers the template and returns its key (« NS:email.hello ») for enqueueEmail. */
export function registerTestEmailTemplate(ns: string): string {
  const i18n = getI18n();
  i18n.addResourceBundle("fr", ns, { email: { hello: { subject: "Bonjour {{name}}", body: "Votre dossier : {{url}}" } } });
  i18n.addResourceBundle("en", ns, { email: { hello: { subject: "Hello {{name}}", body: "Your file: {{url}}" } } });
  return `${ns}:email.hello`;
}
