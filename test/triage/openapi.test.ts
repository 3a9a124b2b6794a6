// triage/openapi.json against the routes really registered on the server: every /api/tickets route is
// described (same method, same path) and nothing described is missing; plus the response headers of the
// console (security headers, cookie attributes) and the unauthenticated paths it exposes.
import fs from "node:fs";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { testContext } from "../helpers/context";
import { startTriageServer, STAFF_PASSWORD, type TriageServer } from "../helpers/triage-server";

let db: TestDatabase;
let srv: TriageServer;

beforeAll(async () => {
  db = await createTestDatabase();
  srv = await startTriageServer(db, testContext(db));
});
afterAll(async () => {
  await srv.close();
  await db.close();
});

const spec = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../triage/openapi.json"), "utf8")) as {
  paths: Record<string, Record<string, unknown>>;
};

it("describes exactly the /api/tickets routes the server registers", () => {
  const routes = Object.values(
    srv.server.router.getRoutes() as unknown as Record<string, { method: string; path: string; spec?: { path: string } }>,
  )
    .map((r) => `${r.method} ${String(r.spec?.path ?? r.path).replace(/:(\w+)/g, "{$1}")}`)
    .filter((r) => r.split(" ")[1].startsWith("/api/tickets"))
    .sort();
  const described = Object.entries(spec.paths)
    .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
    .sort();
  expect(described).toEqual(routes);
  expect(routes.length).toBeGreaterThan(8);
});

it("sends security headers, and a Secure HttpOnly SameSite=Strict session cookie", async () => {
  const page = await fetch(`${srv.base}/triage/sign-in`);
  expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
  expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  expect(page.headers.get("x-content-type-options")).toBe("nosniff");
  expect(page.headers.get("x-frame-options")).toBe("DENY");
  expect(page.headers.get("referrer-policy")).toBe("no-referrer");
  expect(page.headers.get("cache-control")).toBe("no-store");
  const pre = /name="_pre" value="([^"]+)"/.exec(await page.text())![1];
  const preCookie = page.headers.getSetCookie().find((c) => c.startsWith("ap_presignin="))!;
  const res = await fetch(`${srv.base}/triage/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: preCookie.split(";")[0] },
    body: new URLSearchParams({ email: srv.staff.agent.email, password: STAFF_PASSWORD, _pre: pre }).toString(),
  });
  expect(res.status).toBe(303);
  const session = res.headers.getSetCookie().find((c) => c.startsWith("ap_staff="))!;
  expect(session).toMatch(/; HttpOnly/);
  expect(session).toMatch(/; Secure/);
  expect(session).toMatch(/; SameSite=Strict/);
  // The sign-in form refuses a post that did not come from its own page (login CSRF).
  const forged = await fetch(`${srv.base}/triage/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: srv.staff.agent.email, password: STAFF_PASSWORD, _pre: pre }).toString(),
  });
  expect(forged.status).toBe(403);
  expect(forged.headers.getSetCookie().some((c) => c.startsWith("ap_staff="))).toBe(false);
});

it("serves Chart.js and its own assets from the server, nothing else under /triage/assets", async () => {
  const chart = await fetch(`${srv.base}/triage/assets/chart.umd.min.js`);
  expect(chart.status).toBe(200);
  expect(await chart.text()).toContain("Chart");
  expect((await fetch(`${srv.base}/triage/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
});

it("refuses a body over the cap cleanly (413) and keeps a search out of the URL", async () => {
  const big = "x".repeat(300 * 1024);
  const res = await fetch(`${srv.base}/api/tickets/search`, {
    method: "POST",
    headers: { cookie: `ap_staff=${srv.staff.agent.token}`, "x-csrf-token": srv.staff.agent.csrf, "content-type": "application/json" },
    body: JSON.stringify({ q: big }),
  });
  expect(res.status).toBe(413);
  // A q in the query string is ignored: the list is the unfiltered one.
  const withQ = await (
    await fetch(`${srv.base}/api/tickets?q=nothing-matches-this`, { headers: { cookie: `ap_staff=${srv.staff.agent.token}` } })
  ).json();
  const plain = await (await fetch(`${srv.base}/api/tickets`, { headers: { cookie: `ap_staff=${srv.staff.agent.token}` } })).json();
  expect(withQ).toEqual(plain);
});
