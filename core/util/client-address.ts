// The client's address as rate limits and sign-in throttles key on it. Behind a reverse proxy every peer is
// the proxy (nginx: 127.0.0.1), so its X-Forwarded-For is read — but only when the peer is one of
// TRUSTED_PROXIES, and from the right: each trusted proxy appends the address it saw, so the right-most
// address that is not a trusted proxy is the client; whatever a client wrote itself stays to its left, unread.
import net from "node:net";
import type { Config } from "../config";

const lists = new WeakMap<readonly string[], net.BlockList>();

function blockListOf(trusted: readonly string[]): net.BlockList {
  let list = lists.get(trusted);
  if (list) return list;
  list = new net.BlockList();
  for (const entry of trusted) {
    const [address, bits] = entry.split("/");
    const family = net.isIP(address) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  lists.set(trusted, list);
  return list;
}

/** `::ffff:10.0.0.1` → `10.0.0.1`; "" when not an address. */
function plain(address: string | undefined): string {
  const a = (address ?? "").trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return net.isIP(a) ? a : "";
}

function isTrusted(list: net.BlockList, address: string): boolean {
  return list.check(address, net.isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * `peer`: the socket's remote address; `forwardedFor`: the X-Forwarded-For header(s). An entry that is not an
 * address (a trusted proxy would never write one) ends the walk at the last trusted hop.
 */
export function resolveClientAddress(
  config: Pick<Config, "TRUSTED_PROXIES">,
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
): string {
  let client = plain(peer);
  if (!client) return "unknown";
  const list = blockListOf(config.TRUSTED_PROXIES);
  if (!isTrusted(list, client)) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",");
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = plain(hops[i]);
    if (!hop) break;
    client = hop;
    if (!isTrusted(list, hop)) break;
  }
  return client;
}
