import path from "node:path";
import { ConfigError, loadConfig } from "../../core/config";
import { translator } from "../../core/i18n";

describe("loadConfig", () => {
  it("gives the embedded defaults with an empty environment", () => {
    const c = loadConfig({}, "/srv/app");
    expect(c.PORT).toBe(3978);
    expect(c.dataDir).toBe(path.resolve("/srv/app", "./data"));
    expect(c.pgliteDir).toBe(path.resolve("/srv/app/data/pglite"));
    expect(c.outboxDir).toBe(path.resolve("/srv/app/data/outbox"));
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.SMTP_URL).toBeUndefined();
    expect(c.LOG_LEVEL).toBe("info");
    expect(c.publicUrl).toBe("http://localhost:3978");
  });

  it("treats empty variables as unset", () => {
    const c = loadConfig({ DATABASE_URL: "", SMTP_URL: "  ", PORT: "" });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.SMTP_URL).toBeUndefined();
    expect(c.PORT).toBe(3978);
  });

  it("names every bad variable at once", () => {
    let err: unknown;
    try {
      loadConfig({ PORT: "quatre", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud", IMAP_SECURE: "peut-être", MAIL_FROM: "pas une adresse" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems.join("\n");
    for (const v of ["PORT", "DATABASE_URL", "LOG_LEVEL", "IMAP_SECURE", "MAIL_FROM"]) expect(problems).toContain(v);
    expect((err as ConfigError).problems).toHaveLength(5);
  });

  it("requires the IMAP credentials with IMAP_HOST and the tenant with a single-tenant bot", () => {
    expect(() => loadConfig({ IMAP_HOST: "imap.example.org" })).toThrow(/IMAP_USER/);
    expect(() => loadConfig({ MicrosoftAppId: "id", MicrosoftAppPassword: "pw", MicrosoftAppType: "SingleTenant" })).toThrow(
      /MicrosoftAppTenantId/,
    );
    const ok = loadConfig({ IMAP_HOST: "imap.example.org", IMAP_USER: "aide", IMAP_PASSWORD: "x", IMAP_PORT: "993", IMAP_SECURE: "true" });
    expect(ok.IMAP_PORT).toBe(993);
    expect(ok.IMAP_SECURE).toBe(true);
  });

  it("strips a trailing slash from PUBLIC_URL", () => {
    expect(loadConfig({ PUBLIC_URL: "https://aide.cepeo.on.ca/" }).publicUrl).toBe("https://aide.cepeo.on.ca");
  });

  it("says each problem in the operator's language from templates, never zod's English reasons, and never repeats a value", () => {
    let err: unknown;
    try {
      loadConfig({
        PORT: "soixante",
        IMAP_PORT: "99999",
        LOG_LEVEL: "fort",
        MAIL_FROM: "x",
        APP_SECRET: "trop-court-motdepasse",
        SMTP_URL: "http://u:secretsmtp@h",
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const fr = (err as ConfigError).problemsIn(translator("fr"));
    expect(fr).toEqual([
      "PORT : doit être un numéro de port, un entier de 1 à 65535",
      "IMAP_PORT : doit être un numéro de port, un entier de 1 à 65535",
      "SMTP_URL : doit commencer par smtp:// ou smtps://",
      "MAIL_FROM : doit être une adresse courriel",
      "APP_SECRET : doit compter au moins 32 caractères",
      "LOG_LEVEL : doit valoir l'une de ces valeurs : fatal, error, warn, info, debug, trace, silent",
    ]);
    const en = (err as ConfigError).problemsIn(translator("en"));
    expect(en[0]).toBe("PORT: must be a port number, a whole number from 1 to 65535");
    expect((err as ConfigError).problems).toEqual(en); // the message and the log read the English lines
    const all = [...fr, ...en, (err as Error).message].join("\n");
    expect(all).not.toMatch(/Invalid|expected|received|NaN/);
    expect(all).not.toMatch(/motdepasse|secretsmtp|soixante/);
  });

  it("says the IMAP and Bot Framework requirements from templates too", () => {
    const t = translator("fr");
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (e) {
        return (e as ConfigError).problemsIn(t);
      }
    };
    expect(problems({ IMAP_HOST: "imap.example.org" })).toEqual(["IMAP_USER : IMAP_USER et IMAP_PASSWORD sont requis avec IMAP_HOST"]);
    expect(problems({ MicrosoftAppId: "id", MicrosoftAppType: "SingleTenant" })).toEqual([
      "MicrosoftAppPassword : requis avec MicrosoftAppId",
      "MicrosoftAppTenantId : requis quand MicrosoftAppType vaut SingleTenant",
    ]);
  });
});
