// Configuration: read once from the environment, validated with zod, handed down to whoever needs it.
// A bad environment fails fast with one message naming every bad variable (SPEC §8), each problem said in
// the operator's language from templates (common:config.*), never zod's English reasons.
import net from "node:net";
import path from "node:path";
import type { TFunction } from "i18next";
import { z } from "zod";
import { translator } from "./i18n";

const bool = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => v === "true" || v === "1" || v === "yes");
const port = z.coerce.number().int().min(1).max(65535);
const optional = <T extends z.ZodTypeAny>(s: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), s.optional());

/** `10.0.0.5`, `::1`, `10.0.0.0/8`, `fd00::/8`. */
function isAddressOrRange(v: string): boolean {
  const [address, bits, ...rest] = v.split("/");
  const family = net.isIP(address);
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

const schema = z
  .object({
    PORT: optional(port).default(3978),
    DATA_DIR: optional(z.string()).default("./data"),
    DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, "postgres_url")),
    MicrosoftAppId: optional(z.string()),
    MicrosoftAppPassword: optional(z.string()),
    MicrosoftAppType: optional(z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"])),
    MicrosoftAppTenantId: optional(z.string()),
    IMAP_HOST: optional(z.string()),
    IMAP_PORT: optional(port),
    IMAP_USER: optional(z.string()),
    IMAP_PASSWORD: optional(z.string()),
    IMAP_SECURE: optional(bool),
    SMTP_URL: optional(z.string().regex(/^smtps?:\/\//, "smtp_url")),
    MAIL_FROM: optional(z.email()).default("portail.parents@cepeo.on.ca"),
    HELPDESK_ADDRESS: optional(z.email()).default("portail.famille@cepeo.on.ca"),
    PUBLIC_URL: optional(z.url()),
    APP_SECRET: optional(z.string().min(32)),
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
        .pipe(z.array(z.string().regex(/^https?:\/\/[^/\s*]+$/, "web_origins"))),
    ).default([]),
    // The reverse proxies whose X-Forwarded-For is believed (client addresses for rate limits): addresses or
    // CIDR ranges, comma-separated; "none" believes no header. Default loopback: the documented nginx on the
    // same host (deploy/), and a peer on loopback is a local process anyway — a remote client is never trusted.
    TRUSTED_PROXIES: optional(
      z
        .string()
        .transform((v) =>
          /^\s*(none|off)\s*$/i.test(v)
            ? []
            : v
                .split(",")
                .map((o) => o.trim())
                .filter(Boolean),
        )
        .pipe(z.array(z.string().refine(isAddressOrRange, "trusted_proxies"))),
    ).default(["127.0.0.1", "::1"]),
    LOG_LEVEL: optional(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])).default("info"),
  })
  .superRefine((c, ctx) => {
    if (c.IMAP_HOST && (!c.IMAP_USER || !c.IMAP_PASSWORD)) {
      ctx.addIssue({ code: "custom", path: ["IMAP_USER"], message: "imap_credentials" });
    }
    if (c.MicrosoftAppId && !c.MicrosoftAppPassword && c.MicrosoftAppType !== "UserAssignedMSI") {
      ctx.addIssue({ code: "custom", path: ["MicrosoftAppPassword"], message: "app_password_required" });
    }
    if (c.MicrosoftAppType === "SingleTenant" && !c.MicrosoftAppTenantId) {
      ctx.addIssue({ code: "custom", path: ["MicrosoftAppTenantId"], message: "tenant_required" });
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

/** One bad variable: the template (common:config.<reason>) that says what is wrong with it. */
export interface ConfigIssue {
  variable: string;
  reason: string;
  params: Record<string, string | number>;
}

const PORT_VARIABLES = new Set(["PORT", "IMAP_PORT"]);
const REGEX_REASONS = new Set(["postgres_url", "smtp_url", "web_origins"]);
const CUSTOM_REASONS = new Set(["imap_credentials", "app_password_required", "tenant_required", "trusted_proxies"]);

/** What zod found, as a template key; values are never repeated (some variables hold passwords). */
function issueOf(i: z.core.$ZodIssue): ConfigIssue {
  const variable = i.path.join(".") || "(environment)";
  const at = (reason: string, params: Record<string, string | number> = {}) => ({ variable, reason, params });
  if (i.code === "custom" && CUSTOM_REASONS.has(i.message)) return at(i.message);
  if (PORT_VARIABLES.has(variable)) return at("port");
  if (i.code === "invalid_value") return at("one_of", { values: i.values.map(String).join(", ") });
  if (i.code === "invalid_format") {
    if (i.format === "regex" && REGEX_REASONS.has(i.message)) return at(i.message);
    if (i.format === "email") return at("email");
    if (i.format === "url") return at("url");
  }
  if (i.code === "too_small" && i.origin === "string") return at("min_length", { min: Number(i.minimum) });
  return at("invalid");
}

export class ConfigError extends Error {
  /** The same problems, in English, for logs and tests. */
  readonly problems: string[];

  constructor(readonly issues: ConfigIssue[]) {
    const problems = describeConfigIssues(issues, translator("en"));
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }

  /** One line per bad variable, in the language of `t`. */
  problemsIn(t: TFunction): string[] {
    return describeConfigIssues(this.issues, t);
  }
}

function describeConfigIssues(issues: ConfigIssue[], t: TFunction): string[] {
  return issues.map((i) => t("common:config.problem", { variable: i.variable, reason: t(`common:config.${i.reason}`, i.params) }));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map(issueOf));
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
