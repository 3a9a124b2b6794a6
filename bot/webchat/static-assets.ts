// The page's static files — Microsoft's full Web Chat bundle (3.9 MB: the minimal one renders no Adaptive Cards)
// and our own script and stylesheet — served from this server under content-hashed URLs, compressed (brotli when
// ready, gzip otherwise) and cached for a year: a phone downloads Web Chat once, about 1 MB instead of 3.9.
// The compressed copies are made once, in the thread pool, and kept under the cache folder across restarts.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { Request, Response, Server } from "restify";
import type { Logger } from "../../core";

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

interface Asset {
  name: string;
  type: string;
  body: Buffer;
  etag: string;
  url: string;
  gzip: Promise<Buffer>;
  br: Buffer | null;
}

export interface StaticAssets {
  /** Content-hashed URLs for the page: webchat.js, page.js, page.css. */
  urls: Record<"webchat" | "script" | "style", string>;
  /** Resolves once every compressed copy (brotli included) exists. */
  ready: Promise<void>;
}

// The package exports only its main (lib/index.js): its dist/ folder sits beside it.
const WEBCHAT_BUNDLE = path.join(path.dirname(require.resolve("botframework-webchat")), "..", "dist", "webchat.js");
const ASSETS_DIR = path.join(__dirname, "assets");

async function cached(file: string, make: () => Promise<Buffer>): Promise<Buffer> {
  try {
    return await fs.promises.readFile(file);
  } catch {
    const data = await make();
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.promises.writeFile(tmp, data);
    await fs.promises.rename(tmp, file); // atomic: another instance never reads half a file
    return data;
  }
}

function load(name: string, file: string, type: string, cacheDir: string, log: Logger): { asset: Asset; br: Promise<void> } {
  const body = fs.readFileSync(file);
  const hash = crypto.createHash("sha256").update(body).digest("hex").slice(0, 12);
  const [base, ext] = [name.replace(/\.[^.]+$/, ""), path.extname(name)];
  const asset: Asset = {
    name,
    type,
    body,
    etag: `"${hash}"`,
    url: `/webchat/${base}.${hash}${ext}`,
    gzip: cached(path.join(cacheDir, `${base}.${hash}${ext}.gz`), () => gzip(body, { level: 9 })),
    br: null,
  };
  asset.gzip.catch((err) => log.error({ err, asset: name }, "gzip failed"));
  const br = cached(path.join(cacheDir, `${base}.${hash}${ext}.br`), () =>
    brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  )
    .then((b) => void (asset.br = b))
    .catch((err) => log.error({ err, asset: name }, "brotli failed (gzip is served)"));
  return { asset, br };
}

export function registerStaticAssets(server: Server, opts: { cacheDir: string; log: Logger }): StaticAssets {
  const loaded = [
    load("webchat.js", WEBCHAT_BUNDLE, "application/javascript; charset=utf-8", opts.cacheDir, opts.log),
    load("page.js", path.join(ASSETS_DIR, "webchat-page.js"), "application/javascript; charset=utf-8", opts.cacheDir, opts.log),
    load("page.css", path.join(ASSETS_DIR, "webchat-page.css"), "text/css; charset=utf-8", opts.cacheDir, opts.log),
  ];
  const byUrl = new Map(loaded.map(({ asset }) => [asset.url, asset]));

  server.get("/webchat/:file", async (req: Request, res: Response) => {
    const asset = byUrl.get(req.path());
    if (!asset) {
      res.sendRaw(404, "");
      return;
    }
    res.setHeader("Content-Type", asset.type);
    res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    res.setHeader("ETag", asset.etag);
    res.setHeader("Vary", "Accept-Encoding");
    res.setHeader("X-Content-Type-Options", "nosniff");
    if (req.headers["if-none-match"] === asset.etag) {
      res.sendRaw(304, "");
      return;
    }
    const accepts = String(req.headers["accept-encoding"] ?? "");
    if (asset.br && /\bbr\b/.test(accepts)) {
      res.setHeader("Content-Encoding", "br");
      res.sendRaw(200, asset.br);
    } else if (/\bgzip\b/.test(accepts)) {
      res.setHeader("Content-Encoding", "gzip");
      res.sendRaw(200, await asset.gzip);
    } else {
      res.sendRaw(200, asset.body);
    }
  });

  const [webchat, script, style] = loaded.map((l) => l.asset);
  return {
    urls: { webchat: webchat.url, script: script.url, style: style.url },
    ready: Promise.all(loaded.flatMap((l) => [l.asset.gzip.then(() => undefined), l.br])).then(() => undefined),
  };
}
