import { Writable } from "node:stream";
import { createLogger } from "../../core/logger";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { lines, log: createLogger({ level: "info", destination: stream }) };
}

describe("logger redaction", () => {
  it("never writes passwords, codes, answers, tokens or a child's record", () => {
    const { lines, log } = capture();
    log.info({ accountId: "a1", password: "Bky$2rbl", code: "493021", answer: "Le Petit Prince", token: "tok-123" }, "x");
    log.info({ req: { password: "hunter2", secretAnswer: "Rex" } }, "nested");
    log.info({ child: { givenName: "Léa", birthDate: "2015-03-02" }, oen: "123456789" }, "record");
    const out = lines.join("");
    for (const secret of ["Bky$2rbl", "493021", "Le Petit Prince", "tok-123", "hunter2", "Rex", "Léa", "2015-03-02", "123456789"]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('"accountId":"a1"');
    expect(out.match(/\[redacted\]/g)!.length).toBeGreaterThanOrEqual(8);
  });

  it("keeps an error's own code (what an operator searches for), never a secret code", () => {
    const { lines, log } = capture();
    const err = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:993"), { code: "ECONNREFUSED" });
    log.warn({ err, code: "EAUTH" }, "imap down");
    log.warn({ err: Object.assign(new Error("unique"), { code: "P2002" }) }, "db");
    log.warn({ code: "accounts.signin_locked" }, "locked");
    log.info({ code: "493021" }, "chat code");
    log.info({ code: "Zq3x_9kP-aB7cD8eF9gH0iJ1kL2mN3oP4qR5sT6uV7w" }, "set-password code");
    const out = lines.join("");
    for (const kept of ['"code":"ECONNREFUSED"', '"code":"EAUTH"', '"code":"P2002"', '"code":"accounts.signin_locked"'])
      expect(out).toContain(kept);
    expect(out).not.toContain("493021");
    expect(out).not.toContain("Zq3x_9kP");
  });
});
