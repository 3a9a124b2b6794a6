// A real HTTP server with the Direct Line endpoint and a tiny test bot (an ActivityHandler behind the same
// auth-disabled CloudAdapter path the real bot uses), for the protocol tests, the browser tests until the real
// bot is wired, and the benchmark.
import { ActivityHandler, CardFactory, MessageFactory } from "botbuilder";
import type { Server } from "restify";
import { createMetrics, type CoreContext } from "../../core";
import { createHttpServer } from "../../bin/http-server";
import { registerDirectLine, type DirectLineBot, type DirectLineEndpoint, type DirectLineLimits } from "../../bot/directline";

export interface DirectLineTestServer {
  base: string;
  server: Server;
  endpoint: DirectLineEndpoint;
  close(): Promise<void>;
}

/** Welcome on join; « menu » → suggested actions; « carte » → an Adaptive Card; a card's value is echoed back. */
export function echoBot(): DirectLineBot {
  const bot = new ActivityHandler();
  bot.onMembersAdded(async (context, next) => {
    for (const m of context.activity.membersAdded ?? []) {
      if (m.id !== context.activity.recipient.id) await context.sendActivity(`Bienvenue (${context.activity.locale ?? "?"})`);
    }
    await next();
  });
  bot.onMessage(async (context, next) => {
    const text = context.activity.text ?? "";
    if (context.activity.value) await context.sendActivity(`Reçu : ${JSON.stringify(context.activity.value)}`);
    else if (text === "menu")
      await context.sendActivity(MessageFactory.suggestedActions(["Horaire", "Absences"], "Que voulez-vous savoir?"));
    else if (text === "carte") {
      await context.sendActivity(
        MessageFactory.attachment(
          CardFactory.adaptiveCard({
            type: "AdaptiveCard",
            version: "1.5",
            body: [{ type: "TextBlock", text: "Horaire de test", wrap: true }],
            actions: [{ type: "Action.Submit", title: "Confirmer", data: { choice: "ok" } }],
          }),
        ),
      );
    } else await context.sendActivity(`Écho : ${text}`);
    await next();
  });
  return { logic: (context) => bot.run(context) };
}

export async function startDirectLineServer(
  ctx: CoreContext,
  opts: { bot?: DirectLineBot; limits?: Partial<DirectLineLimits>; register?: (server: Server) => void } = {},
): Promise<DirectLineTestServer> {
  const server = createHttpServer({ ctx, metrics: createMetrics(ctx), readiness: [] });
  const endpoint = registerDirectLine(server, { ctx, bot: opts.bot ?? echoBot(), limits: opts.limits });
  opts.register?.(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    base,
    server,
    endpoint,
    close: async () => {
      await endpoint.stop();
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.server.closeAllConnections(); // keep-alive sockets of the bot's Connector client and of the tests
      await closed;
    },
  };
}
