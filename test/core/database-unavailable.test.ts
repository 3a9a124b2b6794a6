// isDatabaseUnavailable: the errors seen when PostgreSQL restarts under a running system (the shapes below were
// read from Prisma 7 + @prisma/adapter-pg + node-postgres during test/production/faults/postgres-restart) are
// « the database is away »; an error about the request itself is not.
import { AppError, isDatabaseUnavailable } from "../../core";

const prismaError = (code: string, meta: unknown) => Object.assign(new Error("Invalid `prisma.$queryRaw()` invocation"), { code, meta });

describe("isDatabaseUnavailable", () => {
  it("recognises a server shut down, unreachable, or its connection cut", () => {
    // A fast shutdown: the running query's session is terminated (57P01), wrapped as P2010 by Prisma.
    const adminShutdown = prismaError("P2010", {
      driverAdapterError: { name: "DriverAdapterError", cause: { originalCode: "57P01", kind: "postgres", code: "57P01" } },
    });
    expect(isDatabaseUnavailable(adminShutdown)).toBe(true);
    // While it is down: P1001, the adapter's DatabaseNotReachable.
    expect(isDatabaseUnavailable(prismaError("P1001", { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } }))).toBe(true);
    // node-postgres alone (the mailbox lock's own connection).
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(
      isDatabaseUnavailable(new Error("wrapped", { cause: Object.assign(new Error("the database is starting up"), { code: "57P03" }) })),
    ).toBe(true);
    expect(isDatabaseUnavailable(new AppError("db.unreachable"))).toBe(true);
  });

  it("leaves alone what is about the request: a unique violation, a missing row, an app error, a plain bug", () => {
    expect(isDatabaseUnavailable(prismaError("P2002", { target: ["dedupeKey"] }))).toBe(false);
    expect(isDatabaseUnavailable(prismaError("P2025", {}))).toBe(false);
    expect(isDatabaseUnavailable(prismaError("P2010", { driverAdapterError: { cause: { originalCode: "23505", code: "23505" } } }))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(new AppError("directline.token_invalid"))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("a string")).toBe(false);
  });

  it("ends on a cause that points back at itself", () => {
    const e = new Error("loop") as Error & { cause?: unknown };
    e.cause = e;
    expect(isDatabaseUnavailable(e)).toBe(false);
  });
});
