// The agent's own gauge on GET /metrics: the open quarantine, read from the database at scrape time (several
// instances report the same truth). Emails and deliveries are counted through ChannelDeps.metrics (core).
import { Gauge } from "prom-client";
import { countQuarantinedEmails, type ChannelDeps } from "../core";

export function registerQuarantineGauge({ ctx, metrics }: ChannelDeps): void {
  const registry = metrics.registry;
  if (registry.getSingleMetric("aide_portail_mail_quarantined")) return;
  new Gauge({
    name: "aide_portail_mail_quarantined",
    help: "Inbound emails in quarantine, not yet replayed",
    registers: [registry],
    async collect() {
      this.set(await countQuarantinedEmails(ctx));
    },
  });
}
