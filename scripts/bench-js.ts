/**
 * First-load JavaScript of the leader dashboards, from the production build (run `next build` first;
 * NEXT_DIST_DIR picks the build folder, default `.next`). What counts: the framework's root chunks
 * (build-manifest `rootMainFiles`) plus every chunk the route's client reference manifest lists for
 * its segments (root layout, app layout, error and not-found boundaries, the page) — the scripts a
 * browser loads on a first visit to the page. Sizes are gzip level 9 of each file, summed once.
 * The `nomodule` polyfills (not loaded by current browsers) are reported apart.
 *
 *   npx tsx scripts/bench-js.ts            (also run at the end of `npm run bench`)
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const ROUTES = ["/(app)/leader/page", "/(app)/dashboard/page", "/(app)/leader/digest/page"];

interface Measure {
  route: string;
  files: number;
  raw: number;
  gzip: number;
}

function entryFiles(dist: string, route: string): string[] {
  const file = path.join(dist, "server", "app", `${route}_client-reference-manifest.js`);
  const holder: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  // The manifest is a script assigning to globalThis.__RSC_MANIFEST: run it against a stand-in.
  new Function("globalThis", readFileSync(file, "utf8"))(holder);
  const manifest = holder.__RSC_MANIFEST?.[route];
  if (!manifest?.entryJSFiles) throw new Error(`no entryJSFiles for ${route}`);
  return Object.values(manifest.entryJSFiles).flat();
}

export function measureFirstLoadJs(dist = process.env.NEXT_DIST_DIR ?? ".next"): { routes: Measure[]; polyfillGzip: number } | null {
  const buildManifest = path.join(dist, "build-manifest.json");
  if (!existsSync(buildManifest)) return null;
  const build = JSON.parse(readFileSync(buildManifest, "utf8")) as { rootMainFiles: string[]; polyfillFiles: string[] };
  const size = (rel: string) => {
    const bytes = readFileSync(path.join(dist, rel.replace(/^\/_next\//, "")));
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const routes = ROUTES.map((route) => {
    const files = [...new Set([...build.rootMainFiles, ...entryFiles(dist, route)])];
    const sizes = files.map(size);
    return { route, files: files.length, raw: sizes.reduce((a, s) => a + s.raw, 0), gzip: sizes.reduce((a, s) => a + s.gzip, 0) };
  });
  const polyfillGzip = build.polyfillFiles.map(size).reduce((a, s) => a + s.gzip, 0);
  return { routes, polyfillGzip };
}

export function reportFirstLoadJs(dist = process.env.NEXT_DIST_DIR ?? ".next"): void {
  const result = measureFirstLoadJs(dist);
  if (!result) {
    console.log(`\nfirst-load JS: no production build in ${dist} (run \`next build\` first)`);
    return;
  }
  console.log(`\nfirst-load JavaScript (production build in ${dist}; target < 200 KB gzipped):`);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const r of result.routes) {
    console.log(
      `${r.route
        .replace("/(app)", "")
        .replace(/\/page$/, "")
        .padEnd(44)} ${kb(r.gzip).padStart(9)} gzipped   (${kb(r.raw)} raw, ${r.files} files)`,
    );
  }
  console.log(`${"(nomodule polyfills, not loaded by current browsers)".padEnd(44)} ${kb(result.polyfillGzip).padStart(9)} gzipped`);
}

if (import.meta.url === `file://${process.argv[1]}`) reportFirstLoadJs();
