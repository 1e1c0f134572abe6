/**
 * The layer boundaries in biome.jsonc fire: small files that cross a boundary, laid out in a temporary
 * copy of the project's folders with the project's Biome config, fail `biome lint`; the same imports
 * where they are allowed pass. And the type names app/ may import from @/db/schema are exactly the
 * schema's type-only exports (so no value can be let in by that list, and a new type is not forgotten).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const biome = join(root, "node_modules/.bin/biome");

/** path in the project → source. Each file uses what it imports, so only the boundary rule can object. */
const FILES: Record<string, string> = {
  "app/x/page.tsx": `import { listTasks } from "@/lib/data/tasks";\nexport const used = [listTasks];\n`,
  "app/x/db-value.ts": `import { db } from "@/db";\nexport const used = [db];\n`,
  "app/x/schema-value.ts": `import { units } from "@/db/schema";\nexport const used = [units];\n`,
  "app/x/schema-namespace.ts": `import * as schema from "@/db/schema";\nexport const used = [schema];\n`,
  "app/x/relative-data.ts": `import { listTasks } from "../../lib/data/tasks";\nexport const used = [listTasks];\n`,
  "app/api/x/route.ts": `import { db } from "@/db";\nexport const used = [db];\n`,
  "app/x/schema-types.ts": `import type { UnitKind, UserRole } from "@/db/schema";\nexport type Used = [UnitKind, UserRole];\n`,
  "app/x/service.ts": `import { listTasksFor } from "@/lib/services/tasks";\nexport const used = [listTasksFor];\n`,
  "components/x/table.tsx": `import { listUnitOptions } from "@/lib/data/units";\nexport const used = [listUnitOptions];\n`,
  "components/x/types.tsx": `import type { ReportStatus } from "@/db/schema";\nexport type Used = ReportStatus;\n`,
  "lib/services/x.ts": `import { db } from "@/db";\nimport { listTasks } from "@/lib/data/tasks";\nexport const used = [db, listTasks];\n`,
  "lib/data/x.ts": `import { listTasksFor } from "@/lib/services/tasks";\nexport const used = [listTasksFor];\n`,
  "lib/data/relative-service.ts": `import { listTasksFor } from "../services/tasks";\nexport const used = [listTasksFor];\n`,
  "lib/data/y.ts": `import { db } from "@/db";\nimport { units } from "@/db/schema";\nexport const used = [db, units];\n`,
  "lib/reporting/x.ts": `import { listTasks } from "@/lib/data/tasks";\nexport const used = [listTasks];\n`,
  "lib/reporting/service.ts": `import { listTasksFor } from "@/lib/services/tasks";\nexport const used = [listTasksFor];\n`,
  "lib/tasks/x.ts": `import { db } from "@/db";\nexport const used = [db];\n`,
  "lib/indicators/x.ts": `import { taskIndicators } from "@/db/schema";\nexport const used = [taskIndicators];\n`,
  "lib/indicators/fine.ts": `import type { IndicatorComparator } from "@/db/schema";\nimport { strictInput } from "@/lib/services/schema-kit";\nexport const used = [strictInput];\nexport type Used = IndicatorComparator;\n`,
  "lib/policies/x.ts": `import { listTasks } from "@/lib/data/tasks";\nexport const used = [listTasks];\n`,
};

const REFUSED = [
  "app/x/page.tsx",
  "app/x/db-value.ts",
  "app/x/schema-value.ts",
  "app/x/schema-namespace.ts",
  "app/x/relative-data.ts",
  "app/api/x/route.ts",
  "components/x/table.tsx",
  "lib/data/x.ts",
  "lib/data/relative-service.ts",
  "lib/reporting/x.ts",
  "lib/reporting/service.ts",
  "lib/tasks/x.ts",
  "lib/indicators/x.ts",
  "lib/policies/x.ts",
];
const ALLOWED = Object.keys(FILES).filter((f) => !REFUSED.includes(f));

interface Diagnostic {
  category?: string;
  severity: string;
  location?: { path?: string | { file: string } };
}

let work: string;
let diagnostics: Diagnostic[];

const pathOf = (d: Diagnostic) => {
  const p = d.location?.path;
  return (typeof p === "string" ? p : (p?.file ?? "")).replaceAll("\\", "/");
};
const boundaryErrorsIn = (file: string) =>
  diagnostics.filter((d) => d.category === "lint/style/noRestrictedImports" && d.severity === "error" && pathOf(d).endsWith(file));

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "luoshi-lint-"));
  copyFileSync(join(root, "biome.jsonc"), join(work, "biome.jsonc"));
  for (const [file, source] of Object.entries(FILES)) {
    mkdirSync(dirname(join(work, file)), { recursive: true });
    writeFileSync(join(work, file), source);
  }
  const run = spawnSync(biome, ["lint", "--vcs-enabled=false", "--reporter=json", "--max-diagnostics=none", "."], { cwd: work, encoding: "utf8" });
  const json = run.stdout.slice(run.stdout.indexOf("{"));
  diagnostics = (JSON.parse(json) as { diagnostics: Diagnostic[] }).diagnostics;
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("layer boundaries (biome.jsonc, noRestrictedImports)", () => {
  it.each(REFUSED)("%s crosses a boundary: biome lint fails on it", (file) => {
    expect(boundaryErrorsIn(file).length).toBeGreaterThan(0);
  });

  it.each(ALLOWED)("%s stays inside its layer: no boundary error", (file) => {
    expect(boundaryErrorsIn(file)).toEqual([]);
  });

  it("reports nothing else on the snippets (they fail for the boundary only)", () => {
    const other = diagnostics.filter((d) => d.severity === "error" && d.category !== "lint/style/noRestrictedImports");
    expect(other.map((d) => `${d.category} ${pathOf(d)}`)).toEqual([]);
  });
});

describe("the schema types app/ may import", () => {
  const schemaDir = join(root, "db/schema");
  const source = readdirSync(schemaDir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => readFileSync(join(schemaDir, f), "utf8"))
    .join("\n");
  const typeExports = [...source.matchAll(/^export (?:type|interface) (\w+)/gm)].map((m) => m[1]!).sort();
  const valueExports = new Set([...source.matchAll(/^export (?:const|function|class|enum) (\w+)/gm)].map((m) => m[1]!));
  const config = readFileSync(join(root, "biome.jsonc"), "utf8");
  const lists = [...config.matchAll(/"allowImportNames": \[([^\]]*)\]/g)].map((m) => [...m[1]!.matchAll(/"(\w+)"/g)].map((n) => n[1]!).sort());

  it("every allow list is exactly the schema's type-only exports", () => {
    expect(typeExports.length).toBeGreaterThan(20);
    expect(lists.length).toBe(2);
    for (const list of lists) {
      expect(list).toEqual(typeExports);
      expect(list.filter((name) => valueExports.has(name))).toEqual([]);
    }
  });
});

describe("formatting (npm run lint is biome check)", () => {
  const check = (source: string) => {
    const dir = mkdtempSync(join(tmpdir(), "luoshi-format-"));
    try {
      copyFileSync(join(root, "biome.jsonc"), join(dir, "biome.jsonc"));
      mkdirSync(join(dir, "lib"));
      writeFileSync(join(dir, "lib/x.ts"), source);
      return spawnSync(biome, ["check", "--vcs-enabled=false", "."], { cwd: dir, encoding: "utf8" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it("refuses a file that is not formatted, passes the same file formatted", () => {
    const messy = check(`export const unitKinds = [ 'department','town' ]\nexport function label(kind:string){return kind}\n`);
    expect(messy.status).not.toBe(0);
    expect(messy.stdout + messy.stderr).toMatch(/format/i);
    const tidy = check(`export const unitKinds = ["department", "town"];\nexport function label(kind: string) {\n  return kind;\n}\n`);
    expect(tidy.stdout + tidy.stderr).not.toMatch(/error/i);
    expect(tidy.status).toBe(0);
  }, 60_000);
});
