// A generator of hostile MIME messages (the held-out public corpus's kinds, made here): broken boundaries,
// bad charsets, huge headers, 5 MB bodies, deeply nested multiparts, NUL bytes, invalid base64 and
// quoted-printable, missing headers, 8-bit headers, duplicate Message-IDs, zip-bomb-like attachments and
// more, and header injection. Deterministic (seeded), so a failure names a message that can be generated again.
// `light` keeps one of each heavy kind (5 MB bodies, megabyte headers, 1000-deep nesting, zip bombs), so that
// many seeds together make thousands of messages in bounded time (test/production/abuse/malformed-mail).
import zlib from "node:zlib";

export interface HostileMessage {
  name: string;
  raw: Buffer;
}

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CRLF = "\r\n";
const WORDS = ["Bonjour", "mot de passe", "portail", "bulletin", "mon fils", "Léa", "école", "absence", "compte", "merci", "ça", "été"];

/** A header value carrying CR/LF in every disguise, each trying to smuggle a Bcc or a second body. */
export const INJECTED_ADDRESS = "victime.injection@evil.example";

export function generateHostileMessages(seed = 20261201, opts: { light?: boolean } = {}): HostileMessage[] {
  const rnd = prng(seed);
  const heavy = (n: number) => (opts.light ? Math.min(n, 1) : n);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const int = (n: number) => Math.floor(rnd() * n);
  const sentence = () => Array.from({ length: 4 + int(12) }, () => pick(WORDS)).join(" ");
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  let n = 0;
  const head = (extra: string[] = [], opts: { from?: boolean; id?: string | null } = {}) =>
    [
      ...(opts.from === false ? [] : [`From: Parent ${n} <hostile${n}@exemple.ca>`]),
      "To: portail.famille@cepeo.on.ca",
      `Subject: ${sentence()}`,
      ...(opts.id === null ? [] : [`Message-ID: ${opts.id ?? `<hostile-${seed}-${n}@exemple.ca>`}`]),
      ...extra,
    ].join(CRLF);
  const out: HostileMessage[] = [];
  const add = (name: string, raw: string | Buffer) => {
    out.push({ name: `${String(++n).padStart(3, "0")}-${name}`, raw: Buffer.isBuffer(raw) ? raw : Buffer.from(raw, "utf8") });
  };
  const nested = (depth: number, leaf: string): string => {
    let body = `Content-Type: text/plain; charset=utf-8${CRLF}${CRLF}${leaf}${CRLF}`;
    for (let d = depth; d > 0; d--) {
      const b = `b${d}x${int(1e6)}`;
      body = `Content-Type: multipart/mixed; boundary="${b}"${CRLF}${CRLF}--${b}${CRLF}${body}--${b}--${CRLF}`;
    }
    return body;
  };

  for (let i = 0; i < 20; i++) {
    const b = `bnd${i}`;
    const variants = [
      `Content-Type: multipart/mixed; boundary="${b}"${CRLF}${CRLF}--${b}${CRLF}Content-Type: text/plain${CRLF}${CRLF}${sentence()}${CRLF}`, // never closed
      `Content-Type: multipart/mixed; boundary="${b}"${CRLF}${CRLF}${sentence()}${CRLF}`, // boundary never used
      `Content-Type: multipart/alternative; boundary="${b}"${CRLF}${CRLF}--other${CRLF}${CRLF}${sentence()}${CRLF}--other--`, // another one
      `Content-Type: multipart/mixed${CRLF}${CRLF}--x${CRLF}${CRLF}${sentence()}`, // no boundary parameter
      `Content-Type: multipart/mixed; boundary=""${CRLF}${CRLF}--${CRLF}${CRLF}${sentence()}${CRLF}----`,
      `Content-Type: multipart/mixed; boundary="${b}"${CRLF}${CRLF}--${b}--${CRLF}--${b}${CRLF}${CRLF}${sentence()}`, // closed, then reopened
    ];
    add("broken-boundary", `${head()}${CRLF}MIME-Version: 1.0${CRLF}${variants[i % variants.length]}`);
  }
  for (let i = 0; i < 24; i++) {
    const cs = pick([
      "x-unknown-42",
      "utf-7",
      "iso-2022-jp",
      "utf-16",
      "ucs-4",
      '"utf-8',
      "utf8'';",
      "windows-9999",
      "",
      "koi8-r",
      "big5",
      "gb18030",
    ]);
    const body = i % 2 ? bytes(200 + int(2000)) : Buffer.from(sentence(), "utf16le");
    add("bad-charset", Buffer.concat([Buffer.from(`${head()}${CRLF}Content-Type: text/plain; charset=${cs}${CRLF}${CRLF}`), body]));
  }
  for (let i = 0; i < (opts.light ? 6 : 12); i++) {
    const kind = opts.light ? (i + seed) % 6 : i % 6;
    if (opts.light && (kind === 0 || kind === 2) && i > 0) continue; // one megabyte-sized header per light set
    const extra =
      kind === 0
        ? [`X-Huge: ${"a".repeat(1_000_000)}`] // one unfolded 1 MB line
        : kind === 1
          ? Array.from({ length: 5000 }, (_, k) => `Received: from relay${k}.exemple.ca by mx.exemple.ca`)
          : kind === 2
            ? Array.from({ length: 10000 }, (_, k) => `X-H${k}: ${sentence()}`)
            : kind === 3
              ? [`To: ${Array.from({ length: 10000 }, (_, k) => `p${k}@exemple.ca`).join(", ")}`]
              : kind === 4
                ? [`References: ${Array.from({ length: 5000 }, (_, k) => `<r${k}@exemple.ca>`).join(" ")}`]
                : [`Subject: ${"=?utf-8?B?w6k=?= ".repeat(40000)}`];
    add("huge-headers", `${head(extra)}${CRLF}${CRLF}${sentence()}`);
  }
  for (let i = 0; i < heavy(4); i++) {
    const big =
      i % 2
        ? Buffer.alloc(5 * 1024 * 1024, "é")
            .toString("base64")
            .replace(/.{76}/g, `$&${CRLF}`)
        : "x ".repeat(2_600_000);
    const cte = i % 2 ? "base64" : "8bit";
    add("5mb-body", `${head()}${CRLF}Content-Type: text/plain; charset=utf-8${CRLF}Content-Transfer-Encoding: ${cte}${CRLF}${CRLF}${big}`);
  }
  for (const depth of opts.light ? [20, 50 + (seed % 150)] : [20, 50, 100, 200, 400, 1000])
    add(`nested-${depth}`, `${head()}${CRLF}MIME-Version: 1.0${CRLF}${nested(depth, sentence())}`);
  for (let i = 0; i < 20; i++) {
    const where = i % 4;
    const nul = "\u0000";
    const raw =
      where === 0
        ? `${head()}${CRLF}${CRLF}${sentence()}${nul}${sentence()}${nul.repeat(100)}`
        : where === 1
          ? `${head([`X-Nul: a${nul}b`])}${CRLF}Subject: mot${nul}de passe${CRLF}${CRLF}${sentence()}`
          : where === 2
            ? `From: par${nul}ent@exemple.ca${CRLF}Message-ID: <nul-${i}${nul}@x>${CRLF}${CRLF}${sentence()}`
            : `${nul.repeat(1000)}${CRLF}${CRLF}${sentence()}`;
    add("nul-bytes", raw);
  }
  for (let i = 0; i < 24; i++) {
    const bad = pick(["!!!@@@###", "SGVsbG8=====SGVsbG8", "A", "=", "w6k", "%%%%", "SGVsbG8\u0000d29ybGQ=", "===="]);
    const qp = pick(["=ZZ=", "=\r\n=\r\n=", "caf=E9=", "=C3", "=3D=3", "a=\r", "=0D=0A=00"]);
    add(
      i % 2 ? "invalid-base64" : "invalid-qp",
      i % 2
        ? `${head()}${CRLF}Content-Type: text/plain; charset=utf-8${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}${bad.repeat(1 + int(50))}`
        : `${head()}${CRLF}Content-Type: text/plain; charset=iso-8859-1${CRLF}Content-Transfer-Encoding: quoted-printable${CRLF}${CRLF}${sentence()} ${qp.repeat(1 + int(50))}`,
    );
  }
  const missing = [
    "",
    CRLF,
    `${CRLF}${CRLF}`,
    "Bonjour sans en-tête",
    `Subject: seul${CRLF}`,
    `From:${CRLF}${CRLF}x`,
    `From: <>${CRLF}${CRLF}x`,
    `From: "" <@>${CRLF}${CRLF}x`,
  ];
  for (const m of missing) add("missing-headers", m);
  for (let i = 0; i < 16; i++) {
    add("missing-headers", `${head([], { from: i % 2 === 0, id: i % 3 ? null : undefined })}${CRLF}${CRLF}${sentence()}`);
  }
  for (let i = 0; i < 24; i++) {
    const enc = i % 2 ? "latin1" : "utf8";
    add(
      "8bit-headers",
      Buffer.concat([
        Buffer.from(`From: `),
        Buffer.from(`Hélène Gagné <hel${i}@exemple.ca>`, enc),
        Buffer.from(`${CRLF}To: portail.famille@cepeo.on.ca${CRLF}Subject: `),
        Buffer.from(`Problème d'accès — ${sentence()}`, enc),
        Buffer.from(`${CRLF}Message-ID: <8bit-${i}@exemple.ca>${CRLF}${CRLF}`),
        i % 3 === 0 ? bytes(300) : Buffer.from(sentence(), enc),
      ]),
    );
  }
  for (let i = 0; i < 12; i++) {
    // The same Message-ID for another content (a new email), the same email twice (a duplicate), two headers.
    add("duplicate-message-id", `${head([], { id: "<toujours-le-meme@exemple.ca>" })}${CRLF}${CRLF}${sentence()} ${i}`);
    if (i % 3 === 0) out.push({ name: `${out[out.length - 1].name}-again`, raw: out[out.length - 1].raw });
    add("two-message-ids", `${head([`Message-ID: <second-${i}@exemple.ca>`])}${CRLF}${CRLF}${sentence()}`);
  }
  const bomb = zlib.gzipSync(Buffer.alloc(30 * 1024 * 1024)); // 30 MB of zeros in ~30 KB
  for (let i = 0; i < heavy(6); i++) {
    const b = `zip${i}`;
    const type = pick(["application/zip", "application/gzip", "application/octet-stream", "message/rfc822", "text/plain"]);
    add(
      "zip-bomb-like",
      `${head()}${CRLF}MIME-Version: 1.0${CRLF}Content-Type: multipart/mixed; boundary="${b}"${CRLF}${CRLF}--${b}${CRLF}Content-Type: text/plain${CRLF}${CRLF}${sentence()}${CRLF}--${b}${CRLF}Content-Type: ${type}; name="bulletin.zip"${CRLF}Content-Transfer-Encoding: base64${CRLF}Content-Encoding: gzip${CRLF}${CRLF}${bomb.toString("base64").replace(/.{76}/g, `$&${CRLF}`)}${CRLF}--${b}--`,
    );
  }
  for (let i = 0; i < 10; i++) {
    // Forwarded messages inside forwarded messages, some of them garbage.
    let inner = `${head()}${CRLF}${CRLF}${sentence()}`;
    for (let d = 0; d < 5 + i * 3; d++)
      inner = `${head()}${CRLF}Content-Type: message/rfc822${CRLF}${CRLF}${d % 4 === 3 ? bytes(50).toString("latin1") : ""}${inner}`;
    add("nested-rfc822", inner);
  }
  for (let i = 0; i < 24; i++) {
    const k = i % 8;
    const raw = [
      `${head()}\n\n${sentence()}`.replace(/\r\n/g, "\n"), // bare LF
      `${head()}\r\r${sentence()}`.replace(/\r\n/g, "\r"), // bare CR
      `${head(["Subject: =?utf-8?B?!!!?= =?unknown?Q?caf=E9?= =?utf-8?X?abc?="])}${CRLF}${CRLF}${sentence()}`,
      `${head(["Content-Type: text/html"])}${CRLF}${CRLF}${"<div>".repeat(20000)}${sentence()}<script>x</script>`,
      `${head(["Date: not a date at all", "In-Reply-To: <<<<>>>>", "References: <a@b> <<c> d@e>"])}${CRLF}${CRLF}${sentence()}`,
      `${head(["Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes; " + "x=y; ".repeat(5000)])}${CRLF}${CRLF}${sentence()}`,
      `${head(["Content-Type: application/ms-tnef; name=winmail.dat", "Content-Transfer-Encoding: base64"])}${CRLF}${CRLF}${bytes(3000).toString("base64")}`,
      `${head(["Content-Type: multipart/report; report-type=delivery-status; boundary=r"])}${CRLF}${CRLF}--r${CRLF}Content-Type: message/delivery-status${CRLF}${CRLF}garbage${CRLF}--r`,
    ][k];
    add(["bare-lf", "bare-cr", "broken-encoded-words", "html-bomb", "bad-dates-and-ids", "huge-params", "tnef", "broken-report"][k], raw);
  }
  const injections = [
    `Subject: =?utf-8?Q?Bonjour=0D=0ABcc:_${INJECTED_ADDRESS}?=`,
    `Subject: =?utf-8?B?${Buffer.from(`Bulletin\r\nBcc: ${INJECTED_ADDRESS}\r\n\r\ncorps`).toString("base64")}?=`,
    `Reply-To: =?utf-8?Q?x=0D=0ABcc:?= <parent@exemple.ca>, ${INJECTED_ADDRESS}`,
    `Reply-To: "a\r\nBcc: ${INJECTED_ADDRESS}" <parent@exemple.ca>`,
    `References: <a@b>${CRLF}\tBcc: ${INJECTED_ADDRESS}`,
    `Message-ID: <x@y>%0D%0ABcc:${INJECTED_ADDRESS}`,
    `In-Reply-To: <AP-000001@exemple.ca>\r\nBcc: ${INJECTED_ADDRESS}`,
    `Content-Type: text/plain; charset="utf-8\r\nBcc: ${INJECTED_ADDRESS}"`,
  ];
  for (let i = 0; i < 16; i++) {
    const inj = injections[i % injections.length];
    const from =
      i % 2 ? `From: =?utf-8?Q?Parent=0D=0ABcc:_${INJECTED_ADDRESS}?= <inj${i}@exemple.ca>` : `From: Parent <inj${i}@exemple.ca>`;
    add(
      "header-injection",
      `${from}${CRLF}To: portail.famille@cepeo.on.ca${CRLF}${inj}${CRLF}Message-ID: <inj-${seed}-${i}@exemple.ca>${CRLF}${CRLF}${sentence()}`,
    );
  }
  while (out.length < 300) add("random-bytes", bytes(100 + int(5000)));
  return out;
}
