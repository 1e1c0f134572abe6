import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A separate build folder lets a second build run beside the first (e.g. a CI check while developing).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Native and WebAssembly packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  experimental: {
    // An imported decomposition table may be a few megabytes (the importer's own limit is 5 MB).
    serverActions: { bodySizeLimit: "8mb" },
    // Report attachments may be up to 20 MB; the proxy would otherwise cut request bodies at 10 MB.
    proxyClientMaxBodySize: "21mb",
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  // Old addresses kept working for bookmarks: 需协调事项 moved from /leader/requests (see the glossary in lib/README.md).
  async redirects() {
    return [{ source: "/leader/requests", destination: "/leader/coordination", permanent: true }];
  },
};

export default nextConfig;
