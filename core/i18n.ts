// i18next over templates/<lang>/<namespace>.json: every sentence a person reads comes from there.
// French is the default and the fallback; English beside it (a test keeps keys and placeholders identical).
import fs from "node:fs";
import path from "node:path";
import i18next, { type i18n, type Resource, type ResourceLanguage, type TFunction } from "i18next";

export const LANGS = ["fr", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const TEMPLATES_DIR = path.resolve(__dirname, "../templates");

export function isLang(v: unknown): v is Lang {
  return v === "fr" || v === "en";
}

/** Reads templates/<lang>/*.json into i18next resources ({ lang: { namespace: {…} } }). */
export function loadResources(dir = TEMPLATES_DIR): Record<Lang, ResourceLanguage> & Resource {
  const out = {} as Record<Lang, ResourceLanguage>;
  for (const lang of LANGS) {
    out[lang] = {};
    const langDir = path.join(dir, lang);
    for (const file of fs
      .readdirSync(langDir)
      .filter((f) => f.endsWith(".json"))
      .sort()) {
      out[lang][file.replace(/\.json$/, "")] = JSON.parse(fs.readFileSync(path.join(langDir, file), "utf8"));
    }
  }
  return out;
}

let shared: i18n | undefined;

/** One initialised i18next instance per process (synchronous: resources are local files). */
export function getI18n(): i18n {
  if (shared) return shared;
  const resources = loadResources();
  const inst = i18next.createInstance();
  void inst.init({
    resources,
    lng: "fr",
    fallbackLng: "fr",
    supportedLngs: [...LANGS],
    ns: Object.keys(resources.fr),
    defaultNS: "common",
    interpolation: { escapeValue: false }, // emails and chat are not HTML; HTML layouts escape themselves
    initAsync: false,
    returnNull: false,
  });
  shared = inst;
  return inst;
}

/** t() bound to a language: `t("emails:passwordReset.subject", { … })`. */
export function translator(lang: Lang): TFunction {
  return getI18n().getFixedT(lang);
}
