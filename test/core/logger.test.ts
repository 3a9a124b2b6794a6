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
});
