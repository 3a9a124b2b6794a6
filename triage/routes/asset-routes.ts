// Static files of the console, from our own server (no CDN): the style sheet, the insight page's script, and
// Chart.js from node_modules. Read once, served with a long cache (their names change with the code).
import fs from "node:fs";
import path from "node:path";
import type { Request, Response, Server } from "restify";
import { applySecurityHeaders } from "../http/security";

const ASSETS: Record<string, { file: string; type: string }> = {
  "triage.css": { file: path.join(__dirname, "..", "assets", "triage.css"), type: "text/css; charset=utf-8" },
  "insight.js": { file: path.join(__dirname, "..", "assets", "insight.js"), type: "text/javascript; charset=utf-8" },
  "chart.umd.min.js": {
    file: path.join(path.dirname(require.resolve("chart.js")), "chart.umd.min.js"),
    type: "text/javascript; charset=utf-8",
  },
};

const cache = new Map<string, Buffer>();

export function registerAssetRoutes(server: Server): void {
  server.get("/triage/assets/:name", async (req: Request, res: Response) => {
    applySecurityHeaders(res);
    const name = String((req.params as { name?: string }).name ?? "");
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!asset) {
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      return void res.sendRaw(404, "");
    }
    let body = cache.get(name);
    if (!body) {
      body = fs.readFileSync(asset.file);
      cache.set(name, body);
    }
    res.setHeader("Content-Type", asset.type);
    res.setHeader("Cache-Control", "public, max-age=3600");
    res.sendRaw(200, body);
  });
}
