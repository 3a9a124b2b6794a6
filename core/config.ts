// Configuration: read once from the environment, validated with zod, handed down to whoever needs it.
// A bad environment fails fast with one message naming every bad variable (SPEC §8).
import path from "node:path";
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => v === "true" || v === "1" || v === "yes");
const port = z.coerce.number().int().min(1).max(65535);
const optional = <T extends z.ZodTypeAny>(s: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), s.optional());

const schema = z
  .object({
    PORT: optional(port).default(3978),
    DATA_DIR: optional(z.string()).default("./data"),
    DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")),
    MicrosoftAppId: optional(z.string()),
    MicrosoftAppPassword: optional(z.string()),
    MicrosoftAppType: optional(z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"])),
    MicrosoftAppTenantId: optional(z.string()),
    IMAP_HOST: optional(z.string()),
    IMAP_PORT: optional(port),
    IMAP_USER: optional(z.string()),
    IMAP_PASSWORD: optional(z.string()),
    IMAP_SECURE: optional(bool),
    SMTP_URL: optional(z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")),
    MAIL_FROM: optional(z.email()).default("portail.parents@cepeo.on.ca"),
    HELPDESK_ADDRESS: optional(z.email()).default("portail.famille@cepeo.on.ca"),
    PUBLIC_URL: optional(z.url()),
    APP_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
    // Origins (scheme://host[:port]) of the board's pages allowed to embed the chat: CORS for the Direct Line
    // routes and the page's frame-ancestors. Comma-separated; unset: only this server's own page.
    WEBCHAT_ORIGINS: optional(
      z
        .string()
        .transform((v) =>
          v
            .split(",")
            .map((o) => o.trim().replace(/\/+$/, ""))
            .filter(Boolean),
        )
        .pipe(z.array(z.string().regex(/^https?:\/\/[^/\s*]+$/, "each origin must be scheme://host[:port], e.g. https://cepeo.on.ca"))),
    ).default([]),
    LOG_LEVEL: optional(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])).default("info"),
  })
  .superRefine((c, ctx) => {
    if (c.IMAP_HOST && (!c.IMAP_USER || !c.IMAP_PASSWORD)) {
      ctx.addIssue({ code: "custom", path: ["IMAP_USER"], message: "IMAP_USER and IMAP_PASSWORD are required with IMAP_HOST" });
    }
    if (c.MicrosoftAppId && !c.MicrosoftAppPassword && c.MicrosoftAppType !== "UserAssignedMSI") {
      ctx.addIssue({ code: "custom", path: ["MicrosoftAppPassword"], message: "required with MicrosoftAppId" });
    }
    if (c.MicrosoftAppType === "SingleTenant" && !c.MicrosoftAppTenantId) {
      ctx.addIssue({ code: "custom", path: ["MicrosoftAppTenantId"], message: "required when MicrosoftAppType is SingleTenant" });
    }
  });

export type RawConfig = z.infer<typeof schema>;

export interface Config extends RawConfig {
  /** Absolute DATA_DIR. */
  dataDir: string;
  /** Where the embedded database lives (DATA_DIR/pglite). */
  pgliteDir: string;
  /** Outgoing mail as .eml when SMTP_URL is unset (DATA_DIR/outbox). */
  outboxDir: string;
  /** Incoming mail folder when IMAP_HOST is unset (DATA_DIR/inbox). */
  inboxDir: string;
  /** Base URL of links in emails (validation, downloads). */
  publicUrl: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".") || "(environment)"}: ${i.message}`));
  }
  const c = parsed.data;
  const dataDir = path.resolve(cwd, c.DATA_DIR);
  return {
    ...c,
    dataDir,
    pgliteDir: path.join(dataDir, "pglite"),
    outboxDir: path.join(dataDir, "outbox"),
    inboxDir: path.join(dataDir, "inbox"),
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, ""),
  };
}
