// Debian's nginx in front of test instances, from the shipped site file deploy/nginx/aide-portail.conf with
// its ports rewritten: a main configuration generated into a temp dir (pid, logs, temp paths there),
// `nginx -c FILE -p DIR -e LOG` with `daemon off` as a child process of the test.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const NGINX_BIN = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => fs.existsSync(p)) ?? null;
export const SITE_CONF = path.resolve(__dirname, "../../deploy/nginx/aide-portail.conf");

export interface Nginx {
  url: string;
  dir: string;
  stop(): Promise<void>;
}

/** The shipped site with its upstream servers and listen address replaced; `extra` is added inside server {}. */
export function siteFor(upstreamPorts: number[], listenPort: number, extra = ""): string {
  const site = fs.readFileSync(SITE_CONF, "utf8");
  const servers = upstreamPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join("\n");
  const out = site
    .replace(/( {4}server 127\.0\.0\.1:\d+[^\n]*\n)+/, `${servers}\n`)
    .replace(/^ +listen 80;/m, `    listen 127.0.0.1:${listenPort};`)
    .replace(/^ +server_name [^;]+;/m, (m) => `${m}\n${extra}`);
  if (!out.includes(`listen 127.0.0.1:${listenPort};`) || !out.includes(`127.0.0.1:${upstreamPorts[0]}`)) {
    throw new Error("deploy/nginx/aide-portail.conf no longer has the shape this helper rewrites");
  }
  return out;
}

function waitForPort(port: number, ms: number, child: ChildProcess, log: () => string): Promise<void> {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`nginx exited with ${child.exitCode}: ${log()}`));
      const s = net.connect({ host: "127.0.0.1", port });
      s.once("connect", () => {
        s.destroy();
        resolve();
      });
      s.once("error", () => {
        s.destroy();
        if (Date.now() > end) reject(new Error(`nginx not listening on ${port}: ${log()}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

export async function startNginx(opts: {
  upstreamPorts: number[];
  port: number;
  extra?: string;
  workerConnections?: number;
}): Promise<Nginx> {
  if (!NGINX_BIN) throw new Error("nginx is not installed (apt-get install -y nginx)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-nginx-"));
  fs.chmodSync(dir, 0o755);
  for (const d of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) {
    fs.mkdirSync(path.join(dir, d));
    fs.chmodSync(path.join(dir, d), 0o777); // the workers run as nobody when the test runs as root
  }
  fs.writeFileSync(path.join(dir, "site.conf"), siteFor(opts.upstreamPorts, opts.port, opts.extra));
  const main = `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections ${opts.workerConnections ?? 512}; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`;
  const conf = path.join(dir, "nginx.conf");
  fs.writeFileSync(conf, main);
  const args = ["-c", conf, "-p", dir, "-e", path.join(dir, "error.log")];
  const check = spawnSync(NGINX_BIN, [...args, "-t"], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx -t refused the configuration:\n${check.stderr}`);
  const child = spawn(NGINX_BIN, args, { stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr!.on("data", (d) => (err += d));
  const log = () => err + (fs.existsSync(path.join(dir, "error.log")) ? fs.readFileSync(path.join(dir, "error.log"), "utf8") : "");
  await waitForPort(opts.port, 10_000, child, log);
  return {
    url: `http://127.0.0.1:${opts.port}`,
    dir,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((r) => child.once("exit", () => r()));
      child.kill("SIGQUIT"); // graceful: finish the requests under way
      await exited;
    },
  };
}
