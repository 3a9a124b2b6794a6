// Both languages must have the same keys and the same placeholders, namespace by namespace.
import fs from "node:fs";
import path from "node:path";
import { loadResources, TEMPLATES_DIR, translator } from "../../core/i18n";

function flatten(obj: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (obj && typeof obj === "object" && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj)) for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  } else if (Array.isArray(obj)) {
    obj.forEach((v, i) => {
      for (const [kk, vv] of flatten(v, `${prefix}[${i}]`)) out.set(kk, vv);
    });
  } else {
    out.set(prefix, String(obj));
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/{{\s*([\w.]+)[^}]*}}/g)].map((m) => m[1]).sort();

describe("templates", () => {
  const res = loadResources();

  it("have the same namespaces in fr and en", () => {
    expect(Object.keys(res.en).sort()).toEqual(Object.keys(res.fr).sort());
    expect(fs.readdirSync(path.join(TEMPLATES_DIR, "fr")).length).toBeGreaterThan(0);
  });

  it.each(Object.keys(loadResources().fr))("namespace %s: same keys and placeholders in both languages", (ns) => {
    const fr = flatten(res.fr[ns]);
    const en = flatten(res.en[ns]);
    expect([...en.keys()].sort()).toEqual([...fr.keys()].sort());
    for (const [key, text] of fr) {
      expect({ key, placeholders: placeholders(en.get(key)!) }).toEqual({ key, placeholders: placeholders(text) });
      expect({ key, empty: text.trim() === "" }).toEqual({ key, empty: false });
    }
  });

  it("translates with French as the fallback", () => {
    expect(translator("fr")("common:portalName")).toBe("Portail Famille");
    expect(translator("en")("common:portalName")).toBe("Family Portal");
  });
});
