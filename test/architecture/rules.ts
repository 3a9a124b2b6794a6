// The dependency rules of STYLE.md and SPEC §2, as a function over a source tree, so that the architecture
// test can run them on the real tree and on a planted tree that breaks each rule once.
import fs from "node:fs";
import path from "node:path";

/** The channels: each has one entry (index.ts) and never imports another. */
export const CHANNELS = ["bot", "mail-agent", "triage"] as const;
/** Everything outside the core that may only use the core's public index (and, for cli/, the channels' entries). */
const EDGES = [...CHANNELS, "cli"];
/** Libraries of the edges: the core knows none of them. */
const EDGE_LIBRARIES = /^(commander|cli-progress|restify|botbuilder|botframework|imapflow|nodemailer|mailparser|smtp-server|playwright)/;

function sources(root: string, dir: string): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true, withFileTypes: false })
    .map(String)
    .filter((f) => f.endsWith(".ts") && !f.includes("generated") && !f.includes("node_modules"))
    .map((f) => path.join(dir, f));
}

function importsOf(root: string, file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  return [...text.matchAll(/(?:from\s+|require\(|import\()\s*["']([^"']+)["']/g)].map((m) => m[1]);
}

/** The folder-relative target of a relative import ("core/index", "bot/dialogs/main"…). */
function target(file: string, spec: string): string {
  const t = path.normalize(path.join(path.dirname(file), spec)).replace(/\.(ts|js)$/, "");
  return t === "core" || t === "bot" || t === "mail-agent" || t === "triage" ? `${t}/index` : t;
}

const within = (t: string, folder: string) => t === folder || t.startsWith(`${folder}/`);

/** Every broken rule in the tree at `root`, one line each (empty when the tree keeps them all). */
export function architectureViolations(root: string): string[] {
  const bad: string[] = [];
  for (const f of sources(root, "core")) {
    for (const i of importsOf(root, f)) {
      if (EDGE_LIBRARIES.test(i)) bad.push(`core imports an edge library: ${f} → ${i}`);
      if (i.startsWith(".") && [...EDGES, "bin"].some((e) => within(target(f, i), e))) bad.push(`core imports an edge: ${f} → ${i}`);
    }
  }
  for (const edge of EDGES) {
    for (const f of sources(root, edge)) {
      const text = fs.readFileSync(path.join(root, f), "utf8");
      if (/\.prisma\b/.test(text)) bad.push(`${edge}/ reaches the database directly (ctx.prisma): ${f}`);
      for (const i of importsOf(root, f).filter((x) => x.startsWith("."))) {
        const t = target(f, i);
        if (within(t, "core") && t !== "core/index") bad.push(`${edge}/ goes past the core's index: ${f} → ${i}`);
        if (within(t, "bin")) bad.push(`${edge}/ imports the composition root: ${f} → ${i}`);
        for (const other of CHANNELS.filter((c) => c !== edge)) {
          if (!within(t, other)) continue;
          // The command line may start a channel through its entry (chat, mail inspect), never reach inside it.
          if (edge === "cli" && t === `${other}/index`) continue;
          bad.push(`${edge}/ imports ${other === edge ? "itself" : `${other}/`}${edge === "cli" ? " past its entry" : ""}: ${f} → ${i}`);
        }
      }
    }
  }
  for (const channel of CHANNELS) {
    if (!fs.existsSync(path.join(root, channel, "index.ts"))) bad.push(`${channel}/ has no entry ${channel}/index.ts`);
  }
  const all = ["core", ...EDGES, "bin", "prisma", "scripts"].flatMap((d) => sources(root, d));
  for (const f of all) {
    if (/new\s+PrismaClient\s*\(/.test(fs.readFileSync(path.join(root, f), "utf8")) && f !== path.join("core", "db", "database.ts")) {
      bad.push(`only core/db creates a Prisma client: ${f}`);
    }
  }
  return bad;
}
