/**
 * What a 考核 score never uses, by construction: the fact gathering (lib/data/assessment-facts.ts, the one
 * module every score's data comes through) is run on a connection that logs its SQL, and every table the
 * SQL names must be one the module lists — none of sign-ins, sessions, attachments, message read
 * receipts, leaders' 批示 and dispatches, the audit log or the outbox. A static check holds the module's
 * imports and the scoring modules' imports to the same rule.
 */
import { readFileSync } from "node:fs";
import { drizzle } from "drizzle-orm/postgres-js";
import { beforeAll, describe, expect, it } from "vitest";
import { db, sqlClient } from "@/db";
import * as schema from "@/db/schema";
import { ASSESSMENT_FACT_TABLES, gatherAssessmentFacts } from "@/lib/data/assessment-facts";
import { seedDemoReports } from "@/lib/plans/demo-reports";
import { resetWithDemo } from "../support/db";

const AT = new Date("2022-06-20T10:00:00+08:00");

/** Tables a score must never read. */
const FORBIDDEN = [
  "users",
  "sign_in_attempts",
  "user_sessions",
  "recovery_codes",
  "notification_reads",
  "notifications",
  "attachments",
  "coordination_requests",
  "coordination_replies",
  "dispatches",
  "dispatch_tasks",
  "dispatch_units",
  "dispatch_follow_ups",
  "audit_log",
  "outbox_messages",
  "delivery_preferences",
  "reminders",
  "reminder_items",
  "notice_recipients",
];

beforeAll(async () => {
  await resetWithDemo();
  await seedDemoReports(db, { at: AT, reportingStartPeriod: 5 });
}, 120_000);

/** Every table name that follows `from` or `join` in a query (aliases and subqueries aside). */
function tablesOf(query: string): string[] {
  const names = [...query.matchAll(/\b(?:from|join)\s+"?([a-z_]+)"?/gi)].map((m) => m[1]!.toLowerCase());
  return [...new Set(names)];
}

describe("the assessment's data access", () => {
  it("reads only the tables it names, and none of the sign-in or activity tables", async () => {
    const queries: string[] = [];
    // The app's own client (on PGlite, the one connection its server serves), with a logger of its own.
    const logged = drizzle(sqlClient(), { schema, logger: { logQuery: (query) => queries.push(query) } });
    const facts = await gatherAssessmentFacts(logged, { planId: 1, at: AT, valuesAt: AT });
    expect(facts?.reports.length).toBeGreaterThan(100);
    expect(queries.length).toBeGreaterThanOrEqual(10);
    const read = new Set(queries.flatMap(tablesOf));
    // The CTE names the module's own queries define are not tables.
    for (const cte of ["plan_tasks", "plan_reports", "latest", "ordered", "lateral"]) read.delete(cte);
    expect([...read].filter((t) => !(ASSESSMENT_FACT_TABLES as readonly string[]).includes(t))).toEqual([]);
    for (const table of FORBIDDEN) expect(read.has(table), `reads ${table}`).toBe(false);
    // And it does read the evidence it claims to.
    for (const table of ["progress_reports", "contributions", "task_indicators", "indicator_values", "notices", "rectifications"])
      expect(read.has(table)).toBe(true);
  });

  it("imports no data module but its own helpers, and the scoring modules import no database at all", () => {
    const source = readFileSync("lib/data/assessment-facts.ts", "utf8");
    const imports = [...source.matchAll(/^import (?:[^"]* from )?"([^"]+)";$/gm)].map((m) => m[1]);
    expect(imports.sort()).toEqual(["./input-duties", "@/db", "@/db/schema", "@/lib/assessment/facts", "drizzle-orm", "server-only"].sort());
    // The code, its comments (which say what it never reads) left out.
    const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    for (const forbidden of FORBIDDEN) expect(new RegExp(`\\b${forbidden}\\b`).test(code), forbidden).toBe(false);
    for (const file of ["lib/assessment/facts.ts", "lib/assessment/score.ts", "lib/assessment/rubric.ts", "lib/assessment/period.ts"]) {
      const pure = readFileSync(file, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\/\/.*$/gm, "");
      const from = [...pure.matchAll(/from "([^"]+)"/g)].map((m) => m[1]!);
      expect(
        from.filter((m) => m === "@/db" || m.startsWith("@/lib/data") || m.startsWith("@/lib/services")),
        file,
      ).toEqual([]);
      for (const word of ["signIn", "session", "attachment", "notificationRead", "coordinationRepl", "dispatch"])
        expect(pure.toLowerCase().includes(word.toLowerCase()), `${file}: ${word}`).toBe(false);
    }
  });
});
