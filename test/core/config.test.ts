import path from "node:path";
import { ConfigError, loadConfig } from "../../core/config";

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
});
