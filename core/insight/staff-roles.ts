// Who may read the board-wide views (insight, corrections, quarantined mail): the help centre and admins.
import type { CoreContext } from "../context";
import { AppError } from "../errors";

export async function requireCentralStaff(ctx: CoreContext, staffId: string): Promise<{ id: string; role: "AGENT" | "ADMIN" }> {
  const s =
    typeof staffId === "string"
      ? await ctx.prisma.staff.findFirst({ where: { id: staffId, active: true }, select: { id: true, role: true } })
      : null;
  if (!s || (s.role !== "AGENT" && s.role !== "ADMIN")) {
    throw new AppError("staff.forbidden", {
      log: "board-wide view refused to a secretary or unknown staff",
    });
  }
  return s as { id: string; role: "AGENT" | "ADMIN" };
}
