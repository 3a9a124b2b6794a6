/**
 * Triage benchmark (called by `npm run bench`): 50,000 tickets over 40 schools and the central queue, each with
 * a parent message and its search vector, on an in-memory PGlite and, when DATABASE_URL is set, on a fresh
 * PostgreSQL database. Times p50/p99 of: the queue page (GET /triage, server-rendered, through the real HTTP
 * server) and the API list (GET /api/tickets) for a secretary and for an agent (everything), a deep page
 * (keyset cursor 40 pages in), and the full-text search (POST /api/tickets/search).
 */
import crypto from "node:crypto";
import { performance } from "node:perf_hooks";
import { PGlite } from "@electric-sql/pglite";
import { openDatabase, type Database } from "../core/db/database";
import { migrateDatabase } from "../core/db/migrate";
import type { Prisma } from "../core/db/generated/client";
import type { CoreContext } from "../core/context";
import { loadConfig } from "../core/config";
import { silentLogger } from "../core/logger";
import { createMetrics, signInStaff } from "../core";
import { hashPassword } from "../core/accounts/secrets";
import { createHttpServer } from "../bin/http-server";
import { registerTriageRoutes } from "../triage";
import { withScratchPostgres } from "../test/helpers/scratch-postgres";

const TICKETS = 50_000;
const SCHOOLS = 40;
const RUNS = 150;
const FAMILY = [
  "Tremblay",
  "Gagnon",
  "Roy",
  "Côté",
  "Bouchard",
  "Gauthier",
  "Morin",
  "Lavoie",
  "Fortin",
  "Gagné",
  "Ouellet",
  "Pelletier",
  "Bélanger",
  "Lévesque",
  "Bergeron",
];
const GIVEN = [
  "Léa",
  "Zoé",
  "Noah",
  "Emma",
  "Félix",
  "Alice",
  "Gabriel",
  "Chloé",
  "Samuel",
  "Juliette",
  "Olivier",
  "Béatrice",
  "Mathéo",
  "Rosalie",
  "Émile",
];
const TOPICS = [
  "bulletin introuvable",
  "absence demain",
  "retard ce matin",
  "mot de passe oublié",
  "horaire du semestre",
  "crédits manquants",
  "formulaire de sortie",
  "courriel non reconnu",
];
const STATUSES = ["NEW", "OPEN", "WAITING_PARENT", "RESOLVED", "CLOSED"] as const;

function mulberry(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function fill(db: Database) {
  const p = db.prisma;
  const rnd = mulberry(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const schools = Array.from({ length: SCHOOLS }, (_, i) => ({
    id: crypto.randomUUID(),
    code: `BENCH-${i}`,
    name: `École bench ${i}`,
    level: "ELEMENTARY" as const,
  }));
  await p.school.createMany({ data: schools });
  const start = Date.UTC(2025, 8, 1);
  const span = 450 * 86_400_000;
  for (let i = 0; i < TICKETS; i += 2500) {
    const tickets: Prisma.TicketCreateManyInput[] = [];
    const messages: Prisma.TicketMessageCreateManyInput[] = [];
    for (let k = i; k < Math.min(TICKETS, i + 2500); k++) {
      const central = rnd() < 0.15;
      const created = new Date(start + Math.floor(rnd() * span));
      const fam = pick(FAMILY);
      const child = pick(GIVEN);
      const topic = pick(TOPICS);
      const id = crypto.randomUUID();
      tickets.push({
        id,
        channel: pick(["CHAT", "EMAIL", "FORM", "TEAMS"] as const),
        status: pick(STATUSES),
        queue: central ? "CENTRAL" : "SCHOOL",
        schoolId: central ? null : schools[k % SCHOOLS].id,
        intent: "records.report_card",
        lang: "fr",
        subject: `${topic} — ${child} ${fam}`,
        requesterName: `Parent ${fam}`,
        requesterEmail: `parent.${k}@exemple.test`,
        childGivenName: child,
        childFamilyName: fam,
        createdAt: created,
        updatedAt: new Date(created.getTime() + Math.floor(rnd() * 5 * 86_400_000)),
      });
      messages.push({
        ticketId: id,
        author: "PARENT",
        body: `Bonjour, au sujet de ${child} : ${topic}. Merci, Parent ${fam}. Réf ${k}`,
        createdAt: created,
      });
    }
    await p.ticket.createMany({ data: tickets });
    await p.ticketMessage.createMany({ data: messages });
  }
  // The same document refreshTicketSearch writes (words of subject, parent, child and messages), in bulk.
  await p.$executeRawUnsafe(`
    INSERT INTO "TicketTriage" ("ticketId", "searchVector")
    SELECT t."id", to_tsvector('simple', regexp_replace(lower(translate(t."subject" || ' ' || t."requesterName" || ' ' || t."requesterEmail" || ' ' || m."body",
      'éèêëàâäîïôöùûüçÉÈÊÀÂÎÔÙÛÇ', 'eeeeaaaiioouuucEEEAAIOUUC')), '[^a-z0-9]+', ' ', 'g'))
    FROM "Ticket" t JOIN "TicketMessage" m ON m."ticketId" = t."id"`);
  await p.$executeRawUnsafe(`ANALYZE`);
  const hash = await hashPassword("Bench-Password-2026");
  const secretary = await p.staff.create({
    data: { email: "sec@bench.test", name: "Secrétaire", role: "SECRETARY", schoolId: schools[3].id, passwordHash: hash },
  });
  const agent = await p.staff.create({ data: { email: "agent@bench.test", name: "Agent", role: "AGENT", passwordHash: hash } });
  return { secretary, agent };
}

function pct(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

async function timeIt(fn: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 10; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return { p50: pct(xs, 0.5), p99: pct(xs, 0.99) };
}

async function measure(db: Database): Promise<Record<string, { p50: number; p99: number }>> {
  const t0 = performance.now();
  await fill(db);
  console.log(`  filled ${TICKETS} tickets in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const config = loadConfig({ DATA_DIR: "/tmp/aide-portail-bench", APP_SECRET: "bench-secret-bench-secret-bench-secret-0123" });
  const ctx: CoreContext = { prisma: db.prisma, config, log: silentLogger, now: () => new Date() };
  const metrics = createMetrics(ctx);
  const server = createHttpServer({ ctx, metrics, readiness: [] });
  registerTriageRoutes(server, { ctx, metrics });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  try {
    const session = async (email: string) => {
      const s = await signInStaff(ctx, { email, password: "Bench-Password-2026" });
      const res = await fetch(`${base}/api/tickets?limit=1`, { headers: { cookie: `ap_staff=${s.token}` } });
      return { cookie: `ap_staff=${s.token}`, csrf: res.headers.get("x-csrf-token")! };
    };
    const sec = await session("sec@bench.test");
    const agent = await session("agent@bench.test");
    const get = (who: { cookie: string }, path: string) => async () => {
      const r = await fetch(base + path, { headers: { cookie: who.cookie } });
      if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
      return r.text();
    };
    const search = (who: { cookie: string; csrf: string }, q: string) => async () => {
      const r = await fetch(`${base}/api/tickets/search`, {
        method: "POST",
        headers: { cookie: who.cookie, "x-csrf-token": who.csrf, "content-type": "application/json" },
        body: JSON.stringify({ q }),
      });
      if (r.status !== 200) throw new Error(`search: ${r.status}`);
      return r.json();
    };
    let cursor = "";
    for (let i = 0; i < 40; i++)
      cursor = (
        (await (
          await fetch(`${base}/api/tickets?limit=25${cursor ? `&cursor=${cursor}` : ""}`, { headers: { cookie: agent.cookie } })
        ).json()) as { nextCursor: string }
      ).nextCursor;
    return {
      "queue page, secretary": await timeIt(get(sec, "/triage")),
      "queue page, agent (all)": await timeIt(get(agent, "/triage")),
      "API list, secretary": await timeIt(get(sec, "/api/tickets")),
      "API list, agent (all)": await timeIt(get(agent, "/api/tickets")),
      "API list, agent, 41st page": await timeIt(get(agent, `/api/tickets?cursor=${cursor}`)),
      "API list, agent, status NEW": await timeIt(get(agent, "/api/tickets?status=NEW")),
      "search « tremblay », secretary": await timeIt(search(sec, "tremblay")),
      "search « léa bulletin », agent": await timeIt(search(agent, "léa bulletin")),
      "search « parent.4242 », agent": await timeIt(search(agent, "parent.4242@exemple.test")),
    };
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
}

export async function run(): Promise<void> {
  const pgliteDb = await openDatabase({ pglite: new PGlite() });
  let lite: Record<string, { p50: number; p99: number }>;
  try {
    await migrateDatabase(pgliteDb);
    lite = await measure(pgliteDb);
  } finally {
    await pgliteDb.close();
  }
  let pg: Record<string, { p50: number; p99: number }> | null = null;
  if (process.env.DATABASE_URL) {
    pg = await withScratchPostgres(process.env.DATABASE_URL, "ap_bench_triage", async (db) => {
      await migrateDatabase(db);
      return measure(db);
    });
  }
  const f = (x: number) => `${x.toFixed(1).padStart(7)} ms`;
  console.log(`\n  ${TICKETS} tickets, ${RUNS} runs each (target < 100 ms)`);
  console.log(
    `  ${"operation".padEnd(34)} ${"PGlite p50".padStart(10)} ${"p99".padStart(10)}${pg ? `  ${"PostgreSQL p50".padStart(14)} ${"p99".padStart(10)}` : ""}`,
  );
  for (const [name, v] of Object.entries(lite)) {
    const q = pg?.[name];
    console.log(`  ${name.padEnd(34)} ${f(v.p50)} ${f(v.p99)}${q ? `  ${f(q.p50).padStart(14)} ${f(q.p99)}` : ""}`);
  }
}

if (require.main === module)
  run().catch((e) => {
    console.error(e);
    process.exit(1);
  });
