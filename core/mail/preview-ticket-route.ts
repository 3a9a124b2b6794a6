// Where a ticket would go, without writing anything (`aide-portail mail inspect`, and the pipeline's route
// stage): the same rule as createTicket (tickets/routing.ts).
import type { CoreContext } from "../context";
import { routeTicket, type RoutingInput, type RoutingReason } from "../tickets/routing";

export async function previewTicketRoute(
  ctx: CoreContext,
  opts: RoutingInput,
): Promise<{ queue: "SCHOOL" | "CENTRAL"; schoolCode: string | null; reason: RoutingReason }> {
  const r = await routeTicket(ctx.prisma, opts);
  return { queue: r.queue, schoolCode: r.school?.code ?? null, reason: r.reason };
}
