// The suite-wide log check (scripts/check-test-logs.ts, run by CI after the whole suite) finds what it must: a
// planted folder of logs holding a seeded password, a secret answer, a child's OEN, full name and address, and
// secret fields pino did not censor — and says nothing of clean lines (error codes, redacted fields, names of
// schools). The logger helper of the tests writes where the check reads.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { forbiddenStrings, scanTestLogs } from "../../scripts/check-test-logs";

function planted(lines: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-logcheck-"));
  fs.writeFileSync(path.join(dir, "jest-1.log"), lines.join("\n") + "\n");
  fs.writeFileSync(path.join(dir, "notes.txt"), "Portail-Demo-2026"); // not a log: not read
  return dir;
}

describe("the suite-wide log check", () => {
  it("knows the demo's passwords, secret answers and children's records", () => {
    const values = forbiddenStrings().map((f) => f.value);
    for (const v of ["Portail-Demo-2026", "Personnel-Demo-2026", "Tintin", "Biscuit", "312450781", "Léa Tremblay", "2017-03-14"])
      expect(values).toContain(v);
  });

  it("finds each planted leak, on its line, and nothing in clean lines", () => {
    const dir = planted([
      '{"level":30,"component":"accounts","code":"accounts.code_locked","msg":"refused"}',
      '{"level":30,"component":"smtp","err":{"code":"ECONNREFUSED"},"msg":"retry"}',
      '{"level":30,"component":"bot","err":{"code":"ConversationNotFound"},"msg":"proactive send refused"}',
      '{"level":30,"password":"[redacted]","code":"[redacted]","msg":"fine"}',
      '{"level":30,"msg":"EEP Jeanne-Sauvé queue"}',
      '{"level":30,"msg":"the parent typed Portail-Demo-2026"}',
      '{"level":30,"msg":"answer tintin"}',
      '{"level":30,"student":"[redacted]","oen":"312450781"}',
      '{"level":30,"msg":"LÉA TREMBLAY, 2445 boulevard Saint-Joseph"}',
      '{"level":30,"code":"123456","msg":"chat code"}',
      '{"level":30,"nested":{"password":"Secret-2026"}}',
      '{"level":30,"msg":"factory Motdepasse12a1"}',
    ]);
    const { files, lines, findings } = scanTestLogs(dir);
    expect([files, lines]).toEqual([1, 12]);
    expect(findings.map((f) => f.line)).toEqual([6, 7, 8, 9, 9, 10, 11, 12]);
    expect(findings.map((f) => f.what)).toEqual([
      "the demo password of marie.tremblay@exemple.ca",
      "the secret answer of marie.tremblay@exemple.ca",
      "the OEN of student s-1001",
      "the name of student s-1001",
      "the address of student s-1001",
      'an unredacted secret field: "code":"123456"',
      'an unredacted secret field: "password":"S',
      "a factory account's password",
    ]);
  });
});
