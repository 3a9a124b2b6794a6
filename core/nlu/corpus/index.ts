/** All training templates, keyed by intent; PARENTS_STYLE adds to the others' lists rather than replacing them. */
import type { Templates } from "./types";
import { SOCIAL } from "./social";
import { ACCOUNT_ACCESS } from "./account-access";
import { ACCOUNT_RECORDS } from "./account-records";
import { RECORDS } from "./records";
import { SERVICES } from "./services";
import { PARENTS_STYLE } from "./parents-style";
import { INTENT_NOT_KEYWORD } from "./intent-not-keyword";
import { OUT_OF_SCOPE } from "./out-of-scope";
import { SCHOOL_LIFE } from "./school-life";

function merge(...sets: Templates[]): Templates {
  const out: Templates = {};
  for (const set of sets) {
    for (const [intent, t] of Object.entries(set) as [keyof Templates, { fr: string[]; en: string[] }][]) {
      const cur = out[intent] ?? { fr: [], en: [] };
      out[intent] = { fr: [...cur.fr, ...t.fr], en: [...cur.en, ...t.en] };
    }
  }
  return out;
}

export const TEMPLATES: Templates = merge(
  SOCIAL,
  ACCOUNT_ACCESS,
  ACCOUNT_RECORDS,
  RECORDS,
  SERVICES,
  PARENTS_STYLE,
  INTENT_NOT_KEYWORD,
  OUT_OF_SCOPE,
  SCHOOL_LIFE,
);
