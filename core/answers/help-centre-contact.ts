// The « centre d'aide aux utilisateurs » of the Portail Famille, as the seeds give it (seed 2's FAQ):
// portail.famille@cepeo.on.ca and 613 742-8960, poste 3003. The seeds give no opening hours, so none is
// returned. Values live in templates/<lang>/answers.json (the extension reads « poste » / « ext. »).
import { translator, type Lang } from "../i18n";

export interface HelpCentreContact {
  /** One short paragraph: whom to write or call, and that the school comes first for a child's record. */
  text: string;
  email?: string;
  phone?: string;
  hours?: string;
}

export function helpCentreContact(lang: Lang): HelpCentreContact {
  const t = translator(lang);
  const email = t("answers:helpCentre.email");
  const phone = t("answers:helpCentre.phone");
  return { text: t("answers:helpCentre.text", { email, phone }), email, phone };
}
