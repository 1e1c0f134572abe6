import { describe, expect, it } from "vitest";
import {
  CLIENT_ADDRESS_HEADER,
  clientAddressOf,
  compileTrust,
  normalizeAddress,
  parseTrustedProxies,
  resolveClientAddress,
  sanitizeForwarding,
} from "@/lib/server/client-address";

const nobody = compileTrust(parseTrustedProxies(undefined));
const loopback = compileTrust(parseTrustedProxies("loopback"));

describe("the client's address", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("198.51.100.7", "203.0.113.9", nobody)).toBe("198.51.100.7");
    expect(resolveClientAddress("127.0.0.1", "203.0.113.9, 10.0.0.1", nobody)).toBe("127.0.0.1");
  });

  it("is the peer when the peer is not a trusted proxy, even if a hop behind it is", () => {
    expect(resolveClientAddress("198.51.100.7", "127.0.0.1", loopback)).toBe("198.51.100.7");
  });

  it("is the forwarded address when the peer is a trusted proxy", () => {
    expect(resolveClientAddress("127.0.0.1", "203.0.113.9", loopback)).toBe("203.0.113.9");
  });

  it("walks a chain from the right while the hops are trusted, and stops at the first that is not", () => {
    const trust = compileTrust(parseTrustedProxies("10.0.0.0/8, 127.0.0.1"));
    // client → 10.1.1.1 (trusted) → 127.0.0.1 (trusted): the client
    expect(resolveClientAddress("127.0.0.1", "203.0.113.9, 10.1.1.1", trust)).toBe("203.0.113.9");
    // A forged first entry does not help: the rightmost untrusted hop is the answer.
    expect(resolveClientAddress("127.0.0.1", "192.0.2.1, 203.0.113.9, 10.1.1.1", trust)).toBe("203.0.113.9");
    // An untrusted hop in the middle ends the walk there.
    expect(resolveClientAddress("127.0.0.1", "192.0.2.1, 198.51.100.5", trust)).toBe("198.51.100.5");
  });

  it("reads IPv6 and IPv4-mapped IPv6 peers", () => {
    expect(resolveClientAddress("::ffff:127.0.0.1", "203.0.113.9", nobody)).toBe("127.0.0.1");
    expect(resolveClientAddress("::ffff:127.0.0.1", "203.0.113.9", loopback)).toBe("203.0.113.9");
    expect(resolveClientAddress("::1", "2001:db8::5", loopback)).toBe("2001:db8::5");
    expect(resolveClientAddress("2001:db8::1", "203.0.113.9", compileTrust(parseTrustedProxies("2001:db8::/64")))).toBe("203.0.113.9");
    expect(resolveClientAddress("2001:db8:1::1", "203.0.113.9", compileTrust(parseTrustedProxies("2001:db8::/64")))).toBe("2001:db8:1::1");
    expect(normalizeAddress("::ffff:10.0.0.1")).toBe("10.0.0.1");
    expect(normalizeAddress("2001:db8::1")).toBe("2001:db8::1");
  });
});

describe("TRUSTED_PROXIES", () => {
  it("trusts nobody when unset or empty", () => {
    expect(parseTrustedProxies(undefined)).toEqual([]);
    expect(parseTrustedProxies(" , ")).toEqual([]);
  });

  it("takes IPs, CIDRs and proxy-addr's names, comma-separated", () => {
    expect(parseTrustedProxies("10.0.0.1, 172.16.0.0/12,loopback, ::1")).toEqual(["10.0.0.1", "172.16.0.0/12", "loopback", "::1"]);
  });

  it("names a malformed entry", () => {
    expect(() => parseTrustedProxies("10.0.0.1, proxy.example")).toThrow("TRUSTED_PROXIES 中的「proxy.example」");
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow("「10.0.0.0/33」");
  });
});

describe("the incoming request's headers", () => {
  const forged = () => ({
    host: "luoshi.example",
    "x-forwarded-for": "203.0.113.9",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
    "x-forwarded-port": "443",
    "x-real-ip": "203.0.113.10",
    [CLIENT_ADDRESS_HEADER]: "203.0.113.11",
  });

  it("lose every forwarding header and the client's own address header when the peer is not trusted", () => {
    const headers = forged();
    expect(sanitizeForwarding(headers, "127.0.0.1", nobody)).toBe("127.0.0.1");
    expect(headers).toEqual({ host: "luoshi.example", [CLIENT_ADDRESS_HEADER]: "127.0.0.1" });
  });

  it("keep the forwarding headers from a trusted proxy, with the resolved address beside them", () => {
    const headers = forged();
    expect(sanitizeForwarding(headers, "127.0.0.1", loopback)).toBe("203.0.113.9");
    expect(headers[CLIENT_ADDRESS_HEADER]).toBe("203.0.113.9");
    expect(headers["x-forwarded-host"]).toBe("evil.example");
    expect(headers["x-forwarded-for"]).toBe("203.0.113.9");
  });

  it("without a peer address (a closed socket) keep no forwarding header and no address", () => {
    const headers = forged();
    expect(sanitizeForwarding(headers, undefined, loopback)).toBe("");
    expect(headers).toEqual({ host: "luoshi.example" });
  });
});

describe("clientAddressOf", () => {
  it("reads the server's header from Headers or a plain object", () => {
    expect(clientAddressOf(new Headers({ [CLIENT_ADDRESS_HEADER]: "127.0.0.1", "x-forwarded-for": "203.0.113.9" }), true)).toBe("127.0.0.1");
    expect(clientAddressOf({ [CLIENT_ADDRESS_HEADER]: "10.0.0.5" }, true)).toBe("10.0.0.5");
  });

  it("never falls back to X-Forwarded-For or X-Real-IP", () => {
    expect(clientAddressOf(new Headers({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.9" }), true)).toBeNull();
  });

  it("believes nothing when the app does not run under the server that sets the header", () => {
    expect(clientAddressOf(new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9" }), false)).toBeNull();
  });
});
