// One rule for every error of the core: code `<domain>.<name>`, message `errors:<domain>.<name>` in both
// languages with the same placeholders. The compiler keeps AppError to the declared codes; this test keeps
// every declared code readable by a person, and finds codes thrown in the source that no list declares
// (a channel writing `new AppError(someVariable as never)` would slip past the compiler).
import fs from "node:fs";
import path from "node:path";
import { allErrorCodes, AppError } from "../../core";
import { getI18n, LANGS } from "../../core/i18n";

const ROOT = path.resolve(__dirname, "../..");
const placeholders = (s: string) => [...s.matchAll(/{{\s*([\w.]+)[^}]*}}/g)].map((m) => m[1]).sort();

function sourceFiles(): string[] {
  return ["core", "bot", "mail-agent", "triage", "cli", "bin"].flatMap((dir) =>
    fs.existsSync(path.join(ROOT, dir))
      ? fs
          .readdirSync(path.join(ROOT, dir), { recursive: true })
          .map(String)
          .filter((f) => f.endsWith(".ts") && !f.includes("generated"))
          .map((f) => path.join(ROOT, dir, f))
      : [],
  );
}

describe("error codes", () => {
  const i18n = getI18n();
  const codes = allErrorCodes();

  it("are all of the form <domain>.<snake_name>", () => {
    expect(codes.length).toBeGreaterThan(40);
    expect(codes.filter((c) => !/^[a-z]+(-[a-z]+)?\.[a-z][a-z0-9_]*$/.test(c))).toEqual([]);
  });

  it.each(LANGS)("each has its message in %s, with the same placeholders as in French", (lang) => {
    const problems: string[] = [];
    for (const code of codes) {
      const key = `errors:${code}`;
      if (!i18n.exists(key, { lng: lang, fallbackLng: false })) {
        problems.push(`${code}: no ${lang} message`);
        continue;
      }
      const text = i18n.getResource(lang, "errors", code) as string;
      const fr = i18n.getResource("fr", "errors", code) as string;
      if (typeof text !== "string" || !text.trim()) problems.push(`${code}: empty ${lang} message`);
      else if (placeholders(text).join() !== placeholders(fr).join()) problems.push(`${code}: placeholders differ from French`);
    }
    expect(problems).toEqual([]);
  });

  it("a thrown AppError reads as its template, not as its log line", () => {
    const err = new AppError("records.range_too_long", { params: { max: 31 }, log: "asked 400 days" });
    expect(err.userKey).toBe("errors:records.range_too_long");
    expect(i18n.getFixedT("fr")(err.userKey, err.params)).toMatch(/31/);
    expect(i18n.getFixedT("fr")(err.userKey, err.params)).not.toMatch(/asked/);
  });

  it("every code written in the source is declared", () => {
    const declared = new Set<string>(codes);
    const written = new Set<string>();
    for (const f of sourceFiles()) {
      const text = fs.readFileSync(f, "utf8");
      for (const m of text.matchAll(/new AppError\(\s*"([^"]+)"/g)) written.add(m[1]);
      for (const m of text.matchAll(/accountError\(\s*"([^"]+)"/g)) written.add(`accounts.${m[1]}`);
    }
    expect(written.size).toBeGreaterThan(20);
    expect([...written].filter((c) => !declared.has(c))).toEqual([]);
  });
});
