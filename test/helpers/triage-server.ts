// A real HTTP server with the triage routes on a test database, and signed-in staff of every role:
// secretaries of school A and B, a help-centre agent, an admin. Requests carry the session cookie.
import type { Server } from "restify";
import { createMetrics, signInStaff, type CoreContext } from "../../core";
import { hashPassword } from "../../core/accounts/secrets";
import { createHttpServer } from "../../bin/http-server";
import { registerTriageRoutes } from "../../triage";
import { makeSchool, unique } from "../factories/families";
import type { TestDatabase } from "./test-database";

export type Role = "secretaryA" | "secretaryB" | "agent" | "admin";
export const ROLES: Role[] = ["secretaryA", "secretaryB", "agent", "admin"];
export const STAFF_PASSWORD = "Personnel-Test-2026";

export interface TriageServer {
  base: string;
  server: Server;
  schools: { A: { id: string; code: string; name: string }; B: { id: string; code: string; name: string } };
  staff: Record<Role, { id: string; email: string; token: string; csrf: string }>;
  close(): Promise<void>;
}

export async function startTriageServer(db: TestDatabase, ctx: CoreContext): Promise<TriageServer> {
  const A = await makeSchool(db.prisma);
  const B = await makeSchool(db.prisma);
  const hash = await hashPassword(STAFF_PASSWORD);
  const make = async (role: "SECRETARY" | "AGENT" | "ADMIN", schoolId: string | null, name: string) =>
    db.prisma.staff.create({
      data: { email: `${unique(name.toLowerCase())}@cepeo.example.test`, name, role, schoolId, passwordHash: hash },
    });
  const rows = {
    secretaryA: await make("SECRETARY", A.id, "Chantal"),
    secretaryB: await make("SECRETARY", B.id, "Nicole"),
    agent: await make("AGENT", null, "Mathieu"),
    admin: await make("ADMIN", null, "Helene"),
  };
  const metrics = createMetrics(ctx);
  const server = createHttpServer({ ctx, metrics, readiness: [] });
  registerTriageRoutes(server, { ctx, metrics });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const staff = {} as TriageServer["staff"];
  for (const role of ROLES) {
    const s = await signInStaff(ctx, { email: rows[role].email, password: STAFF_PASSWORD });
    const res = await fetch(`${base}/api/tickets?limit=1`, { headers: { cookie: `ap_staff=${s.token}` } });
    staff[role] = { id: rows[role].id, email: rows[role].email, token: s.token, csrf: res.headers.get("x-csrf-token")! };
  }
  return {
    base,
    server,
    staff,
    schools: { A: { id: A.id, code: A.code, name: A.name }, B: { id: B.id, code: B.code, name: B.name } },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
