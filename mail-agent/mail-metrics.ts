// The agent's metrics (GET /metrics): emails by outcome, and the open quarantine read from the database at
// scrape time (several instances report the same truth).
import { Counter, Gauge } from "prom-client";
import { countQuarantinedEmails, type ChannelDeps } from "../core";

export interface MailMetrics {
  count(action: string): void;
}

export function mailMetrics({ ctx, metrics }: ChannelDeps): MailMetrics {
  const registry = metrics.registry;
  const existing = registry.getSingleMetric("aide_portail_mail_emails_total") as Counter<"action"> | undefined;
  const emails =
    existing ??
    new Counter({
      name: "aide_portail_mail_emails_total",
      help: "Inbound emails processed by the mail agent, by outcome",
      labelNames: ["action"] as const,
      registers: [registry],
    });
  if (!registry.getSingleMetric("aide_portail_mail_quarantined")) {
    new Gauge({
      name: "aide_portail_mail_quarantined",
      help: "Inbound emails in quarantine, not yet replayed",
      registers: [registry],
      async collect() {
        this.set(await countQuarantinedEmails(ctx));
      },
    });
  }
  return { count: (action) => emails.inc({ action }) };
}
