/**
 * The client's address, and the forwarding headers, trusted only from configured proxies.
 *
 * The app runs under its own small server (scripts/server.ts), which sees the socket: it resolves the
 * client's address with `proxy-addr` against TRUSTED_PROXIES, always replaces CLIENT_ADDRESS_HEADER
 * with it, and removes the forwarding headers when the immediate peer is not a trusted proxy (Next.js
 * then fills them from the socket and Host). Everything in the app — sign-in, server actions, route
 * handlers and so the audit log — reads the address from that one header through `clientAddressOf`.
 * Pure: no I/O.
 */
import type { IncomingHttpHeaders } from "node:http";
import proxyaddr from "proxy-addr";

/** Set by the server only; whatever a client sends under this name is removed. */
export const CLIENT_ADDRESS_HEADER = "x-luoshi-client-address";

/** Headers a client could forge; kept only when they come from a trusted proxy. */
export const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"] as const;

/** Set by the server for the app it runs: only then is CLIENT_ADDRESS_HEADER the server's word. */
export const EDGE_SERVER_ENV = "LUOSHI_EDGE_SERVER";

export type TrustProxy = (address: string, hop: number) => boolean;

const NOBODY: TrustProxy = () => false;

/**
 * TRUSTED_PROXIES as proxy-addr reads it: comma-separated IPs and CIDRs (10.0.0.0/8, ::1) and the
 * names `loopback`, `linklocal`, `uniquelocal`. Empty or unset: no proxy is trusted.
 * Throws an error naming the malformed entry.
 */
export function parseTrustedProxies(value: string | undefined): string[] {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    try {
      proxyaddr.compile(entry);
    } catch {
      throw new Error(`TRUSTED_PROXIES 中的「${entry}」不是 IP 地址、CIDR 网段或 loopback / linklocal / uniquelocal`);
    }
  }
  return entries;
}

export function compileTrust(entries: string[]): TrustProxy {
  return entries.length === 0 ? NOBODY : proxyaddr.compile(entries);
}

/** `::ffff:127.0.0.1` → `127.0.0.1`; other addresses as they are. */
export function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/**
 * The client's address: the socket's peer, or — walking X-Forwarded-For from the right while each
 * hop is a trusted proxy — the first address that is not one.
 */
export function resolveClientAddress(peer: string, forwardedFor: string | undefined, trust: TrustProxy): string {
  const request = { socket: { remoteAddress: peer }, connection: { remoteAddress: peer }, headers: { "x-forwarded-for": forwardedFor ?? "" } };
  return normalizeAddress(proxyaddr(request as unknown as Parameters<typeof proxyaddr>[0], trust));
}

/**
 * Rewrites an incoming request's headers in place: CLIENT_ADDRESS_HEADER becomes the resolved
 * address; the forwarding headers are dropped unless the immediate peer is a trusted proxy.
 * Returns the resolved address.
 */
export function sanitizeForwarding(headers: IncomingHttpHeaders, peer: string | undefined, trust: TrustProxy): string {
  const socketAddress = peer ?? "";
  const forwardedFor = headers["x-forwarded-for"];
  const address = socketAddress ? resolveClientAddress(socketAddress, Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor, trust) : "";
  if (!socketAddress || !trust(socketAddress, 0)) {
    for (const name of FORWARDING_HEADERS) delete headers[name];
  }
  delete headers[CLIENT_ADDRESS_HEADER];
  if (address) headers[CLIENT_ADDRESS_HEADER] = address;
  return address;
}

type HeaderSource = Headers | Record<string, unknown> | undefined | null;

/**
 * The client's address for sign-in, actions, routes and the audit log: the header the server set,
 * or null when the app does not run under that server (then nothing a client sent is believed).
 */
export function clientAddressOf(headers: HeaderSource, runningUnderEdgeServer = process.env[EDGE_SERVER_ENV] === "1"): string | null {
  if (!runningUnderEdgeServer || !headers) return null;
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  return typeof value === "string" && value.trim() ? value.trim() : null;
}
