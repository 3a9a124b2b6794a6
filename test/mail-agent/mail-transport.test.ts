// The embedded outbox's .eml files carry temporary passwords, chat codes and validation links: each is written
// readable by its owner only (0600, like DATA_DIR/secret.key), in a folder only its owner can enter, including
// when a retry overwrites a file left with a wider mode.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ClaimedEmail } from "../../core";
import { emlFileName, fileTransport } from "../../mail-agent/outbox/mail-transport";

function email(messageId: string): ClaimedEmail {
  return {
    id: "e1",
    messageId,
    fromAddress: "portail.parents@cepeo.on.ca",
    toAddress: "marie.tremblay@exemple.ca",
    subject: "Votre mot de passe temporaire",
    text: "Mot de passe temporaire : Xk7-pQ2-vR9",
    html: null,
    headers: {},
    attempts: 0,
    leaseUntil: new Date(Date.now() + 60_000),
  };
}

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe("the .eml file transport", () => {
  const previousUmask = process.umask(0o022); // the usual umask, which alone would give 0644
  afterAll(() => process.umask(previousUmask));

  it("writes each email as a file readable by its owner only, in a 0700 folder", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ap-eml-")), "outbox");
    const transport = fileTransport(dir);
    await transport.send(email("<a1@aide-portail>"));
    const file = path.join(dir, emlFileName("<a1@aide-portail>"));
    expect(fs.readFileSync(file, "utf8")).toContain("Xk7-pQ2-vR9");
    expect(mode(file)).toBe(0o600);
    expect(mode(dir)).toBe(0o700);
    expect(fs.readdirSync(dir)).toEqual([emlFileName("<a1@aide-portail>")]); // no .tmp left behind
  });

  it("a retry over a file (or a leftover .tmp) with a wider mode leaves it 0600", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-eml-"));
    const file = path.join(dir, emlFileName("<a2@aide-portail>"));
    fs.writeFileSync(file, "old", { mode: 0o644 });
    fs.writeFileSync(`${file}.tmp`, "half", { mode: 0o666 });
    await fileTransport(dir).send(email("<a2@aide-portail>"));
    expect(mode(file)).toBe(0o600);
    expect(fs.readFileSync(file, "utf8")).toContain("Xk7-pQ2-vR9");
  });
});
