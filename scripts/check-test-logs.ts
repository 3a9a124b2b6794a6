// After the whole test suite (CI: `.ci/run`), reads every log the suite wrote under AIDE_PORTAIL_TEST_LOG_DIR
// (test/helpers/test-logs.ts: each jest worker's contexts and in-process servers, each `aide-portail start`
// child) and fails when one line holds a seeded password, a secret answer, a child's record (OEN, full name,
// birth date, street address) or a secret field that escaped redaction (`"code":"123456"`, `"password":"…"`).
// Usage: npx tsx scripts/check-test-logs.ts [DIR]   (exit 1 and one line per finding; exit 2 when DIR has no log)
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

const ROOT = path.resolve(__dirname, "..");

export interface Finding {
  file: string;
  line: number;
  what: string;
}

function csv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(ROOT, "prisma/demo", file)), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
}

/** The seeded secrets and children's records, each with what to call it in a finding. */
export function forbiddenStrings(): { value: string; what: string }[] {
  const out: { value: string; what: string }[] = [];
  const add = (value: string | undefined, what: string) => {
    // Once each (every demo account shares one password): a leak is one finding, named by its first holder.
    if (value && value.trim().length >= 4 && !out.some((o) => o.value === value.trim())) out.push({ value: value.trim(), what });
  };
  for (const a of csv("accounts.csv")) {
    add(a.password, `the demo password of ${a.email}`);
    add(a.secretAnswer, `the secret answer of ${a.email}`);
  }
  for (const s of csv("staff.csv")) add(s.password, `the demo password of ${s.email}`);
  for (const u of csv("users.csv").filter((x) => x.role === "student"))
    add(`${u.givenName} ${u.familyName}`, `the name of student ${u.sourcedId}`);
  for (const s of csv("students.csv")) {
    add(s.oen, `the OEN of student ${s.sourcedId}`);
    add(s.streetAddress, `the address of student ${s.sourcedId}`);
  }
  for (const d of csv("demographics.csv")) add(d.birthDate, `the birth date of student ${d.sourcedId}`);
  // The test suite's own seeded secrets (test/helpers/triage-server.ts, test/factories/families.ts).
  add("Personnel-Test-2026", "the test staff password");
  add("Le Petit Prince", "the factories' secret answer");
  return out;
}

/**
 * A secret field pino should have censored ("[redacted]"); an error's own code (accounts.code_locked,
 * ECONNRESET, P2002, the Bot Framework's ConversationNotFound) is not one.
 */
const UNREDACTED =
  /"(password|newPassword|temporaryPassword|answer|secretAnswer|token|otp|authorization|cookie)":"(?!\[redacted\])[^"]|"code":"(?!\[redacted\])(?!(?:E[A-Z0-9_]{2,}|[A-Z][A-Z0-9_]{2,}|P\d{4}|[a-z]+\.[a-z][a-z0-9_]+|[A-Z][a-z]+(?:[A-Z][a-z]+)+)")[^"]*"/;
const FACTORY_PASSWORD = /Motdepasse\d+a1/;

export function scanTestLogs(dir: string): { files: number; lines: number; findings: Finding[] } {
  const forbidden = forbiddenStrings().map((f) => ({ ...f, folded: f.value.normalize("NFC").toLowerCase() }));
  const findings: Finding[] = [];
  let files = 0;
  let lines = 0;
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) {
    if (!name.endsWith(".log")) continue;
    files += 1;
    const text = fs.readFileSync(path.join(dir, name), "utf8").split("\n");
    text.forEach((raw, i) => {
      if (!raw) return;
      lines += 1;
      const line = raw.normalize("NFC").toLowerCase();
      for (const f of forbidden) if (line.includes(f.folded)) findings.push({ file: name, line: i + 1, what: f.what });
      if (UNREDACTED.test(raw)) findings.push({ file: name, line: i + 1, what: `an unredacted secret field: ${UNREDACTED.exec(raw)![0]}` });
      if (FACTORY_PASSWORD.test(raw)) findings.push({ file: name, line: i + 1, what: "a factory account's password" });
    });
  }
  return { files, lines, findings };
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? process.env.AIDE_PORTAIL_TEST_LOG_DIR ?? "");
  const { files, lines, findings } = scanTestLogs(dir);
  if (files === 0) {
    console.log(`no test log under ${dir}: was AIDE_PORTAIL_TEST_LOG_DIR set for the tests?`);
    process.exit(2);
  }
  for (const f of findings.slice(0, 200)) console.log(`${f.file}:${f.line}: ${f.what}`);
  console.log(`test logs: ${files} files, ${lines} lines, ${findings.length} findings`);
  process.exit(findings.length ? 1 : 0);
}
