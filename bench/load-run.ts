/**
 * The load run (issue 14), called by `npm run bench`: the documented deployment on loopback — a private
 * PostgreSQL (scratch database, `aide-portail db migrate`), two `aide-portail start` instances (each may read
 * the mailbox: the advisory lock lets one do it) behind Debian's nginx running deploy/nginx/aide-portail.conf,
 * Dovecot holding the help-desk mailbox, an SMTP sink — and, spread over LOAD_MINUTES (default 10):
 * 500 simulated parents chatting through Direct Line (bench/load-parent.ts: WebSocket, sign-in by emailed
 * code, schedule and attendance of their own child, password reset) and 2,000 emails appended to the mailbox.
 * Reports the errors (target 0: every non-2xx, every turn without an answer), p50/p95/p99 of the chat turn and
 * of email arrival → reply received by SMTP, and, from the database at the end, that every email became exactly
 * one ticket and got exactly one reply. Skipped without PostgreSQL, nginx or Dovecot. LOAD_PARENTS and
 * LOAD_EMAILS change the counts. Alone: `LOAD_MINUTES=2 npm run bench -- load-run`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { simpleParser } from "mailparser";
import { openDatabase } from "../core/db/database";
import { BIN, freePort, killLeftovers, logLines, startAidePortail, type StartedProcess } from "../test/helpers/aide-portail-process";
import { DOVECOT_BIN, connectTestImap, startDovecot } from "../test/helpers/dovecot";
import { parentEmail } from "../test/helpers/mail-fixtures";
import { NGINX_BIN, startNginx } from "../test/helpers/nginx";
import { createScratchPostgres } from "../test/helpers/scratch-postgres";
import { startSmtpSink } from "../test/helpers/smtp-sink";
import { runParent, type LoadParent, type LoadTally } from "./load-parent";
import { seedLoadFamilies } from "./load-families";

const MINUTES = Number(process.env.LOAD_MINUTES ?? 10);
const PARENTS = Number(process.env.LOAD_PARENTS ?? 500);
const EMAILS = Number(process.env.LOAD_EMAILS ?? 2000);
const POLL_S = 60;
const BOT = JSON.parse(fs.readFileSync(path.join(__dirname, "../templates/fr/bot.json"), "utf8")) as {
  errors: { turn: string };
  signIn: { askEmail: string };
};

const pct = (xs: number[], p: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : NaN;
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The value of one series in a /metrics text (0 when absent). */
const sample = (text: string, series: string) =>
  Number(
    text
      .split("\n")
      .find((l) => l.startsWith(`${series} `))
      ?.slice(series.length + 1) ?? 0,
  );

export async function run(): Promise<void> {
  const pg = process.env.DATABASE_URL;
  if (!pg || !NGINX_BIN || !DOVECOT_BIN)
    return void console.log("load run skipped: it needs PostgreSQL (DATABASE_URL), nginx and dovecot-imapd");
  const windowMs = MINUTES * 60_000;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "ap-load-"));
  const scratch = await createScratchPostgres(pg, "ap_load");
  const sink = await startSmtpSink();
  const dovecot = await startDovecot();
  const instances: StartedProcess[] = [];
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  try {
    const env = (name: string) => ({
      DATABASE_URL: scratch.url,
      APP_SECRET: "load-run-secret-0123456789abcdef-0123456789",
      SMTP_URL: sink.url,
      IMAP_HOST: "127.0.0.1",
      IMAP_PORT: String(dovecot.port),
      IMAP_USER: dovecot.user,
      IMAP_PASSWORD: dovecot.password,
      IMAP_SECURE: "false",
      DATA_DIR: path.join(root, name),
      LOG_LEVEL: "warn",
    });
    const migrate = spawnSync(process.execPath, [BIN, "db", "migrate"], {
      env: { ...process.env, NODE_OPTIONS: "", ...env("migrate") },
      encoding: "utf8",
    });
    if (migrate.status !== 0) throw new Error(`db migrate failed: ${migrate.stderr}`);
    const db = await openDatabase({ databaseUrl: scratch.url, poolSize: 4 });
    const families = await seedLoadFamilies(db.prisma, PARENTS);

    // Every mail the instances send: sign-in codes (read by the parents) and ticket replies (timed).
    const codes = new Map<string, { at: number; code: string }[]>();
    const replies = new Map<string, number[]>();
    sink.onMessage = (m) => {
      const at = performance.now();
      for (const to of m.to) if (to.startsWith("load.mail.")) replies.set(to, [...(replies.get(to) ?? []), at]);
      if (!m.to.some((to) => to.startsWith("parent.load."))) return; // only the parents read their mail
      void simpleParser(m.raw).then((parsed) => {
        const code = /\b(\d{3}) ?(\d{3})\b/.exec(parsed.text ?? "");
        if (code && /code/i.test(parsed.subject ?? ""))
          for (const to of m.to) codes.set(to, [...(codes.get(to) ?? []), { at, code: code[1] + code[2] }]);
      });
    };

    instances.push(...(await Promise.all([startAidePortail(env("a")), startAidePortail(env("b"))])));
    nginx = await startNginx({ upstreamPorts: instances.map((i) => i.port), port: await freePort(), workerConnections: 4096 });
    const imap = await connectTestImap(dovecot);
    imap.on("error", () => undefined); // an idle socket timing out after the last APPEND is no failure of the run

    const tally: LoadTally = { turns: [], httpErrors: new Map(), unanswered: 0, errorReplies: 0, other: new Map() };
    const parents: LoadParent[] = families.map((f, i) => ({
      email: f.email,
      child: f.child,
      secretAnswer: i % 3 === 0 ? f.secretAnswer : null,
      localAddress: `127.10.${Math.floor(i / 250)}.${(i % 250) + 1}`,
    }));
    const target = {
      url: nginx.url,
      codeFor: (email: string, since: number) => (codes.get(email) ?? []).filter((c) => c.at >= since).at(-1)?.code ?? null,
      texts: { turnError: BOT.errors.turn, askEmail: BOT.signIn.askEmail },
      thinkMs: () => 1000 + Math.random() * 3000,
      turnTimeoutMs: 30_000,
    };
    const loadBefore = os.loadavg()[0];
    const t0 = performance.now();
    // Parents arrive uniformly over the first 80 % of the window; emails over its first 90 %.
    const chats = Promise.all(
      parents.map(async (p, i) => {
        await sleep((i / PARENTS) * windowMs * 0.8);
        await runParent(p, target, tally).catch(() => tally.other.set("parent crashed", (tally.other.get("parent crashed") ?? 0) + 1));
      }),
    );
    const appended = new Map<string, { to: string; at: number; wall: number }>();
    const mails = (async () => {
      for (let i = 0; i < EMAILS; i++) {
        const due = t0 + (i / EMAILS) * windowMs * 0.9;
        if (due > performance.now()) await sleep(due - performance.now());
        const from = `load.mail.${i}@exemple.ca`;
        const mail = parentEmail({ from, subject: `Question ${i}`, body: BODIES[i % BODIES.length] });
        const at = performance.now();
        const wall = Date.now();
        await imap.append("INBOX", mail.raw);
        appended.set(mail.messageId, { to: from, at, wall });
      }
    })();
    await mails;
    await imap.logout().catch(() => undefined);
    await chats;
    const loadSeconds = (performance.now() - t0) / 1000;
    const loadAfter = os.loadavg()[0];
    // The last emails' replies: until every one has come, or two minutes without news.
    for (let last = replies.size, quiet = performance.now(); replies.size < EMAILS && performance.now() - quiet < 120_000;) {
      await sleep(500);
      if (replies.size !== last) [last, quiet] = [replies.size, performance.now()];
    }
    await sleep(3000); // a double reply, should there be one, has time to show

    const mailLatency: number[] = [];
    let missing = 0;
    let doubled = 0;
    for (const { to, at } of appended.values()) {
      const got = replies.get(to) ?? [];
      if (!got.length) missing++;
      else mailLatency.push((got[0] - at) / 1000);
      if (got.length > 1) doubled++;
    }
    // From the database: each appended Message-ID → exactly one inbound row, with one ticket of its own.
    const ids = [...appended.keys()];
    const rows = await db.prisma.inboundEmail.findMany({
      where: { messageId: { in: [...ids, ...ids.map((m) => m.replace(/^<|>$/g, ""))] } },
      select: { messageId: true, ticketId: true, action: true, replyOutboxId: true },
    });
    // Where an email's time goes: APPEND → its reply queued (the intake committed the ticket) → sent by SMTP.
    const outbox = await db.prisma.outboxMessage.findMany({
      where: { id: { in: rows.map((r) => r.replyOutboxId).filter((x): x is string => !!x) } },
      select: { id: true, createdAt: true, sentAt: true },
    });
    const queuedAt = new Map(outbox.map((o) => [o.id, o]));
    const intake: number[] = [];
    const delivery: number[] = [];
    for (const r of rows) {
      const o = r.replyOutboxId ? queuedAt.get(r.replyOutboxId) : undefined;
      const a = appended.get(r.messageId!) ?? appended.get(`<${r.messageId}>`);
      if (!o || !a) continue;
      intake.push((o.createdAt.getTime() - a.wall) / 1000);
      if (o.sentAt) delivery.push((o.sentAt.getTime() - o.createdAt.getTime()) / 1000);
    }
    const codeMails = await db.prisma.outboxMessage.findMany({
      where: { template: "accounts:email.chatCode", sentAt: { not: null } },
      select: { createdAt: true, sentAt: true },
    });
    const codeDelivery = codeMails.map((c) => (c.sentAt!.getTime() - c.createdAt.getTime()) / 1000);
    const sent = await db.prisma.outboxMessage.aggregate({
      where: { status: "SENT" },
      _count: { _all: true },
      _min: { sentAt: true },
      _max: { sentAt: true },
    });
    const sendSeconds = (sent._max.sentAt!.getTime() - sent._min.sentAt!.getTime()) / 1000;
    const perId = new Map<string, typeof rows>();
    for (const r of rows) perId.set(r.messageId!.replace(/^<|>$/g, ""), [...(perId.get(r.messageId!.replace(/^<|>$/g, "")) ?? []), r]);
    const bare = ids.map((m) => m.replace(/^<|>$/g, ""));
    const withoutTicket = bare.filter((m) => !(perId.get(m) ?? []).some((r) => r.ticketId)).length;
    const twice = bare.filter((m) => (perId.get(m) ?? []).length > 1).length;
    const ticketIds = new Set(rows.map((r) => r.ticketId).filter(Boolean));
    const emailTickets = await db.prisma.ticket.count({ where: { channel: "EMAIL" } });
    // What the instances logged as errors (the first line of each distinct message, with its count).
    const logged = new Map<string, number>();
    for (const i of instances)
      for (const l of logLines(i.output()))
        if (Number(l.level) >= 50) {
          const err = (l.err as { message?: string } | undefined)?.message?.split("\n")[0].slice(0, 140) ?? "";
          const key = `${String(l.msg)}${err ? `: ${err}` : ""}`;
          logged.set(key, (logged.get(key) ?? 0) + 1);
        }
    const metrics = await Promise.all(instances.map(async (i) => (await fetch(`${i.url}/metrics`)).text()));
    const pushes = (trigger: string) =>
      metrics.reduce((n, m) => n + sample(m, `aide_portail_directline_stream_pushes_total{trigger="${trigger}"}`), 0);
    const mailTotal = metrics.reduce((n, m) => n + sample(m, 'aide_portail_mail_emails_total{action="TICKET"}'), 0);
    await db.close();

    const httpErrors = sum(tally.httpErrors);
    const errors = httpErrors + tally.unanswered + tally.errorReplies + sum(tally.other) + missing + doubled + withoutTicket + twice;
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `two instances behind nginx on PostgreSQL, LOAD_MINUTES=${MINUTES} (${loadSeconds.toFixed(0)} s of load): ${PARENTS} parents, ${tally.turns.length} chat turns; ${EMAILS} emails; load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} at the end (${os.cpus().length} CPUs, everything else on the machine included)`,
    );
    console.log(
      `errors: ${errors} (target 0) — non-2xx ${httpErrors}${httpErrors ? ` ${JSON.stringify(Object.fromEntries(tally.httpErrors))}` : ""}, turns without an answer ${tally.unanswered}, error replies ${tally.errorReplies}, other ${sum(tally.other)}${sum(tally.other) ? ` ${JSON.stringify(Object.fromEntries(tally.other))}` : ""}, emails without a reply ${missing}, double replies ${doubled}, emails without a ticket ${withoutTicket}, emails stored twice ${twice}`,
    );
    console.log(
      `chat turn (POST → the bot's reply on the WebSocket, through nginx): p50 ${s(pct(tally.turns, 50))}, p95 ${s(pct(tally.turns, 95))}, p99 ${s(pct(tally.turns, 99))}`,
    );
    const p50 = pct(mailLatency, 50);
    console.log(
      `email APPEND → reply received by SMTP: p50 ${p50.toFixed(2)} s, p95 ${pct(mailLatency, 95).toFixed(2)} s, p99 ${pct(mailLatency, 99).toFixed(2)} s; a ${POLL_S} s poll: p50 ≥ ${POLL_S / 2} s → ratio ${(POLL_S / 2 / p50).toFixed(2)}× at p50`,
    );
    console.log(
      `  of which APPEND → reply queued (intake) p50 ${pct(intake, 50).toFixed(2)} s, p95 ${pct(intake, 95).toFixed(2)} s; queued → sent (outbox) p50 ${pct(delivery, 50).toFixed(2)} s, p95 ${pct(delivery, 95).toFixed(2)} s; outbox throughput ${(sent._count._all / sendSeconds).toFixed(1)} emails/s (${sent._count._all} sent: replies, school notices, sign-in codes, temporary passwords)`,
    );
    console.log(
      `sign-in codes: ${codeMails.length} sent, queued → sent p50 ${pct(codeDelivery, 50).toFixed(2)} s, p95 ${pct(codeDelivery, 95).toFixed(2)} s, max ${Math.max(...codeDelivery).toFixed(2)} s (a parent waits 30 s for one)`,
    );
    console.log(
      `tickets: ${EMAILS} emails → ${ticketIds.size} distinct tickets (${emailTickets} email tickets in the database, ${mailTotal} counted TICKET on /metrics), ${EMAILS - missing} replies`,
    );
    const top = [...logged].sort((a, b) => b[1] - a[1]).slice(0, 4);
    console.log(`errors logged by the instances: ${sum(logged)}${top.map(([k, n]) => `\n  ${n} × ${k}`).join("")}`);
    console.log(
      `WebSocket frames by what woke the stream: local ${pushes("local")}, peer (NOTIFY from the other instance) ${pushes("peer")}, poll ${pushes("poll")}, resync ${pushes("resync")}`,
    );
  } finally {
    await nginx?.stop();
    await Promise.all(instances.map((i) => i.stop()));
    killLeftovers();
    await sink.close();
    await dovecot.stop();
    await scratch.drop().catch(() => undefined);
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const BODIES = [
  "Bonjour, j'ai oublié mon mot de passe du portail, pouvez-vous m'aider?",
  "Bonjour, je ne vois pas le bulletin de mon fils dans le Portail Famille. Merci.",
  "Hello, I cannot sign in to the Parent Portal since yesterday. Can you help?",
  "Bonjour, comment puis-je motiver l'absence de ma fille demain matin?",
  "Bonjour, je n'ai jamais reçu le courriel de validation de mon compte.",
];
