/**
 * After `next build`: fails when the built CSS uses what Chromium 86 (the 信创 browsers on office PCs)
 * cannot parse or apply (lib/css/legacy-css-check.ts). NEXT_DIST_DIR names another build folder.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { findLegacyCssProblems, OLDEST_CHROMIUM } from "../lib/css/legacy-css-check";

const dir = path.join(process.env.NEXT_DIST_DIR ?? ".next", "static");
const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".css"));
if (files.length === 0) {
  console.error(`[css] no CSS under ${dir}: run \`next build\` first`);
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  const problems = findLegacyCssProblems(readFileSync(path.join(dir, file), "utf8"));
  for (const p of problems.slice(0, 20)) console.error(`[css] ${file}: ${p.construct} (Chromium ${p.chromium}+) in ${p.where.slice(0, 160)}`);
  if (problems.length > 20) console.error(`[css] ${file}: … ${problems.length - 20} more`);
  failed += problems.length;
}
if (failed > 0) {
  console.error(`[css] ${failed} construct(s) Chromium ${OLDEST_CHROMIUM} cannot use`);
  process.exit(1);
}
console.log(`[css] ${files.length} stylesheet(s) fit Chromium ${OLDEST_CHROMIUM}`);
