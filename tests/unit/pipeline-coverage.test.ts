/**
 * The pipeline cannot be skipped: read from the source tree, every route handler under app/api (but
 * next-auth's own) is built with defineRoute, every server action with defineAction (or serviceAction, built on it), no app file
 * imports the database, and every write of a service goes through `mutation` (lib/services/mutation.ts),
 * which opens the transaction and writes the audit rows. Each rule is shown failing on a sample first.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(rel, keep));
    else if (keep(rel)) out.push(rel);
  }
  return out;
}
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
const isSource = (f: string) => /\.(ts|tsx)$/.test(f);

const METHODS = "GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS";

/** A route file's handlers that are not `export const METHOD = defineRoute(…)`. */
function routeProblems(text: string): string[] {
  const problems: string[] = [];
  const exported = [...text.matchAll(new RegExp(`export\\s+(?:async\\s+)?(?:function|const|let|var)\\s+(${METHODS})\\b`, "g"))];
  if (exported.length === 0 && !/export\s*\{/.test(text)) problems.push("no handler");
  for (const match of exported) {
    if (!new RegExp(`export const ${match[1]} = defineRoute(<[^\\n]*?>)?\\(`).test(text)) problems.push(`${match[1]} not built with defineRoute`);
  }
  if (/export\s*\{[^}]*\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/.test(text)) problems.push("handler re-exported");
  return problems;
}

/** A "use server" file's exports that are not defineAction pipelines (or a function that calls one of this file's). */
function actionProblems(text: string): string[] {
  const problems: string[] = [];
  const built = new Set([...text.matchAll(/(?:^|\n)(?:export )?const (\w+) = (?:defineAction|serviceAction)\(/g)].map((m) => m[1]!));
  for (const match of text.matchAll(/\nexport (const|let|var|async function|function|default|\{)\s*(\w*)/g)) {
    const [, kind, name] = match;
    if (kind === "const" && built.has(name!)) continue;
    if (kind === "async function") {
      const start = match.index! + match[0].length;
      const next = text.slice(start).search(/\n(export |const |function |async function )/);
      const body = text.slice(start, next === -1 ? undefined : start + next);
      if ([...built].some((b) => new RegExp(`\\b${b}\\(`).test(body))) continue;
    }
    problems.push(`${name || kind} is not built with defineAction`);
  }
  return problems;
}

/** Writes outside the mutation helper: a transaction opened, or an audit row written, by hand. */
function serviceProblems(file: string, text: string): string[] {
  const problems: string[] = [];
  if (/\.transaction\(/.test(text)) problems.push("opens a transaction (use mutation)");
  // lib/plans/import-plan.ts is a step of its callers' mutations (the app's import, the command line, the demo seed).
  if (/\bwriteAudit\(/.test(text) && file !== "lib/plans/import-plan.ts") problems.push("writes an audit row (use mutation's audit)");
  for (const match of text.matchAll(/\bmutation\(/g)) {
    const call = text.slice(match.index!, match.index! + 4000);
    const arrow = call.indexOf("=>");
    if (arrow === -1) continue;
    // The callback's first lines up to the next top-level service function.
    const end = call.slice(arrow).search(/\n(export )?(async )?function /);
    const body = call.slice(arrow, end === -1 ? undefined : arrow + end);
    if (!/\baudit\b/.test(body) && !/\bimportPlan\(/.test(body)) problems.push("a mutation that never uses its audit");
  }
  return problems;
}

/** Value imports of the database from app code (type-only imports of the schema's types are fine). */
function databaseImports(text: string): string[] {
  return [...text.matchAll(/import\s+(type\s+)?[^;]*?from\s+"(@\/db(?:\/[^"]*)?)"/g)].filter((m) => !m[1]).map((m) => m[2]!);
}

describe("the rules fail on what they forbid", () => {
  it("route handlers", () => {
    expect(routeProblems(`export async function GET(request: Request) { return Response.json({}); }`)).toEqual(["GET not built with defineRoute"]);
    expect(routeProblems(`const handler = () => null;\nexport { handler as GET };`)).toEqual(["handler re-exported"]);
    expect(routeProblems(`export const GET = defineRoute<{ id: string }>({ name: "x" }, async () => new Response());`)).toEqual([]);
  });
  it("server actions", () => {
    expect(actionProblems(`"use server";\nexport async function saveAction(input: unknown) { return save(input); }`)).toEqual([
      "saveAction is not built with defineAction",
    ]);
    expect(actionProblems(`"use server";\nexport const saveAction = async () => null;`)).toEqual(["saveAction is not built with defineAction"]);
    expect(
      actionProblems(
        `"use server";\nconst save = defineAction({ name: "x", schema }, async () => null);\nexport async function saveAction() { return save({}); }`,
      ),
    ).toEqual([]);
    expect(actionProblems(`"use server";\nexport const saveAction = serviceAction({ name: "x", schema }, save);`)).toEqual([]);
  });
  it("services", () => {
    expect(serviceProblems("lib/services/x.ts", `return db.transaction(async (tx) => { await writeAudit(tx, actor, entry); });`)).toEqual([
      "opens a transaction (use mutation)",
      "writes an audit row (use mutation's audit)",
    ]);
    expect(serviceProblems("lib/services/x.ts", `return mutation(actor, { entity: "x" }, async (tx) => {\n  await update(tx);\n});\n`)).toEqual([
      "a mutation that never uses its audit",
    ]);
    expect(
      serviceProblems(
        "lib/services/x.ts",
        `return mutation(actor, { action: "x.y", entity: "x" }, async (tx, audit) => {\n  await audit({ entityId: 1 });\n});\n`,
      ),
    ).toEqual([]);
  });
  it("database imports in app code", () => {
    expect(databaseImports(`import { db } from "@/db";\nimport { users } from "@/db/schema";\nimport type { UserRole } from "@/db/schema";`)).toEqual([
      "@/db",
      "@/db/schema",
    ]);
  });
});

describe("the source tree", () => {
  it("every route handler under app/api goes through defineRoute (next-auth's own excepted)", () => {
    const routes = filesUnder("app/api", (f) => /\/route\.tsx?$/.test(f)).filter((f) => f !== "app/api/auth/[...nextauth]/route.ts");
    expect(routes.length).toBeGreaterThan(10);
    expect(Object.fromEntries(routes.map((f) => [f, routeProblems(read(f))]).filter(([, p]) => (p as string[]).length > 0))).toEqual({});
  });

  it('every export of a "use server" file is a defineAction pipeline', () => {
    const files = ["app", "lib", "components"].flatMap((d) => filesUnder(d, isSource)).filter((f) => /^\s*["']use server["']/.test(read(f)));
    expect(files.length).toBeGreaterThan(20);
    expect(Object.fromEntries(files.map((f) => [f, actionProblems(read(f))]).filter(([, p]) => (p as string[]).length > 0))).toEqual({});
  });

  it("no app file imports the database", () => {
    const files = filesUnder("app", isSource);
    expect(Object.fromEntries(files.map((f) => [f, databaseImports(read(f))]).filter(([, p]) => (p as string[]).length > 0))).toEqual({});
  });

  it("every write of a service goes through mutation", () => {
    const files = ["lib/services", "lib/plans", "lib/import"].flatMap((d) => filesUnder(d, isSource)).filter((f) => f !== "lib/services/mutation.ts");
    expect(files.length).toBeGreaterThan(40);
    expect(Object.fromEntries(files.map((f) => [f, serviceProblems(f, read(f))]).filter(([, p]) => (p as string[]).length > 0))).toEqual({});
  });
});
