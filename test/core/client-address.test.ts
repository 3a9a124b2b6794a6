// The client's address behind reverse proxies (core/util/client-address.ts): X-Forwarded-For is read only when
// the peer is a trusted proxy, from the right, stopping at the first address that is not a trusted proxy; and
// TRUSTED_PROXIES is validated like every other variable.
import { ConfigError, loadConfig, resolveClientAddress } from "../../core";

const loopback = { TRUSTED_PROXIES: ["127.0.0.1", "::1"] };

describe("resolveClientAddress", () => {
  it("takes the peer itself when it is not a trusted proxy, whatever the header says", () => {
    expect(resolveClientAddress(loopback, "203.0.113.9", "198.51.100.1")).toBe("203.0.113.9");
    expect(resolveClientAddress(loopback, "::ffff:203.0.113.9", undefined)).toBe("203.0.113.9");
  });

  it("behind a trusted proxy, takes the right-most address the proxy appended, not what the client wrote", () => {
    // nginx appends $remote_addr: a client that sent « X-Forwarded-For: 1.2.3.4 » arrives as « 1.2.3.4, 203.0.113.9 ».
    expect(resolveClientAddress(loopback, "127.0.0.1", "1.2.3.4, 203.0.113.9")).toBe("203.0.113.9");
    expect(resolveClientAddress(loopback, "::1", ["1.2.3.4", "203.0.113.9"])).toBe("203.0.113.9");
    expect(resolveClientAddress(loopback, "127.0.0.1", undefined)).toBe("127.0.0.1");
  });

  it("walks through every trusted hop of a chain (a load balancer's range in front of nginx)", () => {
    const chain = { TRUSTED_PROXIES: ["127.0.0.1", "10.0.0.0/8", "fd00::/8"] };
    expect(resolveClientAddress(chain, "127.0.0.1", "6.6.6.6, 203.0.113.9, 10.1.2.3")).toBe("203.0.113.9");
    expect(resolveClientAddress(chain, "127.0.0.1", "2001:db8::7, fd00::1")).toBe("2001:db8::7");
    // Every hop trusted: the left-most is the nearest thing to a client there is.
    expect(resolveClientAddress(chain, "127.0.0.1", "10.0.0.2, 10.0.0.1")).toBe("10.0.0.2");
  });

  it("stops at a hop that is not an address, and believes no header with TRUSTED_PROXIES=none", () => {
    expect(resolveClientAddress(loopback, "127.0.0.1", "203.0.113.9, not-an-ip")).toBe("127.0.0.1");
    expect(resolveClientAddress({ TRUSTED_PROXIES: [] }, "127.0.0.1", "203.0.113.9")).toBe("127.0.0.1");
    expect(resolveClientAddress(loopback, undefined, "203.0.113.9")).toBe("unknown");
  });
});

describe("TRUSTED_PROXIES", () => {
  it("defaults to loopback, reads addresses and ranges, and « none » empties it", () => {
    expect(loadConfig({}).TRUSTED_PROXIES).toEqual(["127.0.0.1", "::1"]);
    expect(loadConfig({ TRUSTED_PROXIES: " 10.0.0.0/8 , 127.0.0.1,fd00::/8" }).TRUSTED_PROXIES).toEqual([
      "10.0.0.0/8",
      "127.0.0.1",
      "fd00::/8",
    ]);
    expect(loadConfig({ TRUSTED_PROXIES: "none" }).TRUSTED_PROXIES).toEqual([]);
  });

  it("refuses an entry that is neither an address nor a range, naming the variable", () => {
    for (const bad of ["localhost", "10.0.0.0/33", "10.0.0.1/8/2", "nginx.local, 127.0.0.1"]) {
      let err: unknown;
      try {
        loadConfig({ TRUSTED_PROXIES: bad });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).issues.map((i) => [i.variable.split(".")[0], i.reason])).toContainEqual([
        "TRUSTED_PROXIES",
        "trusted_proxies",
      ]);
    }
  });
});
