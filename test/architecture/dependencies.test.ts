// Keeps the dependency direction of STYLE.md: core knows no edge library; the edges use core's public
// index only and never import each other; only core/db creates a Prisma client.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

function sources(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { recursive: true, withFileTypes: false })
    .map(String)
    .filter((f) => f.endsWith(".ts") && !f.includes("generated"))
    .map((f) => path.join(dir, f));
}

function imports(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  return [...text.matchAll(/(?:from\s+|require\(|import\()\s*["']([^"']+)["']/g)].map((m) => m[1]);
}

const EDGES = ["bot", "mail-agent", "triage"];

describe("architecture", () => {
  it("core imports no botbuilder, restify, imapflow or nodemailer, and nothing from the edges", () => {
    const bad: string[] = [];
    for (const f of sources("core")) {
      for (const i of imports(f)) {
        if (/^(botbuilder|restify|imapflow|nodemailer)/.test(i)) bad.push(`${f} → ${i}`);
        if (i.startsWith(".")) {
          const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(f), i));
          if (EDGES.some((e) => target === e || target.startsWith(`${e}/`))) bad.push(`${f} → ${i}`);
        }
      }
    }
    expect(sources("core").length).toBeGreaterThan(10);
    expect(bad).toEqual([]);
  });

  it("the edges use core's public index and never import each other", () => {
    const bad: string[] = [];
    for (const edge of EDGES) {
      for (const f of sources(edge)) {
        for (const i of imports(f).filter((x) => x.startsWith("."))) {
          const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(f), i));
          if (target.startsWith("core/") && target !== "core/index") bad.push(`${f} → ${i} (use core's index)`);
          for (const other of EDGES.filter((e) => e !== edge)) {
            if (target === other || target.startsWith(`${other}/`)) bad.push(`${f} → ${i}`);
          }
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it("only core/db creates a Prisma client", () => {
    const all = ["core", "bot", "mail-agent", "triage", "bin", "prisma"].flatMap(sources);
    const creators = all.filter((f) => /new\s+PrismaClient\s*\(/.test(fs.readFileSync(path.join(ROOT, f), "utf8")));
    expect(creators).toEqual(["core/db/database.ts"]);
  });
});
