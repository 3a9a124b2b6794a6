// Stage 10, route: the queue the ticket goes to, by the core's rule (central-only intents, then the named
// child's school, then a school the email names or the secretary's own, else the central help desk).
import { previewTicketRoute } from "../../core";
import type { Stage } from "./types";

export const routeStage: Stage = async (mail, { ctx }) => {
  if (mail.thread) return;
  const e = mail.entities!;
  mail.route = await previewTicketRoute(ctx, {
    intent: mail.classification!.intent,
    studentId: e.child?.id ?? null,
    schoolCode: e.schoolCode ?? mail.sender?.staff?.schoolCode ?? null,
  });
};
